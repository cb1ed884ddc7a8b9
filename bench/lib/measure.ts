import {spawn, type SpawnOptions} from 'node:child_process';
import {loadavg} from 'node:os';
import {samplePeakRss} from './process-tree.js';

/** One timed run of a command. */
export interface Run {
  /** Wall-clock milliseconds from spawn to exit. */
  readonly ms: number;
  /** Peak resident memory of the process tree, in bytes. */
  readonly peakRss: number;
  readonly output: string;
}

/**
 * Run a command to its end, timing it and sampling the memory of its process tree.
 * Fails when it exits with an error.
 *
 * @param {string} command
 *   Executable.
 * @param {readonly string[]} args
 *   Arguments.
 * @param {SpawnOptions} options
 *   Spawn options (cwd, env).
 * @returns {Promise<Run>}
 *   Time, memory and what it printed.
 */
export function timeCommand(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {...options, stdio: ['ignore', 'pipe', 'pipe']});
    const stop = child.pid === undefined ? () => 0 : samplePeakRss(child.pid);
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', (error) => {
      stop();
      reject(error);
    });
    child.once('close', (code) => {
      const ms = performance.now() - started;
      const peakRss = stop();
      if (code === 0) resolve({ms, peakRss, output});
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}

/**
 * Run every contender `reps` times, interleaved (A B C, B C A, C A B, …), so that a
 * change in the machine's load touches them all alike.
 *
 * @param {number} reps
 *   Runs of each.
 * @param {Record<string, () => Promise<T>>} contenders
 *   What to run, by name.
 * @returns {Promise<Record<string, T[]>>}
 *   Each one's results, in order: the n-th result of each comes from the same round.
 */
export async function interleave<T>(reps: number, contenders: Record<string, () => Promise<T>>): Promise<Record<string, T[]>> {
  const names = Object.keys(contenders);
  const results: Record<string, T[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (let index = 0; index < names.length; index++) {
      const name = names[(index + rep) % names.length] as string;
      (results[name] as T[]).push(await (contenders[name] as () => Promise<T>)());
    }
  }
  return results;
}

/**
 * The ratio of two contenders from paired runs: in each round both ran one after the
 * other, so each round gives one ratio (its load the same for both); the median of
 * those per-pair ratios is less moved by a busy moment than the ratio of the medians.
 *
 * @param {readonly Run[]} runs
 *   The contender's runs, one per round.
 * @param {readonly Run[]} reference
 *   The reference's runs, from the same rounds.
 * @returns {number}
 *   The median of `runs[i].ms / reference[i].ms`.
 */
export function pairedRatio(runs: readonly Run[], reference: readonly Run[]): number {
  const ratios = runs.flatMap((run, index) => (reference[index] ? [run.ms / (reference[index] as Run).ms] : []));
  return median(ratios);
}

/**
 * The 1-minute load average, to two decimals.
 *
 * @returns {number}
 *   Runnable processes, averaged over the last minute.
 */
export function load1(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/**
 * The median.
 *
 * @param {readonly number[]} values
 *   Numbers.
 * @returns {number}
 *   The middle value (the mean of the two middle ones for an even count).
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
