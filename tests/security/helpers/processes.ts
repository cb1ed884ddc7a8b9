import {readdirSync, readFileSync, readlinkSync} from 'node:fs';

// Processes, read from /proc: whose child is who, and who is still alive.

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** `R`, `S`, `Z` (zombie), … */
  readonly state: string;
  /** Clock ticks after boot: with the pid, names a process even after its pid is reused. */
  readonly started: string;
  readonly command: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    } catch {
      // Gone between the two reads.
    }
    return {pid, ppid: Number(fields[1]), state: fields[0] ?? '?', started: fields[19] ?? '', command};
  } catch {
    return undefined;
  }
}

/**
 * Every process on the machine.
 *
 * @returns
 *   Processes by pid.
 */
export function processTable(): Map<number, ProcessInfo> {
  const table = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info) table.set(info.pid, info);
  }
  return table;
}

/**
 * The Chromium processes below a process (its children, their children, …).
 *
 * @param root
 *   A pid.
 * @returns
 *   The Chromium processes among its descendants.
 */
export function chromiumBelow(root: number): ProcessInfo[] {
  const table = processTable();
  const children = new Map<number, ProcessInfo[]>();
  for (const info of table.values()) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const found: ProcessInfo[] = [];
  const stack = [root];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop() as number) ?? []) {
      found.push(child);
      stack.push(child.pid);
    }
  }
  return found.filter((info) => /chrom/i.test(info.command));
}

/**
 * Whether that very process still runs: it exists, is the same process (same start
 * time), and is not a zombie waiting to be reaped.
 *
 * @param info
 *   A process seen earlier.
 * @returns
 *   Whether it is alive.
 */
export function isAlive(info: ProcessInfo): boolean {
  const now = readProcess(info.pid);
  return now !== undefined && now.started === info.started && now.state !== 'Z';
}

/** Collects, every few milliseconds, the Chromium processes below a process. */
export class ChromiumWatch {
  readonly seen = new Map<number, ProcessInfo>();
  readonly #root: () => number | undefined;
  readonly #timer: NodeJS.Timeout;

  /**
   * @param root
   *   The pid to watch below (a function: a child's pid is known only once spawned).
   * @param every
   *   Milliseconds between looks.
   */
  constructor(root: () => number | undefined, every = 25) {
    this.#root = root;
    this.#timer = setInterval(() => this.look(), every);
    this.look();
  }

  /**
   * Look now.
   *
   * @returns
   *   The Chromium processes below the root at this moment.
   */
  look(): ProcessInfo[] {
    const pid = this.#root();
    if (pid === undefined) return [];
    const now = chromiumBelow(pid);
    for (const info of now) if (!this.seen.has(info.pid)) this.seen.set(info.pid, info);
    return now;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

/**
 * Wait until none of these processes is alive, or the time is up.
 *
 * @param processes
 *   Processes seen earlier.
 * @param ms
 *   Longest wait.
 * @returns
 *   The ones still alive at the end (empty when all exited).
 */
export async function survivors(processes: Iterable<ProcessInfo>, ms = 3000): Promise<ProcessInfo[]> {
  const list = [...processes];
  const deadline = Date.now() + ms;
  for (;;) {
    const alive = list.filter((info) => isAlive(info));
    if (alive.length === 0 || Date.now() >= deadline) return alive;
    await delay(50);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * CPU time a process has used so far (user and system, all its threads), in seconds: a
 * sign of where it is in its work that does not depend on how busy the machine is.
 *
 * @param pid
 *   A process.
 * @returns
 *   Seconds, or undefined when it is gone.
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * How many inotify watches a process holds (each watched file or folder is one): read
 * from `/proc/<pid>/fdinfo` of its inotify descriptors, so it counts what the kernel was
 * asked to watch, not what the program says it watches.
 *
 * @param pid
 *   The process.
 * @returns
 *   The number of watches.
 */
export function inotifyWatches(pid: number): number {
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target = '';
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    if (target !== 'anon_inode:inotify') continue;
    const info = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
    count += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return count;
}
