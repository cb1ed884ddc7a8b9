import path from 'node:path';
import type {Run} from './measure.js';
import {median} from './measure.js';
import {duration, target, type Row, type Target} from './report.js';

/** What case 5 adds to the results. */
export interface ScalingCase {
  readonly rows: Row[];
  readonly targets: Target[];
  readonly json: unknown;
}

/** Sizes of case 5: 25 KB doubled up to 400 KB. */
export const scalingSizes = [25, 50, 100, 200, 400].map((kb) => kb * 1024);
/** Most a doubling of the input may multiply the time by. */
const limit = 2.5;

/**
 * Case 5: single-token manuscripts of each kind at doubling sizes through the HTML stage
 * (`bench/scaling.ts`, in a process of its own), with the ratio of CPU time of each doubling.
 *
 * @param {(args: readonly string[]) => Promise<Run>} node
 *   Runs a Node script.
 * @param {string} bench
 *   The bench folder.
 * @param {string} dist
 *   Compiled briefing.
 * @param {number} reps
 *   Runs per kind and size.
 * @returns {Promise<ScalingCase>}
 *   Rows, targets and raw numbers.
 */
export async function scalingCase(node: (args: readonly string[]) => Promise<Run>, bench: string, dist: string, reps: number): Promise<ScalingCase> {
  const run = await node([path.join(bench, '.build', 'scaling.js'), dist, String(reps), ...scalingSizes.map(String)]);
  const runs = JSON.parse(run.output.trim().split('\n').at(-1) ?? '{}') as Record<string, Record<string, number[]>>;
  const rows: Row[] = [];
  const targets: Target[] = [];
  const medians: Record<string, Record<string, number>> = {};
  for (const [kind, bySize] of Object.entries(runs)) {
    const ms = scalingSizes.map((size) => median(bySize[size] ?? []));
    medians[kind] = Object.fromEntries(scalingSizes.map((size, index) => [size, ms[index] as number]));
    const ratios = ms.slice(1).map((value, index) => value / (ms[index] as number));
    const worst = Math.max(...ratios);
    targets.push(target(`one-token ${kind}: each doubling from 25 to 400 KB <= ${limit}x`, worst, limit));
    rows.push({
      case: `5. one token, ${kind}, ${scalingSizes.map((size) => `${size / 1024}`).join('/')} KB (CPU time, in-process)`,
      contender: 'briefing',
      time: ms.map(duration).join(' / '),
      ratio: `each doubling ${ratios.map((ratio) => `${ratio.toFixed(2)}x`).join(' ')}`,
      target: `each <= ${limit}x`,
      pass: targets.at(-1)?.pass
    });
  }
  return {rows, targets, json: {sizes: scalingSizes, medianMs: medians, runsMs: runs}};
}
