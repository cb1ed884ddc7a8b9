import {execFileSync, spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The project, and its compiled CLI, run as a user runs it (`npm test` compiles `dist/` first). */
export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cli = path.join(root, 'dist', 'cli.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Standard output as bytes, for `--stdout`. */
  readonly bytes: Buffer;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Written to standard input, which is then closed. */
  readonly input?: string;
}

/**
 * Run the CLI to the end.
 *
 * @param args
 *   Arguments after `briefing`.
 * @param options
 *   Working directory, environment, standard input.
 * @returns
 *   Exit status and output.
 */
export function run(args: readonly string[], options: RunOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {cwd: options.cwd, env: {...process.env, ...options.env}, stdio: 'pipe'});
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const bytes = Buffer.concat(out);
      resolve({code, stdout: bytes.toString('utf8'), stderr, bytes});
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A CLI process that keeps running (a long batch, `--watch`), read as it goes. */
export class Session {
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';
  stdout = '';
  readonly exited: Promise<number | null>;
  #waiters: Array<() => void> = [];

  constructor(args: readonly string[], options: RunOptions) {
    this.child = spawn(process.execPath, [cli, ...args], {cwd: options.cwd, env: {...process.env, ...options.env}, stdio: 'pipe'});
    this.child.stdin.end();
    const changed = (): void => {
      for (const waiter of this.#waiters) waiter();
    };
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      changed();
    });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      changed();
    });
    this.exited = new Promise((resolve) => this.child.once('close', (code) => resolve(code)));
  }

  /**
   * Wait until standard error has matched `pattern` `count` times.
   *
   * @param pattern
   *   What to wait for (global flag not needed).
   * @param count
   *   How many matches.
   * @param ms
   *   Give up after this long: the test fails with what was printed.
   */
  async waitFor(pattern: RegExp, count = 1, ms = 45_000): Promise<void> {
    const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    const enough = (): boolean => (this.stderr.match(global)?.length ?? 0) >= count;
    if (enough()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== check);
        reject(new Error(`Timed out waiting for ${pattern} ×${count}; stderr so far:\n${this.stderr}`));
      }, ms);
      const check = (): void => {
        if (!enough()) return;
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      this.#waiters.push(check);
      void this.exited.then(() => {
        if (!enough()) {
          clearTimeout(timer);
          reject(new Error(`The CLI exited before ${pattern} ×${count}; stderr:\n${this.stderr}`));
        }
      });
    });
  }

  /** Stop it, if a test failed half-way: no process outlives its test. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/**
 * Every process below `pid` (Chromium and its helpers, for the CLI).
 *
 * @param pid
 *   The ancestor.
 * @returns
 *   Process ids with their command names.
 */
export function descendants(pid: number): Array<{pid: number; parent: number; command: string}> {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], {encoding: 'utf8'})
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([child, parent, command]) => ({pid: Number(child), parent: Number(parent), command: command ?? ''}));
  const found: Array<{pid: number; parent: number; command: string}> = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const row of table) {
      // Not the `ps` that lists them.
      if (row.parent !== current || row.command === 'ps') continue;
      found.push(row);
      queue.push(row.pid);
    }
  }
  return found;
}

/**
 * Whether a process is still running (a zombie waiting to be reaped is not).
 *
 * @param pid
 *   Process id.
 * @returns
 *   True while it runs.
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Wait until none of `pids` runs; Chromium's helpers exit just after its main process.
 *
 * @param pids
 *   Processes.
 * @param ms
 *   Deadline.
 * @returns
 *   The ones still running at the deadline (none, when all is well).
 */
export async function whenGone(pids: readonly number[], ms = 10_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = pids.filter((pid) => isRunning(pid));
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A manuscript with a title, a summary and a little text.
 *
 * @param title
 *   Its title.
 * @param extra
 *   Front-matter lines to add.
 * @returns
 *   Markdown.
 */
export function manuscript(title: string, extra: readonly string[] = []): string {
  return ['---', `title: ${JSON.stringify(title)}`, 'authors: [Ada Lovelace]', ...extra, '---', '', ':::summary', `- About ${title}.`, ':::', '', `Text of ${title}.`, ''].join(
    '\n'
  );
}

/**
 * A fresh temporary folder, and a function that removes it.
 *
 * @param prefix
 *   Name prefix.
 * @returns
 *   The folder.
 */
export async function temporaryFolder(prefix: string): Promise<{dir: string; remove(): Promise<void>}> {
  const dir = await mkdtemp(path.join(tmpdir(), `briefing-${prefix}-`));
  return {dir, remove: () => rm(dir, {recursive: true, force: true})};
}

/**
 * Keep what is written to standard output and standard error while `action` runs, for
 * the in-process tests of the CLI's parts.
 *
 * @param action
 *   What to run.
 * @returns
 *   Its result, and the text of both streams.
 */
export async function captureOutput<T>(action: () => T | Promise<T>): Promise<{result: T; stdout: string; stderr: string}> {
  const written = {stdout: '', stderr: ''};
  const originals = {stdout: process.stdout.write, stderr: process.stderr.write};
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  }
  try {
    const result = await action();
    return {result, ...written};
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}
