import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {VFile} from 'vfile';
import {resolveSettings, type SettingsLayer} from '../config/config.js';
import {HtmlStage, HtmlTimeoutError} from '../pipeline/html-stage.js';
import {checkInput} from '../markdown/check-input.js';
import {findManuscripts, type BuildInput} from '../manuscripts/manuscripts.js';
import {hasErrors, reportError} from '../messages/messages.js';

/** What checking one manuscript found. */
export interface CheckResult {
  /** The manuscript's path, as given. */
  readonly input: string;
  /** False when it has errors (it would not build, or builds broken). */
  readonly ok: boolean;
  /** The manuscript, with every problem as a positioned message. */
  readonly file: VFile;
}

/** What a check found. */
export interface CheckReport {
  readonly ok: boolean;
  readonly documents: readonly CheckResult[];
}

export interface CheckOptions extends SettingsLayer {
  /** Project configuration, below the front matter. */
  readonly config?: SettingsLayer | undefined;
  /** Working directory that relative inputs are resolved against. */
  readonly cwd?: string | undefined;
  /** Called after each manuscript. */
  readonly onDocument?: ((result: CheckResult, index: number, total: number) => void) | undefined;
}

/**
 * Check manuscripts without printing: front matter, block syntax, summary, pull quotes,
 * images (missing, without alt text), internal links and heading levels. Errors are
 * what would stop a build or break its output; warnings are editorial advice.
 *
 * @param {readonly BuildInput[]} inputs
 *   Files, folders, globs and in-memory manuscripts.
 * @param {CheckOptions} options
 *   Settings and hook.
 * @returns {Promise<CheckReport>}
 *   One result per manuscript.
 */
export async function check(inputs: readonly BuildInput[], options: CheckOptions = {}): Promise<CheckReport> {
  const {cwd = process.cwd(), config, onDocument, ...flags} = options;
  const run = resolveSettings({config, flags});
  const manuscripts = await findManuscripts(inputs, cwd);
  // The build's own HTML stage, in its thread and under the same time budget: a
  // manuscript that makes the parser crawl is stopped here as in a build.
  const stage = new HtmlStage({settings: run, print: false});
  stage.start();
  const documents: CheckResult[] = [];
  try {
    for (const [index, manuscript] of manuscripts.entries()) {
      const file = manuscript.file ?? new VFile({path: manuscript.path, cwd});
      try {
        if (!manuscript.file) file.value = await readFile(path.resolve(cwd, manuscript.path));
        if (checkInput(file)) await stage.render(file, {timeout: run.timeout, lint: true});
      } catch (error) {
        if (error instanceof HtmlTimeoutError) {
          reportError(file, `Could not check: ${error.message}; the manuscript is too hard to parse`, {line: 1, column: 1}, 'timeout');
        } else {
          reportError(file, `Could not check: ${(error as Error).message}`, undefined, 'check');
        }
      }
      const result: CheckResult = {input: manuscript.path, ok: !hasErrors(file), file};
      documents.push(result);
      onDocument?.(result, index, manuscripts.length);
    }
  } finally {
    await stage.close();
  }
  return {ok: documents.every((document) => document.ok), documents};
}
