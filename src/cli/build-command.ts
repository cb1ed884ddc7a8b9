import {build, type BuildReport, type DocumentResult, type InspectPdf} from '../build/build.js';
import {outputFolder, resolveSettings} from '../config/config.js';
import {findManuscripts} from '../manuscripts/manuscripts.js';
import {Progress} from './progress.js';
import {parseCommand, UsageError, usageFailure, type OptionTable} from './arguments.js';
import {documentOptions, flagsToSettings, outputOptions} from './build-options.js';
import {exitCode} from './exit-codes.js';
import {jsonMessages} from './json-messages.js';
import {projectConfig} from './project-config.js';
import {setupFailure} from './setup-failure.js';
import {interruptions} from './signals.js';
import {readInputs} from './stdin.js';
import {buildUsage} from './usage.js';

const options = {
  ...documentOptions,
  ...outputOptions,
  watch: {type: 'boolean', short: 'w'},
  'check-pdf': {type: 'boolean'},
  stdout: {type: 'boolean'},
  json: {type: 'boolean'}
} satisfies OptionTable;

/**
 * `briefing build`: parse the flags, call `build` (or `watch`), print, return the exit status.
 *
 * @param {readonly string[]} argv
 *   Arguments after `build`.
 * @returns {Promise<number>}
 *   Exit status.
 */
export async function buildCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommand(argv, options, buildUsage);
  if (typeof parsed === 'number') return parsed;
  const {values} = parsed;
  const {inputs} = parsed;
  if (inputs.length === 0) return usageFailure('Missing manuscript: give files, folders or globs to build', buildUsage);

  const cwd = process.cwd();
  const progress = new Progress(process.stderr, {quiet: values.quiet});
  const stop = interruptions();
  try {
    const flags = flagsToSettings(values);
    if (values.watch && (values.stdout || values.json)) throw new UsageError('--watch writes files and prints as it goes; it cannot be combined with --stdout or --json');
    if (values.stdout && values.json) throw new UsageError('--stdout and --json both write to standard output; choose one');
    if (values.watch && inputs.includes('-')) throw new UsageError('--watch needs files to watch; standard input (`-`) cannot be watched');
    if (values['check-pdf'] && values.watch) throw new UsageError('--check-pdf checks the PDFs of one build; it cannot be combined with --watch');
    const config = await projectConfig(values);
    const files = await readInputs(inputs);
    if (values.stdout && (await findManuscripts(files, cwd)).length !== 1) throw new UsageError('--stdout writes one document; give exactly one manuscript');
    const settings = resolveSettings({config: config.settings, flags});
    const outDir = outputFolder(settings, cwd);
    if (values['check-pdf'] && !settings.formats.includes('pdf')) throw new UsageError('--check-pdf checks PDFs; add pdf to --format');
    const hooks = {
      signal: stop.signal,
      onStart: (input: string, index: number, total: number) => progress.start(input, index, total),
      onDocument: (result: DocumentResult, index: number) => progress.document(result, index)
    };

    if (values.watch) {
      const {watch} = await import('../build/watch.js');
      await watch(files, {
        ...hooks,
        settings,
        onWatching(manuscripts, watched) {
          progress.finish(outDir);
          progress.watching(manuscripts, watched);
        },
        onRebuild: (result) => progress.rebuilt(result)
      });
      return exitCode.ok;
    }

    // The command exits next: Chromium is told to close and left to finish on its own.
    // The checker (and pdf-lib) is loaded only when asked for: a plain build starts sooner.
    const inspectPdf: InspectPdf | undefined = values['check-pdf']
      ? async (pdf, file, name) => (await import('../check/pdf/pdf-messages.js')).reportPdfFindings(pdf, file, name)
      : undefined;
    const report = await build(files, {...hooks, settings, write: !values.stdout, waitForBrowser: false, inspectPdf});
    progress.finish(outDir);
    if (values.json) await write(`${JSON.stringify(toJson(report), null, 2)}\n`);
    const single = report.documents[0];
    if (values.stdout && single?.ok) await write(single.pdf ?? single.html ?? '');
    return report.ok ? exitCode.ok : exitCode.failed;
  } catch (error) {
    progress.close();
    if (stop.signal.aborted) return values.watch ? exitCode.ok : exitCode.interrupted;
    return setupFailure(error, buildUsage);
  } finally {
    stop.dispose();
  }
}

/**
 * The report as `--json` prints it.
 *
 * @param {BuildReport} report
 *   What the build did.
 * @returns {object}
 *   Plain data: no bytes, no VFiles.
 */
export function toJson(report: BuildReport): object {
  return {
    ok: report.ok,
    documents: report.documents.map((document) => ({
      input: document.input,
      ok: document.ok,
      outputs: document.outputs,
      pages: document.pages ?? null,
      bytes: document.bytes ?? null,
      milliseconds: document.milliseconds,
      messages: jsonMessages(document.file)
    }))
  };
}

/** Write to standard output and wait until it is handed over, so nothing is cut off at exit. */
function write(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())));
}
