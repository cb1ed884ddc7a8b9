/**
 * With `BRIEFING_TIMELINE` set, note on standard error when a run reaches a step:
 * `briefing-timeline <ms since the epoch> <step>`, from the main thread and the HTML
 * stage's thread alike, for `bench/` to say where a cold build's time goes. Without it,
 * nothing is written.
 *
 * @param {string} step
 *   What was just reached.
 * @returns {void}
 */
export function timelineMark(step: string): void {
  if (!process.env['BRIEFING_TIMELINE']) return;
  process.stderr.write(`briefing-timeline ${(performance.timeOrigin + performance.now()).toFixed(1)} ${step}\n`);
}
