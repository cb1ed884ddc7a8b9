#!/usr/bin/env node
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {build, type DocumentResult} from './build.js';
import {formats, papers, SettingsError, type Format, type SettingsLayer} from './config.js';
import {InputError} from './build.js';
import {formatMessages} from './report.js';
import {version} from './version.js';

const usage = `Usage: briefing build <manuscript.md|folder>... [options]

Turn Markdown briefings into a self-contained HTML page and a print-ready PDF.

Options:
  -o, --out-dir DIR       where outputs go (default: out)
  -p, --paper SIZE        a4 or letter (default: a4)
  -f, --format LIST       pdf, html or pdf,html (default: pdf,html)
  -t, --template NAME     template name from templates/, or a folder (default: briefing)
      --timeout SECONDS   time budget per document (default: 30)
      --browser PATH      Chrome/Chromium to print with (else BRIEFING_CHROME,
                          PUPPETEER_EXECUTABLE_PATH, then an installed one)
  -q, --quiet             print only problems
  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 when every manuscript was built, 1 when one could not be, 2 on a usage error.`;

const options = {
  'out-dir': {type: 'string', short: 'o'},
  paper: {type: 'string', short: 'p'},
  format: {type: 'string', short: 'f'},
  template: {type: 'string', short: 't'},
  timeout: {type: 'string'},
  browser: {type: 'string'},
  quiet: {type: 'boolean', short: 'q'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} satisfies ParseArgsConfig['options'];

class UsageError extends Error {}

/**
 * Run the command line. Returns the exit code; never calls `process.exit`, so pending
 * output and browser shutdown finish first.
 *
 * @param {readonly string[]} argv
 *   Arguments after `node cli.js`.
 * @returns {Promise<number>}
 *   Exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true});
  } catch (error) {
    return usageFailure((error as Error).message);
  }
  const {values, positionals} = parsed;
  if (values.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command !== 'build') return usageFailure(command ? `Unknown command \`${command}\`` : 'Missing command');
  if (inputs.length === 0) return usageFailure('Missing manuscript: give files or folders to build');

  let layer: SettingsLayer;
  try {
    layer = flagsToSettings(values);
  } catch (error) {
    return usageFailure((error as Error).message);
  }

  // Ctrl-C or a TERM signal stops the build; the browser is closed before exiting.
  const controller = new AbortController();
  const interrupted = (signal: NodeJS.Signals): void => {
    process.stderr.write(`briefing: ${signal}, stopping\n`);
    controller.abort(new Error(signal));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted).once('SIGHUP', interrupted);

  try {
    const report = await build(inputs, {
      ...layer,
      signal: controller.signal,
      onDocument(result) {
        const messages = formatMessages([result.file]);
        if (messages) process.stderr.write(`${messages}\n`);
        if (!values.quiet || !result.ok) process.stderr.write(`${summaryLine(result)}\n`);
      }
    });
    return report.ok ? 0 : 1;
  } catch (error) {
    if (controller.signal.aborted) return 130;
    if (error instanceof InputError || error instanceof SettingsError) return usageFailure(error.message);
    process.stderr.write(`briefing: ${(error as Error).message}\n`);
    return 1;
  }
}

function flagsToSettings(values: {[K in keyof typeof options]?: string | boolean}): SettingsLayer {
  const paper = values.paper as string | undefined;
  if (paper !== undefined && !(papers as readonly string[]).includes(paper.toLowerCase())) {
    throw new UsageError(`Unknown paper \`${paper}\`, expected ${papers.join(' or ')}`);
  }
  const list = (values.format as string | undefined)?.split(',').map((item) => item.trim().toLowerCase());
  const unknown = list?.find((item) => !(formats as readonly string[]).includes(item));
  if (unknown !== undefined) throw new UsageError(`Unknown format \`${unknown}\`, expected pdf, html or pdf,html`);
  const timeout = values.timeout as string | undefined;
  if (timeout !== undefined && !(Number(timeout) > 0)) throw new UsageError(`Invalid --timeout \`${timeout}\`, expected seconds above 0`);
  return {
    outDir: values['out-dir'] as string | undefined,
    paper: paper?.toLowerCase() as SettingsLayer['paper'],
    formats: list as Format[] | undefined,
    template: values.template as string | undefined,
    timeout: timeout === undefined ? undefined : Math.round(Number(timeout) * 1000),
    browser: values.browser as string | undefined
  };
}

function summaryLine(result: DocumentResult): string {
  if (!result.ok) return `✗ ${result.input}: not built`;
  const details = [
    result.pages === undefined ? undefined : `${result.pages} page${result.pages === 1 ? '' : 's'}`,
    result.bytes === undefined ? undefined : `${Math.round(result.bytes / 1024)} KB`,
    `${(result.milliseconds / 1000).toFixed(2)} s`
  ].filter(Boolean);
  return `✓ ${result.input} → ${result.outputs.join(', ')} (${details.join(', ')})`;
}

function usageFailure(message: string): number {
  process.stderr.write(`briefing: ${message}\n\n${usage}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
