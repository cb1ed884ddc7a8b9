import {existsSync, watch} from 'node:fs';
import {mkdir, mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {killStrayRuns, runCli, startCli, type CliResult} from './helpers/cli.js';
import {crashOutput} from './helpers/messages.js';
import {isWholePdf, temporaryFiles} from './helpers/outputs.js';
import {ChromiumWatch, cpuSeconds, delay, survivors, type ProcessInfo} from './helpers/processes.js';
import {manuscript, sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * No orphans: `briefing build` on a batch is stopped mid-batch, at the moment it starts
 * writing an output, by SIGINT (to the process, and to its process group as a terminal's
 * Ctrl-C), SIGTERM and SIGKILL. Afterwards no Chromium it started is alive (zombies
 * waiting to be reaped do not count), no temporary browser profile is left in its TMPDIR,
 * and every PDF in the output folder is whole.
 */
let box: Sandbox;
const batchSize = 8;

beforeAll(async () => {
  box = await sandbox('orphans');
  await mkdir(path.join(box.project, 'batch'));
  for (let index = 0; index < batchSize; index++) {
    await writeFile(path.join(box.project, 'batch', `doc${index}.md`), manuscript(`Document ${index}`, `Paragraph ${index}, long enough to fill a few pages. `.repeat(400)));
  }
});
afterEach(() => killStrayRuns());
afterAll(async () => {
  await box.dispose();
});

interface Interrupted {
  readonly result: CliResult;
  readonly chromium: readonly ProcessInfo[];
  readonly out: string;
  readonly profiles: string;
  readonly signalled: boolean;
}

/**
 * Build the batch and send a signal as soon as the first output is being written.
 *
 * @param signal
 *   What to send.
 * @param group
 *   Send it to the whole process group, as a terminal does on Ctrl-C.
 * @returns
 *   The run, the Chromium processes it started, and its folders.
 */
async function interrupt(signal: NodeJS.Signals, group = false): Promise<Interrupted> {
  const label = `${signal.toLowerCase()}${group ? '-group' : ''}`;
  const out = path.join(box.project, `out-${label}`);
  await mkdir(out);
  const profiles = await mkdtemp(path.join(box.base, `tmp-${label}-`));
  const run = startCli(['build', 'batch', '--out-dir', out], {cwd: box.project, env: {TMPDIR: profiles}, detached: group});
  const chromium = new ChromiumWatch(() => run.child.pid, 10);
  let signalled = false;
  const send = (): void => {
    if (signalled || run.child.exitCode !== null || run.child.pid === undefined) return;
    signalled = true;
    chromium.look();
    process.kill(group ? -run.child.pid : run.child.pid, signal);
  };
  const watcher = watch(out, (_event, name) => {
    if (name?.endsWith('.tmp')) send();
  });
  // In case the watcher misses the moment: any output at all will do.
  const poll = setInterval(() => {
    void readdir(out).then((names) => names.length > 0 && send(), () => undefined);
  }, 20);
  try {
    const result = await run.done;
    return {result, chromium: [...chromium.seen.values()], out, profiles, signalled};
  } finally {
    clearInterval(poll);
    watcher.close();
    chromium.stop();
  }
}

async function wholePdfs(out: string): Promise<string[]> {
  const broken: string[] = [];
  for (const name of (await readdir(out)).filter((file) => file.endsWith('.pdf'))) {
    if (!isWholePdf(await readFile(path.join(out, name)))) broken.push(name);
  }
  return broken;
}

describe('stopping the CLI leaves no Chromium behind', () => {
  it.each([
    {signal: 'SIGINT' as const, group: false, code: 130},
    {signal: 'SIGINT' as const, group: true, code: 130},
    {signal: 'SIGTERM' as const, group: false, code: undefined}
  ])('$signal (process group: $group) mid-batch', {timeout: 60_000}, async ({signal, group, code}) => {
    const {result, chromium, out, profiles, signalled} = await interrupt(signal, group);

    expect(signalled, 'the signal was sent mid-batch').toBe(true);
    expect(chromium.length, 'Chromium had started').toBeGreaterThan(0);
    if (code === undefined) expect(result.code).not.toBe(0);
    else expect(result.code).toBe(code);
    expect(result.stderr).not.toMatch(crashOutput);
    expect((await readdir(out)).filter((name) => name.endsWith('.pdf')).length, 'the batch was cut short').toBeLessThan(batchSize);
    expect(await survivors(chromium), 'Chromium processes still alive').toEqual([]);
    expect(await temporaryFiles(out)).toEqual([]);
    expect(await wholePdfs(out)).toEqual([]);
    expect(await readdir(profiles), 'browser profiles left in TMPDIR').toEqual([]);
  });

  it('SIGKILL mid-write: Chromium exits with its pipe; the next build leaves no stray temporary file', {timeout: 90_000}, async () => {
    const {result, chromium, out, profiles, signalled} = await interrupt('SIGKILL');

    expect(signalled).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(chromium.length, 'Chromium had started').toBeGreaterThan(0);
    expect(await survivors(chromium), 'Chromium processes still alive').toEqual([]);
    expect(await wholePdfs(out)).toEqual([]);
    expect(await readdir(profiles), 'browser profiles left in TMPDIR').toEqual([]);

    // A killed process cannot clean up after itself; the next build of the same outputs must.
    const again = await runCli(['build', 'batch', '--out-dir', out], {cwd: box.project, env: {TMPDIR: profiles}});
    expect(again.code, again.stderr).toBe(0);
    expect(await temporaryFiles(out)).toEqual([]);
  });

  it('a build that finishes returns without waiting for Chromium to close, and Chromium is gone soon after', {timeout: 60_000}, async () => {
    const out = path.join(box.project, 'out-finished');
    await mkdir(out);
    const profiles = await mkdtemp(path.join(box.base, 'tmp-finished-'));
    const run = startCli(['build', path.join('batch', 'doc0.md'), '--format', 'pdf', '--out-dir', out], {cwd: box.project, env: {TMPDIR: profiles}});
    const chromium = new ChromiumWatch(() => run.child.pid, 10);
    let result: CliResult;
    try {
      result = await run.done;
    } finally {
      chromium.stop();
    }
    expect(result.code, result.stderr).toBe(0);
    expect(await wholePdfs(out)).toEqual([]);
    const seen = [...chromium.seen.values()];
    expect(seen.length, 'Chromium had started').toBeGreaterThan(0);
    expect(await survivors(seen), 'Chromium processes still alive').toEqual([]);
    expect(await readdir(profiles), 'browser profiles left in TMPDIR').toEqual([]);
  });

  it('SIGINT during a long parse stops the CLI within its budget', {timeout: 20_000}, async () => {
    // About 25 s of CPU in micromark (setext headings are quadratic); starting up takes under one.
    await writeFile(path.join(box.project, 'slow.md'), manuscript('Slow', 'a\n=\n'.repeat(12_000)));
    const run = startCli(['build', 'slow.md', '--format', 'html', '--out-dir', 'out-slow'], {cwd: box.project});
    const pid = run.child.pid ?? -1;
    // Signal once it is surely parsing: after 3 s of its own CPU time, however loaded the machine.
    while ((cpuSeconds(pid) ?? Infinity) < 3) await delay(50);
    run.child.kill('SIGINT');
    expect((await run.done).code).toBe(130);
    expect(existsSync(path.join(box.project, 'out-slow', 'slow.html')), 'the interrupted document was still written').toBe(false);
  });
});
