import {readdirSync, readFileSync} from 'node:fs';

const pageSize = 4096;

/** The ids of a process and all its descendants, from `/proc/<pid>/task/<tid>/children`. */
function descendants(pid: number): number[] {
  const all = [pid];
  for (let index = 0; index < all.length; index++) {
    const current = all[index] as number;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) all.push(...children.split(/\s+/).map(Number));
      } catch {
        // The task ended while we looked.
      }
    }
  }
  return all;
}

/**
 * Resident memory of a process and its descendants (Node and every Chromium process),
 * in bytes. Shared pages count once per process, so this overstates a little.
 *
 * @param {number} pid
 *   The root process.
 * @returns {number}
 *   Bytes.
 */
export function treeRss(pid: number): number {
  let total = 0;
  for (const id of descendants(pid)) {
    try {
      total += Number(readFileSync(`/proc/${id}/statm`, 'utf8').split(' ')[1]) * pageSize;
    } catch {
      // Gone already.
    }
  }
  return total;
}

/**
 * Sample `treeRss(pid)` every `interval` ms until stopped.
 *
 * @param {number} pid
 *   The root process.
 * @param {number} interval
 *   Milliseconds between samples.
 * @returns {() => number}
 *   Stops sampling and returns the peak, in bytes.
 */
export function samplePeakRss(pid: number, interval = 50): () => number {
  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, treeRss(pid));
  };
  sample();
  const timer = setInterval(sample, interval);
  return () => {
    clearInterval(timer);
    return peak;
  };
}
