import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {documentOptions} from './build-options.js';
import {escapeControl} from '../messages/report.js';
import {buildInMemory} from './build-in-memory.js';
import {parseCommand, UsageError, usageFailure, type OptionTable} from './arguments.js';
import {exitCode} from './exit-codes.js';
import {setupFailure} from './setup-failure.js';
import {interruptions} from './signals.js';
import {printUsage} from './usage.js';

const options = {
  ...documentOptions,
  printer: {type: 'string', short: 'P'},
  copies: {type: 'string', short: 'n'},
  duplex: {type: 'boolean', short: 'd'},
  wait: {type: 'boolean'}
} satisfies OptionTable;

/**
 * `briefing print`: build the print edition of one manuscript and send it to a printer
 * through the system's spooler (CUPS `lp`).
 *
 * @param {readonly string[]} argv
 *   Arguments after `print`.
 * @returns {Promise<number>}
 *   Exit status.
 */
export async function printCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommand(argv, options, printUsage);
  if (typeof parsed === 'number') return parsed;
  const {values} = parsed;
  const {inputs} = parsed;
  if (inputs.length !== 1) return usageFailure('Give exactly one manuscript to print', printUsage);
  const copies = values.copies === undefined ? 1 : Number(values.copies);
  if (!Number.isInteger(copies) || copies < 1 || copies > 999) return usageFailure(`Invalid --copies \`${values.copies}\`, expected 1 to 999`, printUsage);

  const stop = interruptions();
  let dir: string | undefined;
  try {
    if (values.printer !== undefined && !/^[\w.@-]+$/.test(values.printer)) throw new UsageError(`Invalid printer name \`${values.printer}\``);
    const built = await buildInMemory(inputs[0] ?? '', values, {edition: 'print', signal: stop.signal});
    if (!built) {
      process.stderr.write(`✗ ${escapeControl(inputs[0] ?? '')}: not built\n`);
      return exitCode.failed;
    }
    const {submitPrintJob, waitForPrintJob} = await import('../distribute/print-job.js');
    dir = await mkdtemp(path.join(tmpdir(), 'briefing-print-'));
    const {name} = built;
    const file = path.join(dir, `${name}.pdf`);
    await writeFile(file, built.pdf);
    const {job} = await submitPrintJob(file, {printer: values.printer, copies, duplex: values.duplex, title: name});
    if (values.wait) await waitForPrintJob(job, built.settings.timeout * 4);
    if (!values.quiet) {
      process.stderr.write(
        `🖨 ${escapeControl(inputs[0] ?? '')} → ${values.printer ?? 'the default printer'}: job ${job}, ${built.document.pages} pages × ${copies}${values.duplex ? ', duplex' : ''}${values.wait ? ', done' : ''}\n`
      );
    }
    return exitCode.ok;
  } catch (error) {
    if (stop.signal.aborted) return exitCode.interrupted;
    if ((error as Error).name === 'PrintError') {
      process.stderr.write(`briefing: ${escapeControl((error as Error).message)}\n`);
      return exitCode.failed;
    }
    return setupFailure(error, printUsage);
  } finally {
    stop.dispose();
    if (dir) await rm(dir, {recursive: true, force: true});
  }
}
