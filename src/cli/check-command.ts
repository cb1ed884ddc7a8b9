import {check, type CheckReport, type CheckResult} from '../check/check.js';
import {checkPdfFiles, isPdfPath} from './check-pdf-files.js';
import {countMessages, escapeControl, formatCounts, formatMessages} from '../messages/report.js';
import {commonOptions, parseCommand, usageFailure, type OptionTable} from './arguments.js';
import {exitCode} from './exit-codes.js';
import {jsonMessages} from './json-messages.js';
import {projectConfig} from './project-config.js';
import {setupFailure} from './setup-failure.js';
import {readInputs} from './stdin.js';
import {checkUsage} from './usage.js';

const options = {
  ...commonOptions,
  template: {type: 'string', short: 't'},
  json: {type: 'boolean'}
} satisfies OptionTable;

/**
 * `briefing check`: report every problem that can be known without printing.
 *
 * @param {readonly string[]} argv
 *   Arguments after `check`.
 * @returns {Promise<number>}
 *   Exit status: 1 when a manuscript has errors.
 */
export async function checkCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommand(argv, options, checkUsage);
  if (typeof parsed === 'number') return parsed;
  const {values} = parsed;
  const {inputs} = parsed;
  if (inputs.length === 0) return usageFailure('Missing manuscript: give files, folders or globs to check', checkUsage);
  if (inputs.every(isPdfPath)) return checkPdfFiles(inputs, {json: values.json, quiet: values.quiet});
  if (inputs.some(isPdfPath)) return usageFailure('Check PDFs and manuscripts in separate runs', checkUsage);

  let report: CheckReport;
  try {
    const config = await projectConfig(values);
    report = await check(await readInputs(inputs), {
      config: config.settings,
      template: values.template,
      root: values.root,
      strict: values.strict,
      onDocument(result) {
        const messages = formatMessages([result.file]);
        const line = values.quiet && result.ok && result.file.messages.length === 0 ? '' : resultLine(result);
        const text = [messages, line].filter(Boolean).join('\n');
        if (text) process.stderr.write(`${text}\n`);
      }
    });
  } catch (error) {
    return setupFailure(error, checkUsage);
  }
  if (values.json) {
    const json = {
      ok: report.ok,
      documents: report.documents.map((document) => ({input: document.input, ok: document.ok, messages: jsonMessages(document.file)}))
    };
    await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(json, null, 2)}\n`, () => resolve()));
  }
  return report.ok ? exitCode.ok : exitCode.failed;
}

/** `✓ x.md: no problems`, `⚠ x.md: 2 warnings`, `✗ x.md: 1 error, 2 warnings`. */
function resultLine(result: CheckResult): string {
  const counts = countMessages(result.file);
  return `${counts.errors ? '✗' : counts.warnings ? '⚠' : '✓'} ${escapeControl(result.input)}: ${formatCounts(counts) || 'no problems'}`;
}

