/**
 * `npm run bench`: briefing against its peer (md-to-pdf 5.2.5), Chromium's own
 * `--print-to-pdf` and a plain unified chain, each case run side by side, several times,
 * interleaved. Writes `bench/results.md` and `bench/results.json` and prints the table.
 *
 * Environment: BENCH_REPS (runs per contender in the quick cases, default 7),
 * BENCH_BATCH_REPS (default 3), BENCH_QUICK=1 (a smoke run: few and small).
 * `npm run bench -- scaling` runs case 5 alone and only prints its table.
 */
import {execFileSync} from 'node:child_process';
import {build as esbuild} from 'esbuild';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {describeMachine} from './lib/machine.js';
import {batchVariant} from './lib/manuscripts.js';
import {interleave, median, timeCommand, type Run} from './lib/measure.js';
import {duration, markdownReport, megabytes, target, type Row, type Target} from './lib/report.js';
import {scalingCase} from './lib/scaling-case.js';
import {measureWatchRebuild} from './lib/watch-rebuild.js';

const bench = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const root = path.dirname(bench);
const dist = path.join(root, 'dist');
const quick = process.env.BENCH_QUICK === '1';
const reps = Number(process.env.BENCH_REPS ?? (quick ? 2 : 7));
const batchReps = Number(process.env.BENCH_BATCH_REPS ?? (quick ? 1 : 3));
const batchSize = quick ? 10 : 100;
const bigBatchSize = quick ? 20 : 200;
const peerChunk = 10;
const sampleName = 'us-china-leaders-call';
const sample = path.join('manuscripts', `${sampleName}.md`);
const env = {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1'};
/** Chromium flags for the peers, as briefing uses them: no network, no first-run work. */
const quietFlags = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/** Install the bench-only peer on first run, and compile briefing (others may be editing `src/`). */
async function prepare(): Promise<void> {
  if (!existsSync(path.join(bench, 'node_modules', 'md-to-pdf'))) {
    log('installing md-to-pdf 5.2.5 (npm ci --prefix bench)');
    execFileSync('npm', ['ci', '--prefix', bench, '--no-audit', '--no-fund'], {stdio: 'inherit', env});
  }
  log('compiling briefing (npm run build) and the print-only probe');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], {cwd: root, stdio: 'inherit', env});
  } catch {
    if (!existsSync(path.join(dist, 'cli.js'))) throw new Error('briefing does not compile and dist/cli.js is missing');
    log('warning: `npm run build` reported errors; benching what it emitted');
  }
  // Bundled as the command is (scripts/bundle.mjs), so that it loads as fast.
  await esbuild({
    entryPoints: [path.join(bench, 'print-only.ts')],
    outdir: path.dirname(printOnly),
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    logLevel: 'warning',
    banner: {js: "import {createRequire as briefingCreateRequire} from 'node:module'; const require = briefingCreateRequire(import.meta.url);"}
  });
}

const printOnly = path.join(bench, '.build', 'print-only', 'print-only.js');
const node = (args: readonly string[]): Promise<Run> => timeCommand(process.execPath, args, {cwd: root, env});
const briefingBuild = (input: string, outDir: string, extra: readonly string[] = []): Promise<Run> =>
  node([path.join(dist, 'cli.js'), 'build', input, '-f', 'pdf', '-o', outDir, ...extra]);

if (process.argv.includes('scaling')) {
  log('case 5 alone: one-token manuscripts at doubling sizes (compiling briefing first)');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], {cwd: root, stdio: 'inherit', env});
  } catch {
    log('warning: `npm run build` reported errors; benching what it emitted');
  }
  const machineBefore = describeMachine('');
  const scaling = await scalingCase(node, bench, dist, quick ? 1 : 3);
  process.stdout.write(markdownReport(machineBefore, loadavg().map((load) => Math.round(load * 100) / 100), scaling.rows, scaling.targets.map((entry) => `${entry.pass ? 'PASS' : 'FAIL'}: ${entry.name} (measured ${Number(entry.value.toFixed(3))})`)));
  process.exit(scaling.targets.every((entry) => entry.pass) ? 0 : 1);
}

await prepare();
const {findBrowser} = (await import(pathToFileURL(path.join(dist, 'print', 'find-browser.js')).href)) as {
  findBrowser: (explicit: string | undefined) => {path: string; headless: 'shell' | true};
};
const browser = findBrowser(undefined);
const machine = describeMachine(browser.path);
const mdToPdfCli = path.join(bench, 'node_modules', 'md-to-pdf', 'dist', 'cli.js');
const launchOptions = JSON.stringify({executablePath: browser.path, headless: browser.headless, args: quietFlags});
const mdToPdf = (files: readonly string[]): Promise<Run> => node([mdToPdfCli, ...files, '--launch-options', launchOptions]);
/**
 * md-to-pdf's CLI converts all its files at once in one browser; given 100 on two cores,
 * its pages time out (30 s). So a batch runs as a user would run it, `xargs -n 10`: ten
 * files per process, one process after another, timed (and memory sampled) as one.
 */
