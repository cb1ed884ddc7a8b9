/**
 * `npm run bench`: what a user waits for. Every case runs whole processes (Node starting,
 * Chromium starting, the files written, the process gone) in paired runs: rounds in which
 * every contender runs once, in a rotated order (A B C, B C A, …); a contender's ratio to
 * the case's reference is the median of its per-round ratios. Each case prints the
 * 1-minute load average before and after it, and the peak memory of each contender's
 * whole process tree (the sum of resident memory over Node and all its children, sampled
 * every 50 ms from /proc). Writes `bench/results.md` and `bench/results.json`.
 *
 * The reference of case 1 is the floor: `chromium-headless-shell --headless --print-to-pdf`
 * of briefing's own finished HTML, with the flags briefing passes. Peers in the same rounds,
 * installed by `bench/setup.sh`: md-to-pdf, pandoc + WeasyPrint, and Typst through its
 * Node compiler on `bench/sample.typ` (the sample written by hand in Typst).
 *
 * Environment: BENCH_REPS (rounds of case 1 and 3's small sizes, default 7),
 * BENCH_BATCH_REPS (rounds of case 2, default 3), BENCH_QUICK=1 (a smoke run: few and
 * small), BENCH_SKIP_BUILD=1 (bench the `dist/` that is there, e.g. built under a lock).
 * `npm run bench -- scaling` runs case 5 alone and only prints its table.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build as esbuild} from 'esbuild';
import {coldTimeline} from './lib/cold-timeline.js';
import {describeMachine} from './lib/machine.js';
import {batchVariant, denseManuscript, longManuscript} from './lib/manuscripts.js';
import {interleave, load1, median, pairedRatio, timeCommand, type Run} from './lib/measure.js';
import {detectPeers, type Peer} from './lib/peers.js';
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

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/** Compile briefing, unless told not to (a shared tree may build it under a lock instead). */
function buildBriefing(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') {
    if (!existsSync(path.join(dist, 'cli.js'))) throw new Error('BENCH_SKIP_BUILD=1 but dist/cli.js is missing');
    return;
  }
  log('compiling briefing (npm run build)');
  execFileSync('npm', ['run', '--silent', 'build'], {cwd: root, stdio: 'inherit', env});
}

