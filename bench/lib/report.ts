import type {Machine} from './machine.js';

/** One line of the results table. */
export interface Row {
  readonly case: string;
  /** Who ran: briefing, the floor, a peer. */
  readonly contender: string;
  /** Median whole-process wall time (or what the case says). */
  readonly time: string;
  /** Against the case's reference: the median of per-pair ratios. */
  readonly ratio: string;
  readonly target: string;
  readonly pass?: boolean | undefined;
  /** Peak memory of the whole process tree. */
  readonly memory?: string | undefined;
  /** The 1-minute load average before and after the case. */
  readonly load?: string | undefined;
}

/** A target: a measured value against a limit. */
export interface Target {
  readonly name: string;
  readonly value: number;
  readonly limit: number;
  readonly pass: boolean;
}

/**
 * Check `value <= limit` (or `<` when `strict`).
 *
 * @param {string} name
 *   What is checked.
 * @param {number} value
 *   Measured.
 * @param {number} limit
 *   Allowed.
 * @param {boolean} strict
 *   Whether the limit itself fails.
 * @returns {Target}
 *   The verdict.
 */
export function target(name: string, value: number, limit: number, strict = false): Target {
  return {name, value, limit, pass: strict ? value < limit : value <= limit};
}

/**
 * The results as Markdown: the machine, then one table row per measurement and a
 * PASS/FAIL per target.
 *
 * @param {Machine} machine
 *   Where it ran, with the load before.
 * @param {readonly number[]} loadAfter
 *   Load average at the end.
 * @param {readonly Row[]} rows
 *   Measurements.
 * @param {readonly string[]} notes
 *   Remarks printed under the table.
 * @returns {string}
 *   Markdown.
 */
export function markdownReport(machine: Machine, loadAfter: readonly number[], rows: readonly Row[], notes: readonly string[]): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|');
  const lines = [
    `Run ${machine.date}. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; ${machine.chromium}.`,
    `Load average (1, 5, 15 min): ${machine.loadAverage.join(', ')} at the start, ${loadAfter.join(', ')} at the end.`,
    '',
    '| case | contender | time (median) | ratio (median of pairs) | target | result | peak memory | load 1 min, before → after |',
    '| --- | --- | ---: | ---: | --- | --- | ---: | --- |',
    ...rows.map((row) =>
      `| ${[row.case, row.contender, row.time, row.ratio, row.target, row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL', row.memory ?? '', row.load ?? '']
        .map(cell)
        .join(' | ')} |`
    ),
    '',
    ...notes.map((note) => `- ${note}`)
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Seconds with two decimals, or milliseconds below a second.
 *
 * @param {number} ms
 *   Milliseconds.
 * @returns {string}
 *   Text.
 */
export function duration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/**
 * Megabytes.
 *
 * @param {number} bytes
 *   Bytes.
 * @returns {string}
 *   Text.
 */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}
