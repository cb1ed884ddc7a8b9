/**
 * Case 5, in a process of its own: manuscripts that are one token, of each kind that once
 * made a plugin or regular expression super-linear, through the whole HTML stage (the
 * briefing processor, no printing), at doubling sizes. Prints JSON: milliseconds of CPU time per run,
 * by kind and size in bytes.
 *
 * Usage: node scaling.js <dist folder> <reps> <size in bytes>...
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {VFile} from 'vfile';
import {singleTokenKinds} from './lib/single-tokens.js';

interface Processor {
  process(file: VFile): Promise<VFile>;
}

const [dist = 'dist', repsArgument = '3', ...sizeArguments] = process.argv.slice(2);
const {createProcessor} = (await import(pathToFileURL(path.resolve(dist, 'index.js')).href)) as {createProcessor: () => Processor};
const briefing = createProcessor();

/**
 * One run: the manuscript through the processor, in milliseconds of CPU time (this
 * process's, garbage collection included), which other work on a shared machine changes
 * less than the wall clock; a refused manuscript fails the bench.
 */
const time = async (value: string): Promise<number> => {
  const file = new VFile({path: 'token.md', value});
  const started = process.cpuUsage();
  await briefing.process(file);
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  if (file.messages.some((message) => message.fatal)) throw new Error(`briefing refused the manuscript: ${file.messages.join('; ')}`);
  return ms;
};

const results: Record<string, Record<string, number[]>> = {};
for (const [kind, make] of Object.entries(singleTokenKinds)) {
  // A warm-up run, so that the smallest size does not pay for loading and compiling.
  await time(make(4096));
  results[kind] = {};
  for (const size of sizeArguments.map(Number)) {
    const runs: number[] = [];
    for (let rep = 0; rep < Number(repsArgument); rep++) runs.push(await time(make(size)));
    (results[kind] as Record<string, number[]>)[size] = runs;
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