/** The bench's own setup (peers), briefing compiled, and the print-only probe bundled as the command is. */
async function prepare(): Promise<void> {
  execFileSync('bash', [path.join(bench, 'setup.sh')], {stdio: 'inherit', env});
  buildBriefing();
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
const cli = path.join(dist, 'cli.js');
const briefingBuild = (input: string, outDir: string, format = 'pdf', extra: readonly string[] = []): Promise<Run> => node([cli, 'build', input, '-f', format, '-o', outDir, ...extra]);

if (process.argv.includes('scaling')) {
  log('case 5 alone: one-token manuscripts at doubling sizes');
  buildBriefing();
  const machineBefore = describeMachine('');
  const scaling = await scalingCase(node, bench, dist, quick ? 1 : 3);
  process.stdout.write(markdownReport(machineBefore, loadavg().map((load) => Math.round(load * 100) / 100), scaling.rows, scaling.targets.map((entry) => `${entry.pass ? 'PASS' : 'FAIL'}: ${entry.name} (measured ${Number(entry.value.toFixed(3))})`)));
  process.exit(scaling.targets.every((entry) => entry.pass) ? 0 : 1);
}

await prepare();
const {findBrowser} = (await import(pathToFileURL(path.join(dist, 'pdf', 'find-browser.js')).href)) as {
  findBrowser: (explicit: string | undefined) => {path: string; headless: 'shell' | true};
};
const {chromiumArgs, needsNoSandbox} = (await import(pathToFileURL(path.join(dist, 'pdf', 'chromium.js')).href)) as {
  chromiumArgs: readonly string[];
  needsNoSandbox: () => boolean;
};
const browser = findBrowser(undefined);
const machine = describeMachine(browser.path);
const peers = detectPeers(bench);
/**
 * The flags briefing passes to Chromium, for the floor and the Chromium peers: all but the
 * pipe (they are not driven over one), the same sandbox rule.
 */
const browserFlags = [...chromiumArgs.filter((flag) => flag !== '--remote-debugging-pipe'), ...(needsNoSandbox() ? ['--no-sandbox'] : [])];
const floorCommand = (html: string, pdf: string): Promise<Run> =>
  timeCommand(browser.path, [browser.headless === 'shell' ? '--headless' : '--headless=new', ...browserFlags, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href], {env});
const mdToPdfCli = path.join(bench, 'node_modules', 'md-to-pdf', 'dist', 'cli.js');
/** md-to-pdf serves its page from a local HTTP server: it cannot have the rule that resolves no host name. */
const mdToPdfFlags = browserFlags.filter((flag) => !flag.startsWith('--host-resolver-rules'));
const launchOptions = JSON.stringify({executablePath: browser.path, headless: browser.headless, args: mdToPdfFlags});
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
/** What was measured: the tree's commit (`BENCH_COMMIT` for a copy without Git), and whether it had changes. */
function describeTree(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
    return changed ? `${commit} with uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}
const tree = describeTree();
const json: Record<string, unknown> = {
  date: machine.date,
  tree,
  machine,
  peers: Object.fromEntries(Object.values(peers).map((peer) => [peer.name, peer.missing ?? peer.version])),
  reps,
  batchReps,
  cases: {}
};
const cases = json.cases as Record<string, unknown>;

/** Contenders of one case: a run each round, or nothing when a peer is missing or has failed. */
type Contenders = Record<string, () => Promise<Run | undefined>>;
const failures = new Map<string, string>();

/** A peer's contender: skipped when it is not installed, and after its first failure (kept in `failures`). */
function peer(name: string, info: Peer, run: () => Promise<Run>): Contenders {
  if (info.missing) {
    failures.set(name, info.missing);
    return {};
  }
  return {
    [name]: async () => {
      if (failures.has(name)) return undefined;
      try {
        return await run();
      } catch (error) {
        // What it printed, without the command line and stack frames.
        const said = String((error as Error).message).split('\n').slice(1).filter((line) => line.trim() && !/^\s+at /.test(line));
        failures.set(name, `failed: ${said.slice(0, 3).join(' ').slice(0, 300)}`);
        return undefined;
      }
    }
  };
}

/** The runs of each contender, one per round; undefined where a peer did not run. */
type Runs = Record<string, Array<Run | undefined>>;

/** One case's rounds, with the 1-minute load before and after. */
async function rounds(count: number, contenders: Contenders): Promise<{runs: Runs; load: string; loadBefore: number; loadAfter: number}> {
  const loadBefore = load1();
  const runs = await interleave(count, contenders);
  const loadAfter = load1();
  return {runs, load: `${loadBefore} → ${loadAfter}`, loadBefore, loadAfter};
}

/** Pairs of a contender and the reference, dropping the rounds either did not run in. */
function pairs(runs: Runs, name: string, reference: string): [Run[], Run[]] {
  const mine = runs[name] ?? [];
  const theirs = runs[reference] ?? [];
  const kept = mine.flatMap((run, index) => (run && theirs[index] ? [[run, theirs[index] as Run] as const] : []));
  return [kept.map(([run]) => run), kept.map(([, other]) => other)];
}

const medianMs = (list: readonly (Run | undefined)[]): number => median(list.flatMap((run) => (run ? [run.ms] : [])));
const peakOf = (list: readonly (Run | undefined)[]): number => Math.max(0, ...list.flatMap((run) => (run ? [run.peakRss] : [])));
const msOf = (list: readonly (Run | undefined)[]): Array<number | null> => list.map((run) => (run ? Math.round(run.ms) : null));

const sampleText = readFileSync(path.join(root, sample), 'utf8');

/** A case that fails (a peer's crash, a busy machine's timeout) is a row that says so, and the others still run. */
async function attempt(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const said = String((error as Error).message).split('\n').filter((line) => line.trim() && !/^\s+at /.test(line));
    log(`${name} failed: ${said.join(' | ')}`);
    rows.push({case: `${name}: FAILED`, contender: '', time: said.slice(0, 3).join(' ').slice(0, 400), ratio: '', target: '', pass: false});
    targets.push(target(`${name} ran to its end`, 1, 0));
  }
}

try {
  await attempt('case 1', async () => {
    // 1. One briefing, cold, as a whole process, against the floor and the peers.
    log(`case 1: the sample, cold, ${reps} rounds`);
    const htmlDir = path.join(work, 'html');
    await briefingBuild(sample, htmlDir, 'html');
    const html = path.join(htmlDir, `${sampleName}.html`);
    const peerDir = path.join(work, 'cold-peers');
    mkdirSync(peerDir);
    const peerSample = path.join(peerDir, `${sampleName}.md`);
    writeFileSync(peerSample, sampleText);
    const cold = await rounds(reps, {
      floor: () => floorCommand(html, path.join(work, 'floor.pdf')),
      briefing: () => briefingBuild(sample, path.join(work, 'cold')),
      // The same command making only the HTML: what the Markdown stage costs a cold process.
      'briefing, HTML only': () => briefingBuild(sample, path.join(work, 'cold-html'), 'html'),
      // The finished page through briefing's print path alone: what printing costs.
      'briefing print path alone': () => node([printOnly, path.join(work, 'print-only'), html]),
      ...peer('md-to-pdf', peers.mdToPdf, () => mdToPdf([peerSample])),
      ...peer('pandoc + WeasyPrint', peers.pandoc, () =>
        timeCommand('pandoc', [peerSample, '--pdf-engine=weasyprint', '-o', path.join(peerDir, 'pandoc.pdf')], {cwd: peerDir, env})
      ),
      ...peer('Typst (Node compiler)', peers.typst, () => node([path.join(bench, '.build', 'typst.js'), path.join(bench, 'sample.typ'), path.join(peerDir, 'typst.pdf')]))
    });
    const coldRatio = (name: string): number => pairedRatio(...pairs(cold.runs, name, 'floor'));
    const coldTarget = target('cold single (the sample, whole process) <= 1.4x the floor', coldRatio('briefing'), 1.4);
    targets.push(coldTarget);
    cases.cold = {
      load1: [cold.loadBefore, cold.loadAfter],
      medianMs: Object.fromEntries(Object.entries(cold.runs).map(([name, list]) => [name, medianMs(list)])),
      ratioToFloor: Object.fromEntries(Object.keys(cold.runs).map((name) => [name, coldRatio(name)])),
      peakRssBytes: Object.fromEntries(Object.entries(cold.runs).map(([name, list]) => [name, peakOf(list)])),
      runsMs: Object.fromEntries(Object.entries(cold.runs).map(([name, list]) => [name, msOf(list)]))
    };
    const coldNames = ['floor', 'briefing', 'briefing, HTML only', 'briefing print path alone', 'md-to-pdf', 'pandoc + WeasyPrint', 'Typst (Node compiler)'];
    coldNames.forEach((name, index) => {
      const first = index === 0;
      const missing = failures.get(name);
      const list = cold.runs[name];
      rows.push({
        case: first ? `1. cold single: the sample, whole process, ${reps} rounds` : '',
        contender: name === 'floor' ? `floor: ${path.basename(browser.path)} --print-to-pdf of briefing's HTML` : name,
        time: list && !missing ? duration(medianMs(list)) : (missing ?? 'not run'),
        ratio: list && !missing ? (name === 'floor' ? '1.00x' : `${coldRatio(name).toFixed(2)}x`) : '',
        target: name === 'briefing' ? '<= 1.4x' : '',
        pass: name === 'briefing' ? coldTarget.pass : undefined,
        memory: list && !missing ? megabytes(peakOf(list)) : '',
        load: first ? cold.load : ''
      });
    });
  });

  await attempt('case 1b', async () => {
    // 1b. Where the cold build's time goes: each step's median, from the spawn.
    log(`case 1b: the steps of a cold build, ${reps} runs`);
    const before = load1();
    const timeline = await coldTimeline(process.execPath, [cli, 'build', sample, '-f', 'pdf', '-o', path.join(work, 'cold-timeline')], env, root, reps);
    const after = load1();
    cases.coldTimeline = {load1: [before, after], runs: timeline.runs, medianMsFromSpawn: Object.fromEntries(timeline.steps)};
    rows.push({
      case: `1b. where a cold build's time goes (BRIEFING_TIMELINE=1), the sample, ${timeline.runs} runs`,
      contender: 'briefing',
      time: timeline.steps.map(([step, ms]) => `${step} ${ms} ms`).join(' · '),
      ratio: '',
      target: '',
      load: `${before} → ${after}`
    });
  });

  await attempt('case 2', async () => {
    // 2. A batch: whole wall time / documents, against md-to-pdf and the batch floor.
    log(`case 2: a batch of ${batchSize}, ${batchReps} rounds`);
    const batchDir = path.join(work, 'batch');
    mkdirSync(batchDir);
    const batchFiles = Array.from({length: batchSize}, (_, index) => {
      const file = path.join(batchDir, `briefing-${String(index + 1).padStart(3, '0')}.md`);
      writeFileSync(file, batchVariant(sampleText, index));
      return file;
    });
    // The batch's finished pages, made once ahead, for the batch floor.
    const batchHtmlDir = path.join(work, 'batch-html');
    await briefingBuild(batchDir, batchHtmlDir, 'html');
    const batchPages = readdirSync(batchHtmlDir)
      .filter((name) => name.endsWith('.html'))
      .sort()
      .map((name) => path.join(batchHtmlDir, name));
    if (batchPages.length !== batchSize) throw new Error(`the batch gave ${batchPages.length} pages, not ${batchSize}`);
    const batch = await rounds(batchReps, {
      briefing: () => briefingBuild(batchDir, path.join(work, 'batch-out')),
      'batch floor': () => node([printOnly, path.join(work, 'batch-floor'), ...batchPages]),
      'briefing, HTML only': () => briefingBuild(batchDir, path.join(work, 'batch-html-again'), 'html'),
      ...peer('md-to-pdf', peers.mdToPdf, () => mdToPdfBatch(batchFiles))
    });
    const batchRatio = (name: string, reference: string): number => pairedRatio(...pairs(batch.runs, name, reference));
    const perDoc = (name: string): number => medianMs(batch.runs[name] ?? []) / batchSize;
    const batchVsPeer = target(`batch of ${batchSize}: time per document <= 0.08x md-to-pdf (${peerChunk} files per process)`, batchRatio('briefing', 'md-to-pdf'), 0.08);
    const batchVsFloor = target(`batch of ${batchSize}: within 1.5x of the batch floor (the same pages printed on the same tab pool, no Markdown work)`, batchRatio('briefing', 'batch floor'), 1.5);
    if (!failures.has('md-to-pdf')) targets.push(batchVsPeer);
    targets.push(batchVsFloor);
    cases.batch = {
      documents: batchSize,
      load1: [batch.loadBefore, batch.loadAfter],
      perDocumentMs: Object.fromEntries(Object.keys(batch.runs).map((name) => [name, perDoc(name)])),
      ratios: {'briefing / md-to-pdf': batchRatio('briefing', 'md-to-pdf'), 'briefing / batch floor': batchRatio('briefing', 'batch floor')},
      peakRssBytes: Object.fromEntries(Object.entries(batch.runs).map(([name, list]) => [name, peakOf(list)])),
      runsMs: Object.fromEntries(Object.entries(batch.runs).map(([name, list]) => [name, msOf(list)]))
    };
    const batchRow = (name: string, label: string, ratio: string, more: Partial<Row> = {}): Row => {
      const missing = failures.get(name);
      const list = batch.runs[name];
      return {
        case: '',
        contender: label,
        time: list && !missing ? `${duration(perDoc(name))} per document (${duration(medianMs(list))} in all)` : (missing ?? 'not run'),
        ratio: list && !missing ? ratio : '',
        target: '',
        memory: list && !missing ? megabytes(peakOf(list)) : '',
        ...more
      };
    };
    rows.push(
      batchRow('briefing', 'briefing', `${batchRatio('briefing', 'md-to-pdf').toFixed(3)}x md-to-pdf`, {
        case: `2. batch of ${batchSize} (sample variants), whole process, ${batchReps} rounds`,
        target: '<= 0.08x md-to-pdf',
        pass: failures.has('md-to-pdf') ? undefined : batchVsPeer.pass,
        load: batch.load
      }),
      batchRow('briefing', '', `${batchRatio('briefing', 'batch floor').toFixed(2)}x the batch floor`, {time: '', memory: '', target: '<= 1.5x the batch floor', pass: batchVsFloor.pass}),
      batchRow('batch floor', 'batch floor: the finished pages through briefing\'s print path and tab pool', '1.00x'),
      batchRow('briefing, HTML only', 'briefing, HTML only (-f html)', `${batchRatio('briefing, HTML only', 'batch floor').toFixed(2)}x the batch floor`),
      batchRow('md-to-pdf', `md-to-pdf, ${peerChunk} files per process`, `${batchRatio('md-to-pdf', 'batch floor').toFixed(2)}x the batch floor`)
    );
  });

  await attempt('case 2b', async () => {
    log(`case 2b: a batch of ${bigBatchSize}, briefing only, for its peak memory`);
    const bigDir = path.join(work, 'batch-big');
    mkdirSync(bigDir);
    for (let index = 0; index < bigBatchSize; index++) writeFileSync(path.join(bigDir, `briefing-${String(index + 1).padStart(3, '0')}.md`), batchVariant(sampleText, index));
    const bigLoad = load1();
    const big = await briefingBuild(bigDir, path.join(work, 'batch-big-out'));
    const bigTarget = target(`batch of ${bigBatchSize}: peak memory of the process tree < 1 GB`, big.peakRss / 2 ** 30, 1, true);
    targets.push(bigTarget);
    cases.bigBatch = {documents: bigBatchSize, load1: [bigLoad, load1()], ms: Math.round(big.ms), peakRssBytes: big.peakRss};
    rows.push({
      case: `2b. batch of ${bigBatchSize}, whole process, 1 run`,
      contender: 'briefing',
      time: `${duration(big.ms / bigBatchSize)} per document (${duration(big.ms)} in all)`,
      ratio: '',
      target: '< 1024 MB',
      pass: bigTarget.pass,
      memory: megabytes(big.peakRss),
      load: `${bigLoad} → ${load1()}`
    });
  });

  await attempt('case 3', async () => {
    // 3. Markdown to HTML, whole CLI, against a plain unified chain as a whole process: a long
    // report (prose), and notes dense with quotes and lists, where remark-parse is super-linear.
    const sizes = quick ? [10 * 1024, 100 * 1024] : [10 * 1024, 100 * 1024, 1024 * 1024];
    const toHtml: Record<string, unknown> = {};
    cases.toHtml = toHtml;
    for (const kind of ['dense', 'prose'] as const) {
      const make = kind === 'dense' ? denseManuscript : longManuscript;
      const byKind: Record<string, unknown> = {};
      toHtml[kind] = byKind;
      const briefingMs: number[] = [];
      for (const size of sizes) {
        const count = quick ? 1 : size >= 1024 * 1024 ? (kind === 'dense' ? 2 : 3) : reps;
        log(`case 3 (${kind}, ${size / 1024} KB): Markdown to HTML, whole CLI, ${count} rounds`);
        const dir = path.join(work, `to-html-${kind}-${size}`);
        mkdirSync(dir);
        const input = path.join(dir, `${kind}.md`);
        writeFileSync(input, make(sampleText, size));
        const result = await rounds(count, {
          'plain chain': () => node([path.join(bench, '.build', 'plain-chain.js'), input, path.join(dir, 'plain.html')]),
          // A busy shared machine must not stop the 1 MB run at the default 30 s budget.
          briefing: () => briefingBuild(input, path.join(dir, 'out'), 'html', ['--timeout', '300'])
        });
        const ratio = pairedRatio(...pairs(result.runs, 'briefing', 'plain chain'));
        briefingMs.push(medianMs(result.runs.briefing ?? []));
        const last = size === sizes.at(-1);
        const limit = kind === 'dense' ? 0.25 : 3;
        const sizeTarget = last ? target(`Markdown to HTML, whole CLI, ${size / 1024} KB ${kind} <= ${limit}x the plain chain`, ratio, limit) : undefined;
        if (sizeTarget) targets.push(sizeTarget);
        byKind[size] = {
          load1: [result.loadBefore, result.loadAfter],
          medianMs: {briefing: medianMs(result.runs.briefing ?? []), 'plain chain': medianMs(result.runs['plain chain'] ?? [])},
          ratio,
          runsMs: Object.fromEntries(Object.entries(result.runs).map(([name, list]) => [name, msOf(list)]))
        };
        rows.push({
          case: `3. Markdown to HTML, ${kind}, ${size / 1024} KB, whole CLI, ${count} rounds`,
          contender: 'briefing -f html',
          time: duration(medianMs(result.runs.briefing ?? [])),
          ratio: `${ratio.toFixed(2)}x the plain chain (${duration(medianMs(result.runs['plain chain'] ?? []))})`,
          target: sizeTarget ? `<= ${limit}x` : '',
          pass: sizeTarget?.pass,
          memory: megabytes(peakOf(result.runs.briefing ?? [])),
          load: result.load
        });
      }
      if (briefingMs.length >= 2) {
        const growth = (briefingMs.at(-1) as number) / (briefingMs.at(-2) as number);
        const label = `time(${(sizes.at(-1) as number) / 1024} KB) / time(${(sizes.at(-2) as number) / 1024} KB)`;
        const linear = target(`${label}, ${kind}, whole CLI <= 12`, growth, 12);
        targets.push(linear);
        byKind.growth = growth;
        rows.push({case: `   ${kind}: ${label}`, contender: 'briefing -f html', time: '', ratio: growth.toFixed(1), target: '<= 12', pass: linear.pass});
      }
    }
  });

  await attempt('case 3b', async () => {
    log('case 3b: parse alone, a quote- and list-dense manuscript (remark-parse is quadratic on it)');
    const denseSize = quick ? 100 * 1024 : 1024 * 1024;
    const parseLoad = load1();
    const dense = JSON.parse((await node([path.join(bench, '.build', 'parse-dense.js'), dist, String(denseSize)])).output.trim().split('\n').at(-1) ?? '{}') as {
      remarkParse: number;
      inPieces: number;
      sameTree: boolean;
    };
    cases.parseDense = {...dense, load1: [parseLoad, load1()]};
    rows.push({
      case: `3b. parse only, ${denseSize / 1024} KB dense with quotes and lists, in-process, 1 run`,
      contender: 'briefing, parsed in pieces',
      time: duration(dense.inPieces),
      ratio: `${(dense.inPieces / dense.remarkParse).toFixed(2)}x remark-parse (${duration(dense.remarkParse)})`,
      target: 'same tree',
      pass: dense.sameTree,
      load: `${parseLoad} → ${load1()}`
    });
  });

  await attempt('case 4', async () => {
    // 4. The watch rebuild after a save.
    log('case 4: watch rebuild of the sample');
    const watchLoad = load1();
    const watch = await measureWatchRebuild({cli, dist, sampleText, work, reps, env});
    const watchTarget = target('watch rebuild of the sample <= 0.25 s', watch.medianMs / 1000, 0.25);
    targets.push(watchTarget);
    cases.watch = {...watch, load1: [watchLoad, load1()]};
    rows.push({case: `4. watch rebuild of the sample (${watch.how}), ${reps} saves`, contender: 'briefing --watch', time: duration(watch.medianMs), ratio: '', target: '<= 0.25 s', pass: watchTarget.pass, load: `${watchLoad} → ${load1()}`});
    if (watch.note) notes.push(watch.note);
  });

  await attempt('case 5', async () => {
    // 5. One-token manuscripts at doubling sizes: every stage linear, or bounded.
    log('case 5: one-token manuscripts of each kind, 25 KB to 400 KB');
    const scalingLoad = load1();
    const scaling = await scalingCase(node, bench, dist, quick ? 1 : 3);
    cases.scaling = {...(scaling.json as object), load1: [scalingLoad, load1()]};
    targets.push(...scaling.targets);
    rows.push(...scaling.rows.map((row, index) => (index === 0 ? {...row, load: `${scalingLoad} → ${load1()}`} : row)));
  });

} finally {
  rmSync(work, {recursive: true, force: true});
}

