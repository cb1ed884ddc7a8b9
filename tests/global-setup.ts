/**
 * Before any test runs: bundle the command and the HTML stage from `src/` into `dist/`,
 * where the stage's thread and the CLI tests load them from, so that `vitest` alone
 * tests the code as it is, not the last `npm run build`. `tsc`'s half of the build (the
 * library in `dist/*.js`) is left out: no test reads it, and it would double the time.
 * In watch mode the bundles are made again before each rerun.
 *
 * Others may be reading `dist/` meanwhile (another run, a command): every file is
 * replaced by a rename, and a file already up to date is not touched (see `writeOutputs`).
 * `BRIEFING_TEST_TIMINGS=1` prints how long the bundling took.
 */
import type {TestProject} from 'vitest/node';
import {bundleCommand, bundleHtmlStage, writeOutputs} from '../scripts/bundles.mjs';

async function bundle(): Promise<void> {
  const started = performance.now();
  const [command, stage] = await Promise.all([bundleCommand(), bundleHtmlStage()]);
  const written = await writeOutputs([...stage, ...command]);
  if (process.env['BRIEFING_TEST_TIMINGS']) console.log(`dist/ bundled from src/ in ${Math.round(performance.now() - started)} ms, ${written} files written`);
}

export default async function setup(project: TestProject): Promise<void> {
  await bundle();
  project.onTestsRerun(bundle);
}
