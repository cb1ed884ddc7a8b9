/**
 * Case 3, in a process of its own: Markdown to HTML at several sizes, the briefing
 * processor (no printing) against a plain unified + remark-parse + remark-rehype +
 * rehype-stringify chain, on the same long manuscript: `prose` (a long report) or
 * `dense` (quotes and lists every few lines, where remark-parse is super-linear).
 * Prints JSON: milliseconds per run, by size and contender.
 *
 * Usage: node to-html.js <dist folder> <sample.md> <prose|dense> <reps> <size>...
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {denseManuscript, longManuscript} from './lib/manuscripts.js';
import {interleave} from './lib/measure.js';

interface Processor {
  process(file: VFile): Promise<VFile>;
}

const [dist = 'dist', samplePath = '', kind = 'prose', repsArgument = '3', ...sizeArguments] = process.argv.slice(2);
const manuscript = kind === 'dense' ? denseManuscript : longManuscript;
const sample = readFileSync(samplePath, 'utf8');
const {createProcessor} = (await import(pathToFileURL(path.resolve(dist, 'processor.js')).href)) as {createProcessor: () => Processor};
const briefing = createProcessor();
const plain = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();

const time = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
const contenders = (value: string) => ({
  briefing: () => time(async () => {
    const file = new VFile({path: 'long.md', value});
    await briefing.process(file);
    if (file.messages.some((message) => message.fatal)) throw new Error(`briefing refused the manuscript: ${file.messages.join('; ')}`);
  }),
  plain: () => time(() => plain.process(value))
});

// Warm both up, so the first measured run does not pay for loading and compiling.
await interleave(1, contenders(manuscript(sample, 10_000)));
const results: Record<string, Record<string, number[]>> = {};
for (const size of sizeArguments.map(Number)) {
  results[size] = await interleave(Number(repsArgument), contenders(manuscript(sample, size)));
}
process.stdout.write(`${JSON.stringify(results)}\n`);
