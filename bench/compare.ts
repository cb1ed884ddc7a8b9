/**
 * `node bench/.build/compare.js <before> <after> [cold|batch|watch] [rounds]`: a change
 * measured before and after, in paired rounds. `<before>` and `<after>` are two built
 * copies of briefing (each a folder with `dist/`, e.g. `git archive` of two commits, each
 * built); a round runs each once, in turn first, and the ratio is the median of the
 * per-round ratios after / before, so a busy moment touches both alike. The 1-minute
 * load before and after is printed with the result.
 *
 * - `cold` (default): the sample built to a PDF, whole process, as case 1 of `run.ts`.
 * - `batch`: 20 variants of the sample in one process, time per document as case 2.
 * - `watch`: the sample's rebuild under `--watch`, from save to the rebuild line, as case 4
 *   (the median of 7 saves is one round's time).
 * - `dense`: the 1 MB dense manuscript of case 3 to HTML (`-f html`), whole process.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {batchVariant, denseManuscript} from './lib/manuscripts.js';
import {interleave, load1, median, pairedRatio, timeCommand, type Run} from './lib/measure.js';
import {measureWatchRebuild} from './lib/watch-rebuild.js';

const [before, after, kind = 'cold', roundsText = kind === 'cold' ? '9' : '3'] = process.argv.slice(2);
if (!before || !after || !['cold', 'batch', 'watch', 'dense'].includes(kind)) {
  process.stderr.write('usage: node bench/.build/compare.js <before> <after> [cold|batch|watch|dense] [rounds]\n');
  process.exit(2);
}
const root = path.dirname(path.resolve(fileURLToPath(new URL('..', import.meta.url))));
const sampleText = readFileSync(path.join(root, 'manuscripts', 'us-china-leaders-call.md'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'briefing-compare-'));
const env = {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1'};
const batchSize = 20;

const sample = path.join(work, 'us-china-leaders-call.md');
writeFileSync(sample, sampleText);
const batchDir = path.join(work, 'batch');
mkdirSync(batchDir);
const dense = path.join(work, 'dense-1024.md');
if (kind === 'dense') writeFileSync(dense, denseManuscript(sampleText, 1024 * 1024));
for (let index = 0; index < batchSize; index++) writeFileSync(path.join(batchDir, `briefing-${String(index + 1).padStart(3, '0')}.md`), batchVariant(sampleText, index));

/** One round's run of a tree: a whole process (cold, batch, dense) or a watch session's median rebuild. */
async function runOnce(tree: string, name: string, round: number): Promise<Run> {
  const cli = path.join(path.resolve(tree), 'dist', 'cli.js');
  if (kind === 'watch') {
    const result = await measureWatchRebuild({cli, dist: path.join(path.resolve(tree), 'dist'), sampleText, work: path.join(work, `watch-${name}-${round}`), reps: 7, env});
    return {ms: result.medianMs, peakRss: 0, output: result.how};
  }
  const input = {cold: sample, batch: batchDir, dense}[kind] ?? sample;
  const out = path.join(work, `out-${name}`);
  const run = await timeCommand(process.execPath, [cli, 'build', input, '-f', kind === 'dense' ? 'html' : 'pdf', '-o', out], {cwd: work, env});
  return kind === 'batch' ? {...run, ms: run.ms / batchSize} : run;
}

const rounds = Number(roundsText);
const loadBefore = load1();
const done = {before: 0, after: 0};
const runs = await interleave(rounds, {
  before: () => runOnce(before, 'before', done.before++),
  after: () => runOnce(after, 'after', done.after++)
});
const loadAfter = load1();
const beforeRuns = runs['before'] ?? [];
const afterRuns = runs['after'] ?? [];
const ms = (list: readonly Run[]): string => list.map((run) => Math.round(run.ms)).join(' ');
const unit = kind === 'batch' ? 'ms per document' : 'ms';
process.stdout.write(
  [
    `${kind}, ${rounds} rounds, load ${loadBefore} → ${loadAfter}`,
    `before ${path.resolve(before)}: median ${Math.round(median(beforeRuns.map((run) => run.ms)))} ${unit} (${ms(beforeRuns)})`,
    `after  ${path.resolve(after)}: median ${Math.round(median(afterRuns.map((run) => run.ms)))} ${unit} (${ms(afterRuns)})`,
    `after / before: ${pairedRatio(afterRuns, beforeRuns).toFixed(3)} (median of per-round ratios)`,
    ''
  ].join('\n')
);
rmSync(work, {recursive: true, force: true});
