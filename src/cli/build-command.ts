import type {ParseArgsConfig} from 'node:util';
import {build, type BuildReport, type DocumentResult} from '../build/build.js';
import {editions, formats, maxConcurrency, outputFolder, papers, resolveSettings, type Edition, type Format, type Paper, type SettingsLayer} from '../config/config.js';
import {findManuscripts} from '../manuscripts/manuscripts.js';
import {Progress} from './progress.js';
import {commonOptions, interruptions, jsonMessages, parseCommand, projectConfig, readInputs, setupFailure, UsageError, usageFailure} from './shared.js';
import {buildUsage} from './usage.js';

/** The flags that shape documents, shared with `email` and `print`. */
export const documentOptions = {
  ...commonOptions,
  'out-dir': {type: 'string', short: 'o'},
  paper: {type: 'string', short: 'p'},
  edition: {type: 'string', short: 'e'},
  template: {type: 'string', short: 't'},
  timeout: {type: 'string'},
  browser: {type: 'string'}
} satisfies ParseArgsConfig['options'];

const options = {
  ...documentOptions,
  format: {type: 'string', short: 'f'},
  concurrency: {type: 'string', short: 'j'},
  watch: {type: 'boolean', short: 'w'},
  stdout: {type: 'boolean'},
  json: {type: 'boolean'}
} satisfies ParseArgsConfig['options'];

export type Values = {[Key in keyof typeof options]?: (typeof options)[Key]['type'] extends 'string' ? string : boolean};

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
  const values = parsed.values as Values;
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
    const config = await projectConfig(values);
    const files = await readInputs(inputs);
    if (values.stdout && (await findManuscripts(files, cwd)).length !== 1) throw new UsageError('--stdout writes one document; give exactly one manuscript');
    const settings = resolveSettings({config: config.settings, flags});
    const outDir = outputFolder(settings, cwd);
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
      return 0;
    }

    // The command exits next: Chromium is told to close and left to finish on its own.
    const report = await build(files, {...hooks, settings, write: !values.stdout, waitForBrowser: false});
    progress.finish(outDir);
    if (values.json) await write(`${JSON.stringify(toJson(report), null, 2)}\n`);
    const single = report.documents[0];
    if (values.stdout && single?.ok) await write(single.pdf ?? single.html ?? '');
    return report.ok ? 0 : 1;
  } catch (error) {
    progress.close();
    if (stop.signal.aborted) return values.watch ? 0 : 130;
    return setupFailure(error, buildUsage);
  } finally {
    stop.dispose();
  }
}

/**
 * The flags as a settings layer; a flag not given is `undefined`, so it overrides nothing.
 *
 * @param {Values} values
 *   Parsed flags.
 * @returns {SettingsLayer}
 *   The top layer.
 */
export function flagsToSettings(values: Values): SettingsLayer {
  const paper = values.paper?.toLowerCase();
  if (paper !== undefined && !(papers as readonly string[]).includes(paper)) throw new UsageError(`Unknown paper \`${values.paper}\`, expected ${papers.join(' or ')}`);
  const edition = values.edition?.toLowerCase();
  if (edition !== undefined && !(editions as readonly string[]).includes(edition)) {
    throw new UsageError(`Unknown edition \`${values.edition}\`, expected ${editions.join(' or ')}`);
  }
  let list = values.format?.split(',').map((item) => item.trim().toLowerCase());
  const unknown = list?.find((item) => !(formats as readonly string[]).includes(item));
  if (unknown !== undefined) throw new UsageError(`Unknown format \`${unknown}\`, expected pdf, html or pdf,html`);
  if (values.stdout) {
    list ??= ['pdf'];
    if (new Set(list).size !== 1) throw new UsageError('--stdout writes one output; choose --format pdf or --format html');
  }
  const timeout = values.timeout;
  if (timeout !== undefined && !(Number(timeout) > 0)) throw new UsageError(`Invalid --timeout \`${timeout}\`, expected seconds above 0`);
  const concurrency = values.concurrency;
  const workers = Number(concurrency);
  if (concurrency !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= maxConcurrency)) {
    throw new UsageError(`Invalid --concurrency \`${concurrency}\`, expected a whole number from 1 to ${maxConcurrency}`);
  }
  return {
    outDir: values['out-dir'],
    paper: paper as Paper | undefined,
    edition: edition as Edition | undefined,
    formats: list as Format[] | undefined,
    template: values.template,
    timeout: timeout === undefined ? undefined : Math.round(Number(timeout) * 1000),
    concurrency: concurrency === undefined ? undefined : workers,
    browser: values.browser,
    strict: values.strict,
    root: values.root
  };
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
