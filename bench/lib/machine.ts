import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import os from 'node:os';

/** What the bench ran on. */
export interface Machine {
  /** When the run started (ISO 8601, UTC). */
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly chromium: string;
  readonly os: string;
  readonly loadAverage: readonly number[];
}

/**
 * Describe this machine.
 *
 * @param {string} browser
 *   The Chromium the bench prints with.
 * @returns {Machine}
 *   CPU model, cores, memory, Node, Chromium, OS and the load average now.
 */
export function describeMachine(browser: string): Machine {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  let chromium = 'unknown';
  try {
    chromium = execFileSync(browser, ['--version'], {encoding: 'utf8'}).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100)
  };
}
