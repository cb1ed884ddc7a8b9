import {execFile} from 'node:child_process';
import {promisify} from 'node:util';

const run = promisify(execFile);

export interface PrintJobOptions {
  /** Printer (CUPS destination); the system's default printer when absent. */
  readonly printer?: string | undefined;
  readonly copies?: number | undefined;
  /** Print on both sides, bound on the long edge. */
  readonly duplex?: boolean | undefined;
  /** Job title shown in the queue. */
  readonly title?: string | undefined;
}

/** The spooler refused the job, or there is no spooler; the message says which and what to do. */
export class PrintError extends Error {
  override name = 'PrintError';
}

/**
 * The arguments `lp` gets for a job: destination, copies, sides, title, the file.
 *
 * @param {string} file
 *   PDF to print.
 * @param {PrintJobOptions} options
 *   Job options.
 * @returns {string[]}
 *   Arguments.
 */
export function lpArguments(file: string, options: PrintJobOptions): string[] {
  const copies = options.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 999) throw new PrintError(`Invalid number of copies \`${copies}\`, expected 1 to 999`);
  return [
    ...(options.printer ? ['-d', options.printer] : []),
    '-n',
    String(copies),
    '-o',
    options.duplex ? 'sides=two-sided-long-edge' : 'sides=one-sided',
    ...(options.title ? ['-t', options.title] : []),
    '--',
    file
  ];
}

/**
 * Send a PDF to a printer through the system's spooler (`lp`, from CUPS).
 *
 * @param {string} file
 *   PDF to print.
 * @param {PrintJobOptions} options
 *   Printer, copies, duplex, title.
 * @returns {Promise<{job: string}>}
 *   The spooler's job id, e.g. `office-42`.
 */
export async function submitPrintJob(file: string, options: PrintJobOptions = {}): Promise<{job: string}> {
  let stdout: string;
  try {
    ({stdout} = await run('lp', lpArguments(file, options), {timeout: 30_000}));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & {stderr?: string};
    if (failure.code === 'ENOENT') {
      throw new PrintError('No print spooler: `lp` was not found. Install CUPS (Debian/Ubuntu: `apt-get install cups cups-client`)', {cause: error});
    }
    const reason = (failure.stderr ?? failure.message).trim().replace(/^lp: /, '');
    throw new PrintError(options.printer ? `Printer \`${options.printer}\` refused the job: ${reason}` : `The default printer refused the job: ${reason}`, {cause: error});
  }
  const job = /request id is (\S+)/.exec(stdout)?.[1];
  if (!job) throw new PrintError(`Unexpected answer from lp: ${stdout.trim()}`);
  return {job};
}

/**
 * Wait until the spooler reports a job completed.
 *
 * @param {string} job
 *   Job id from `submitPrintJob`.
 * @param {number} timeout
 *   Milliseconds to wait.
 * @returns {Promise<void>}
 *   Resolves once it is done; rejects when it is still queued after `timeout`.
 */
export async function waitForPrintJob(job: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const {stdout} = await run('lpstat', ['-W', 'completed', '-o'], {timeout: 10_000});
    if (stdout.split('\n').some((line) => line.split(/\s+/)[0] === job)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new PrintError(`Print job ${job} did not complete within ${Math.round(timeout / 1000)} s`);
}