const loadAfter = loadavg().map((load) => Math.round(load * 100) / 100);
notes.push(
  `Every time is whole-process wall time, from spawn to exit, of commands run one at a time. Ratios are the median of per-round ratios (in each round every contender of the case runs once, in a rotated order). Peak memory is the largest sum of resident memory over the process and all its descendants (Node and every Chromium process), sampled every 50 ms from /proc (shared pages count once per process, so it overstates a little; a process shorter than 50 ms is sampled once).`,
  `Case 1: the floor is \`${path.basename(browser.path)} --headless --print-to-pdf\` of the HTML briefing made (\`-f html\`, made once before the rounds), with the flags briefing passes (${browserFlags.length} flags, all but the pipe); briefing is \`node dist/cli.js build ${sample} -f pdf\`; "HTML only" is the same with \`-f html\`; "print path alone" is \`bench/print-only.ts\` printing that HTML (Chromium spawned, connected over a pipe by puppeteer, one tab, no Markdown work). md-to-pdf ${peers.mdToPdf.version ?? ''} runs on the same Chromium with the same flags but the host-resolver rule (it loads its page from a local HTTP server); pandoc + WeasyPrint is \`pandoc --pdf-engine=weasyprint\` (${peers.pandoc.version ?? 'missing'}); Typst is \`bench/typst.ts\` compiling \`bench/sample.typ\`, the sample written by hand in Typst, in Typst's embedded fonts (${peers.typst.version ?? 'missing'}).`,
  `Case 1b: the same build of the sample, run alone with \`BRIEFING_TIMELINE=1\`, which makes briefing note on standard error when it reaches each step (the command started; the HTML stage's thread started and its bundle loaded; the template loaded; the page made, as the main thread receives it; printed; the PDF completed, after the rewrite that adds metadata and the PDF/UA parts; the process's exit); each step's median time from the spawn.`,
  `Case 2: ${batchSize} variants of the sample (own title, date and section order). briefing in one process (\`build <folder>\`); the batch floor is \`bench/print-only.ts\` printing the ${batchSize} finished pages (made once ahead by \`-f html\`, not timed) on as many tabs as briefing's default, fonts by URL as a build's print copy has them; md-to-pdf ${peerChunk} files per process, one process after another (all ${batchSize} in one process time out here), timed as one. Time per document is the whole wall time over the documents.`,
  'Case 3: the whole CLI (`build <file> -f html`) against `bench/plain-chain.ts` (remark-parse, remark-rehype, rehype-stringify reading the file and writing the HTML), both as whole processes. "dense": the sample\'s text as notes with a block quote or list every few lines, where remark-parse is super-linear; "prose": a long report built from the sample (sections with lists, quotes, tables, footnotes, reference links). Case 3b: the parse alone, in-process, and whether the trees are identical.',
  'Case 5: in-process, no printing, the whole briefing pipeline on manuscripts whose body is a single token of one kind; the ratio is each doubling\'s CPU time over the previous size\'s.',
  ...targets.map((entry) => `${entry.pass ? 'PASS' : 'FAIL'}: ${entry.name} (measured ${Number(entry.value.toFixed(3))})`)
);
json.loadAverageAfter = loadAfter;
json.targets = targets;
json.missingOrFailed = Object.fromEntries(failures);
notes.unshift(`Measured: briefing at ${tree}.`);
const markdown = markdownReport(machine, loadAfter, rows, notes);
writeFileSync(path.join(bench, 'results.md'), `# Benchmark results\n\n${markdown}`);
writeFileSync(path.join(bench, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
process.stdout.write(markdown);