const mdToPdfBatch = async (files: readonly string[]): Promise<Run> => {
  const runs: Run[] = [];
  for (let index = 0; index < files.length; index += peerChunk) runs.push(await mdToPdf(files.slice(index, index + peerChunk)));
  return {ms: runs.reduce((sum, run) => sum + run.ms, 0), peakRss: Math.max(...runs.map((run) => run.peakRss)), output: ''};
};
const work = mkdtempSync(path.join(tmpdir(), 'briefing-bench-'));
const rows: Row[] = [];
const targets: Target[] = [];
const notes: string[] = [];
const json: Record<string, unknown> = {date: new Date().toISOString(), machine, reps, batchReps};

try {
  // 1. One briefing, cold, as a whole process.
  log('case 1: one briefing, cold');
  const sampleText = readFileSync(path.join(root, sample), 'utf8');
  const htmlDir = path.join(work, 'html');
  await node([path.join(dist, 'cli.js'), 'build', sample, '-f', 'html', '-o', htmlDir]);
  const html = path.join(htmlDir, `${sampleName}.html`);
  const peerDir = path.join(work, 'cold-md-to-pdf');
  mkdirSync(peerDir);
  writeFileSync(path.join(peerDir, `${sampleName}.md`), sampleText);
  const cold = await interleave(reps, {
    briefing: () => briefingBuild(sample, path.join(work, 'cold')),
    // The same command making only the HTML: what the Markdown stage costs a cold process,
    // before any browser work (the floor has none of it to do).
    'briefing-html': () => node([path.join(dist, 'cli.js'), 'build', sample, '-f', 'html', '-o', path.join(work, 'cold-html')]),
    // And the finished page through briefing's print path alone (Chromium driven by
    // puppeteer), with no Markdown work: what printing costs against the floor.
    'print-only': () => node([printOnly, html, path.join(work, 'print-only.pdf')]),
    'md-to-pdf': () => mdToPdf([path.join(peerDir, `${sampleName}.md`)]),
    floor: () =>
      timeCommand(browser.path, ['--headless', ...quietFlags, '--no-pdf-header-footer', `--print-to-pdf=${path.join(work, 'floor.pdf')}`, pathToFileURL(html).href], {env})
  });
  const coldMs = Object.fromEntries(Object.entries(cold).map(([name, runs]) => [name, median(runs.map((run) => run.ms))])) as Record<string, number>;
  const [coldBriefing = 0, coldPeer = 0, coldFloor = 0, coldHtml = 0, coldPrint = 0] = [coldMs.briefing, coldMs['md-to-pdf'], coldMs.floor, coldMs['briefing-html'], coldMs['print-only']];
  json.cold = {medianMs: coldMs, runsMs: Object.fromEntries(Object.entries(cold).map(([name, runs]) => [name, runs.map((run) => Math.round(run.ms))]))};
  targets.push(target('cold single <= 1.1x the Chromium floor', coldBriefing / coldFloor, 1.1), target('cold single <= 0.8x md-to-pdf', coldBriefing / coldPeer, 0.8));
  rows.push(
    {case: '1. cold single (sample, whole CLI process)', briefing: duration(coldBriefing), other: `floor ${duration(coldFloor)}`, ratio: `${(coldBriefing / coldFloor).toFixed(2)}x`, target: '<= 1.1x', pass: targets.at(-2)?.pass},
    {case: '', briefing: '', other: `md-to-pdf ${duration(coldPeer)}`, ratio: `${(coldBriefing / coldPeer).toFixed(2)}x`, target: '<= 0.8x', pass: targets.at(-1)?.pass},
    {case: '   the same, HTML only (no browser at all)', briefing: duration(coldHtml), other: `floor ${duration(coldFloor)}`, ratio: `${(coldHtml / coldFloor).toFixed(2)}x`, target: ''},
    {case: '   the finished HTML through the print path alone', briefing: duration(coldPrint), other: `floor ${duration(coldFloor)}`, ratio: `${(coldPrint / coldFloor).toFixed(2)}x`, target: ''}
  );

  // 2. A batch: time per document and peak memory of Node and Chromium together.
  log(`case 2: a batch of ${batchSize}`);
  const batchDir = path.join(work, 'batch');
  mkdirSync(batchDir);
  const batchFiles = Array.from({length: batchSize}, (_, index) => {
    const file = path.join(batchDir, `briefing-${String(index + 1).padStart(3, '0')}.md`);
    writeFileSync(file, batchVariant(sampleText, index));
    return file;
  });
  const batch = await interleave(batchReps, {
    briefing: () => briefingBuild(batchDir, path.join(work, 'batch-out')),
    'md-to-pdf': () => mdToPdfBatch(batchFiles)
  });
  const perDoc = (runs: readonly Run[]): number => median(runs.map((run) => run.ms)) / batchSize;
  const peak = (runs: readonly Run[]): number => Math.max(...runs.map((run) => run.peakRss));
  const [batchBriefing, batchPeer] = [perDoc(batch.briefing ?? []), perDoc(batch['md-to-pdf'] ?? [])];
  json.batch = {
    documents: batchSize,
    perDocumentMs: {briefing: batchBriefing, 'md-to-pdf': batchPeer},
    peakRssBytes: {briefing: peak(batch.briefing ?? []), 'md-to-pdf': peak(batch['md-to-pdf'] ?? [])},
    runsMs: Object.fromEntries(Object.entries(batch).map(([name, runs]) => [name, runs.map((run) => Math.round(run.ms))]))
  };
  targets.push(target(`batch of ${batchSize}: time per document <= 0.3x md-to-pdf`, batchBriefing / batchPeer, 0.3));
  rows.push(
    {case: `2. batch of ${batchSize}, per document`, briefing: duration(batchBriefing), other: `md-to-pdf ${duration(batchPeer)}`, ratio: `${(batchBriefing / batchPeer).toFixed(2)}x`, target: '<= 0.3x', pass: targets.at(-1)?.pass},
    {case: `   peak memory (Node + Chromium)`, briefing: megabytes(peak(batch.briefing ?? [])), other: `md-to-pdf ${megabytes(peak(batch['md-to-pdf'] ?? []))}`, ratio: '', target: ''}
  );

  log(`case 2b: a batch of ${bigBatchSize}, briefing only, for its peak memory`);
  const bigDir = path.join(work, 'batch-big');
  mkdirSync(bigDir);
  for (let index = 0; index < bigBatchSize; index++) writeFileSync(path.join(bigDir, `briefing-${String(index + 1).padStart(3, '0')}.md`), batchVariant(sampleText, index));
  const big = await briefingBuild(bigDir, path.join(work, 'batch-big-out'));
  json.bigBatch = {documents: bigBatchSize, ms: Math.round(big.ms), peakRssBytes: big.peakRss};
  targets.push(target(`batch of ${bigBatchSize}: peak memory < 1 GB`, big.peakRss / 2 ** 30, 1, true));
  rows.push({case: `2b. batch of ${bigBatchSize}, peak memory`, briefing: megabytes(big.peakRss), other: `${duration(big.ms / bigBatchSize)} per document`, ratio: '', target: '< 1024 MB', pass: targets.at(-1)?.pass});

  // 3. Markdown to HTML, in a process of its own: a long report (prose), and the shape
  // issue 7 measured, dense with quotes and lists, where remark-parse is super-linear.
  const sizes = quick ? [10 * 1024, 100 * 1024] : [10 * 1024, 100 * 1024, 1024 * 1024];
  json.toHtml = {};
  for (const kind of ['prose', 'dense'] as const) {
    log(`case 3 (${kind}): Markdown to HTML at ${sizes.map((size) => `${size / 1024} KB`).join(', ')}`);
    const label = kind === 'dense' ? '3. Markdown to HTML, dense' : '3c. Markdown to HTML, prose';
    const toHtml = await node([path.join(bench, '.build', 'to-html.js'), dist, path.join(root, sample), kind, String(quick ? 1 : kind === 'dense' ? 2 : 3), ...sizes.map(String)]);
    const htmlRuns = JSON.parse(toHtml.output.trim().split('\n').at(-1) ?? '{}') as Record<string, Record<string, number[]>>;
    const htmlMs = Object.fromEntries(Object.entries(htmlRuns).map(([size, runs]) => [size, {briefing: median(runs.briefing ?? []), plain: median(runs.plain ?? [])}]));
    (json.toHtml as Record<string, unknown>)[kind] = {medianMs: htmlMs, runsMs: htmlRuns};
    for (const size of sizes) {
      const {briefing = 0, plain = 0} = htmlMs[size] ?? {};
      const last = size === sizes.at(-1) && kind === 'dense';
      if (last) targets.push(target(`Markdown to HTML at ${size / 1024} KB (dense) <= 0.25x the plain chain`, briefing / plain, 0.25));
      rows.push({case: `${label}, ${size / 1024} KB`, briefing: duration(briefing), other: `plain chain ${duration(plain)}`, ratio: `${(briefing / plain).toFixed(2)}x`, target: last ? '<= 0.25x' : '', pass: last ? targets.at(-1)?.pass : undefined});
    }
    const [middle, largest] = [htmlMs[sizes.at(-2) ?? 0], htmlMs[sizes.at(-1) ?? 0]];
    if (middle && largest) {
      const scaling = `time(${(sizes.at(-1) ?? 0) / 1024} KB) / time(${(sizes.at(-2) ?? 0) / 1024} KB)`;
      targets.push(target(`${scaling} (${kind}) <= 12`, largest.briefing / middle.briefing, 12));
      rows.push({case: `   ${scaling}`, briefing: `${(largest.briefing / middle.briefing).toFixed(1)}`, other: `plain chain ${(largest.plain / middle.plain).toFixed(1)}`, ratio: '', target: '<= 12', pass: targets.at(-1)?.pass});
    }
  }

  log('case 3b: parse alone, a quote- and list-dense manuscript (remark-parse is quadratic on it)');
  const denseSize = quick ? 100 * 1024 : 1024 * 1024;
  const dense = JSON.parse((await node([path.join(bench, '.build', 'parse-dense.js'), dist, String(denseSize)])).output.trim().split('\n').at(-1) ?? '{}') as {
    remarkParse: number;
    inPieces: number;
    sameTree: boolean;
  };
  json.parseDense = dense;
  rows.push({
    case: `3b. parse only, ${denseSize / 1024} KB dense with quotes and lists (1 run)`,
    briefing: `${duration(dense.inPieces)} in pieces`,
    other: `remark-parse ${duration(dense.remarkParse)}`,
    ratio: `${(dense.inPieces / dense.remarkParse).toFixed(2)}x`,
    target: 'same tree',
    pass: dense.sameTree
  });

  // 4. The watch rebuild after a save.
  log('case 4: watch rebuild of the sample');
  const watch = await measureWatchRebuild({cli: path.join(dist, 'cli.js'), dist, sampleText, work, reps, env});
  json.watch = watch;
  targets.push(target('watch rebuild <= 0.5 s', watch.medianMs / 1000, 0.5));
  rows.push({case: `4. watch rebuild of the sample (${watch.how})`, briefing: duration(watch.medianMs), other: '', ratio: '', target: '<= 0.5 s', pass: targets.at(-1)?.pass});
  if (watch.note) notes.push(watch.note);

  // 5. One-token manuscripts at doubling sizes: every stage linear, or bounded.
  log('case 5: one-token manuscripts of each kind, 25 KB to 400 KB');
  const scaling = await scalingCase(node, bench, dist, quick ? 1 : 3);
  json.scaling = scaling.json;
  targets.push(...scaling.targets);
  rows.push(...scaling.rows);
} finally {
  rmSync(work, {recursive: true, force: true});
}

