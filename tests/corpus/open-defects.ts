/**
 * Defects the corpus has found and that are not fixed yet, each with what is known of
 * it. The harness still runs every check on every document; this ledger only says which
 * results are expected to be failures, so that CI stays a gate for everything else.
 *
 * Each check listed must still fail for its document (`it.fails`): once the defect is
 * fixed the run goes red until its entry is removed, so a fix is never left unrecorded.
 */
export interface OpenDefect {
  readonly document: string;
  /** The check's name, as the first word of its test: `text`, `reproducible`, … */
  readonly check: string;
  readonly defect: string;
}

export const openDefects: readonly OpenDefect[] = [];
