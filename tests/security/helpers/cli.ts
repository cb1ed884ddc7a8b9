import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {cpuSeconds} from './processes.js';

/** The repository, and the compiled CLI run as a user runs it (`npx tsc -p tsconfig.build.json` first). */
export const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const cli = path.join(repo, 'dist', 'cli.js');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Own process group, so a signal can go to the whole group as a terminal's Ctrl-C does. */
  readonly detached?: boolean;
}

/** A CLI run in progress. */
export interface CliRun {
  readonly child: ChildProcess;
  readonly done: Promise<CliResult>;
}

const running = new Set<ChildProcess>();

/**
 * Start the CLI.
 *
 * @param args
 *   Arguments after `briefing`.
 * @param options
 *   Working directory, environment.
 * @returns
 *   The child and its result.
 */
export function startCli(args: readonly string[], options: CliOptions): CliRun {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: options.cwd,
    env: {...process.env, NO_COLOR: '1', ...options.env},
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({code, signal, stdout, stderr});
    });
  });
  return {child, done};
}

/**
 * Run the CLI to the end.
 *
 * @param args
 *   Arguments after `briefing`.
 * @param options
 *   Working directory, environment.
 * @returns
 *   Exit status and output.
 */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  return startCli(args, options).done;
}

export interface BoundedResult extends CliResult {
  /** CPU seconds used when it was stopped for going over its budget; undefined if it finished within it. */
  readonly overBudget?: number | undefined;
}

/**
 * Run the CLI, stopping it once it has used more than `budget` seconds of CPU time. A
 * budget in CPU time, unlike one in wall-clock time, does not depend on how many other
 * tests share the machine's cores.
 *
 * @param args
 *   Arguments after `briefing`.
 * @param options
 *   Working directory, environment.
 * @param budget
 *   CPU seconds.
 * @returns
 *   Exit status and output, and whether it was stopped.
 */
export async function runCliWithin(args: readonly string[], options: CliOptions, budget: number): Promise<BoundedResult> {
  const run = startCli(args, options);
  let overBudget: number | undefined;
  const timer = setInterval(() => {
    const used = run.child.pid === undefined ? undefined : cpuSeconds(run.child.pid);
    if (used !== undefined && used > budget && overBudget === undefined) {
      overBudget = used;
      run.child.kill('SIGKILL');
    }
  }, 100);
  try {
    return {...(await run.done), overBudget};
  } finally {
    clearInterval(timer);
  }
}

/**
 * Kill every CLI run still going (a test that ran out of its budget), so it does not
 * keep a core busy for the tests after it. Its Chromium exits with the pipe.
 */
export function killStrayRuns(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}