const loadAfter = loadavg().map((load) => Math.round(load * 100) / 100);
notes.push(
  `Case 1: \`node dist/cli.js build ${sample} -f pdf\` vs \`md-to-pdf\` on the same file vs \`${path.basename(browser.path)} --headless --print-to-pdf\` of the HTML briefing made; then briefing making the HTML alone (\`-f html\`), and that HTML printed by briefing's print path alone (\`bench/print-only.ts\`: Chromium spawned, connected over a pipe, one tab, no Markdown work); ${reps} runs each.`,
  `Case 2: ${batchSize} variants of the sample: briefing in one process (\`build <folder>\`), md-to-pdf ${peerChunk} files per process (all ${batchSize} at once time out here); ${batchReps} runs each; memory is the peak RSS of the process tree (/proc, every 50 ms).`,
  'Case 5: in-process, no printing, the whole briefing pipeline on manuscripts whose body is a single token (no white space) of one kind: letters, letters and digits, backticks, brackets, a domain-like run, a URL with a scheme, e-mail-like runs; the ratio is each doubling\'s time over the previous size\'s.',
  'Case 3: in-process, no printing, the whole briefing pipeline against a plain unified + remark-parse + remark-rehype + rehype-stringify chain. "dense": the sample\'s text as notes with a block quote or list every few lines, the shape on which remark-parse is super-linear (the case issue 7 measured); the targets apply to it. "prose" (3c): a long report built from the sample (sections with lists, quotes, tables, footnotes, reference links), on which remark-parse is linear: the pipeline then costs what its extra work costs. Case 3b: the parse alone of a manuscript with a quote or list every ~60 bytes, and whether the trees are identical.',
  ...targets.map((entry) => `${entry.pass ? 'PASS' : 'FAIL'}: ${entry.name} (measured ${Number(entry.value.toFixed(3))})`)
);
json.loadAverageAfter = loadAfter;
json.targets = targets;
json.cpus = cpus().length;
const markdown = markdownReport(machine, loadAfter, rows, notes);
writeFileSync(path.join(bench, 'results.md'), `# Benchmark results\n\n${markdown}`);
writeFileSync(path.join(bench, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
process.stdout.write(markdown);
