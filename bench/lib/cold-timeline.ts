import {median, timeCommand} from './measure.js';

/** When each step of a cold build was reached, in milliseconds from its spawn: the median over the runs. */
export interface ColdTimeline {
  readonly steps: ReadonlyArray<readonly [string, number]>;
  readonly runs: number;
}

/**
 * Where a cold build's time goes: the command run with `BRIEFING_TIMELINE=1`, which notes
 * on standard error when the main thread and the HTML stage's thread reach each step
 * (`src/util/timeline.ts`), each as milliseconds since the epoch; here, from the spawn.
 *
 * @param {string} node
 *   Node's executable.
 * @param {readonly string[]} args
 *   The command (`dist/cli.js build … -f pdf -o …`).
 * @param {NodeJS.ProcessEnv} env
 *   Its environment.
 * @param {string} cwd
 *   Where it runs.
 * @param {number} runs
 *   How many runs.
 * @returns {Promise<ColdTimeline>}
 *   Each step's median, in the order of the first run.
 */
export async function coldTimeline(node: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, runs: number): Promise<ColdTimeline> {
  const seen = new Map<string, number[]>();
  for (let run = 0; run < runs; run++) {
    const spawned = performance.timeOrigin + performance.now();
    const {output} = await timeCommand(node, args, {cwd, env: {...env, BRIEFING_TIMELINE: '1'}});
    for (const [, at, step] of output.matchAll(/^briefing-timeline (\d+(?:\.\d+)?) (.+)$/gm)) {
      const list = seen.get(step as string) ?? [];
      list.push(Number(at) - spawned);
      seen.set(step as string, list);
    }
  }
  return {steps: [...seen].map(([step, list]) => [step, Math.round(median(list))] as const), runs};
}
