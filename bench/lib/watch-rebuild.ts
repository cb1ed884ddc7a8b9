import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {median} from './measure.js';

export interface WatchOptions {
  readonly cli: string;
  readonly dist: string;
  readonly sampleText: string;
  readonly work: string;
  readonly reps: number;
  readonly env: NodeJS.ProcessEnv;
}

export interface WatchResult {
  /** `--watch` (a real watcher, from save to the rebuild line) or `in-process`. */
  readonly how: string;
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  readonly note?: string;
}

/** Resolves with the first output line that matches, or rejects after `ms`. */
function waitForLine(lines: {text: string; listeners: Array<() => void>}, pattern: RegExp, from: number, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const match = lines.text.slice(from).split('\n').find((line) => pattern.test(line));
      if (match === undefined) return false;
      clearTimeout(timer);
      resolve(match);
      return true;
    };
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${ms} ms:\n${lines.text.slice(-1500)}`)), ms);
    const listen = (): void => {
      if (!check()) lines.listeners.push(listen);
    };
    listen();
  });
}

/**
 * The sample's rebuild after a save, as a writer sees it: `briefing build --watch`
 * runs, the manuscript is written, and the time runs until the rebuild line appears.
 * Without `--watch` in the CLI, a warm renderer's re-render of the sample is measured.
 *
 * @param {WatchOptions} options
 *   Where the CLI is, the sample and the runs.
 * @returns {Promise<WatchResult>}
 *   Median and runs, and how it was measured.
 */
export async function measureWatchRebuild(options: WatchOptions): Promise<WatchResult> {
  const {cli, sampleText, work, reps, env} = options;
  const dir = path.join(work, 'watch');
  mkdirSync(dir, {recursive: true});
  const manuscript = path.join(dir, 'sample.md');
  writeFileSync(manuscript, sampleText);
  const child = spawn(process.execPath, [cli, 'build', manuscript, '-f', 'pdf', '-o', path.join(dir, 'out'), '--watch'], {cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe']});
  const lines = {text: '', listeners: [] as Array<() => void>};
  const receive = (chunk: string): void => {
    lines.text += chunk;
    for (const listener of lines.listeners.splice(0)) listener();
  };
  child.stdout.setEncoding('utf8').on('data', receive);
  child.stderr.setEncoding('utf8').on('data', receive);
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  try {
    const ready = await Promise.race([waitForLine(lines, /^Watching /, 0, 60_000), exited.then(() => undefined)]);
    if (ready === undefined) return await inProcess(options, `The CLI has no working --watch (it said: ${lines.text.trim().split('\n')[0] ?? ''}); a warm renderer's re-render was measured instead.`);
    const runs: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const from = lines.text.length;
      const started = performance.now();
      // A save that changes the text, so every rebuild has work to do.
      writeFileSync(manuscript, `${sampleText}${rep % 2 === 0 ? '\n' : ''}`);
      const line = await waitForLine(lines, /rebuilt|not rebuilt/, from, 60_000);
      if (/not rebuilt/.test(line)) throw new Error(`the watch rebuild failed: ${line}`);
      runs.push(performance.now() - started);
    }
    return {how: '--watch, save to rebuild line', medianMs: median(runs), runsMs: runs.map(Math.round)};
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }
}

interface Renderer {
  render(file: unknown, request?: {pdf?: boolean}): Promise<{ok: boolean; pdf?: Uint8Array}>;
  close(): Promise<void>;
}

/** A warm renderer: read the manuscript, render HTML and PDF, write the PDF. */
async function inProcess(options: WatchOptions, note: string): Promise<WatchResult> {
  const {dist, work, reps} = options;
  const {createRenderer} = (await import(pathToFileURL(path.join(dist, 'index.js')).href)) as {createRenderer: () => Promise<Renderer>};
  const {VFile} = await import('vfile');
  const manuscript = path.join(work, 'watch', 'sample.md');
  const renderer = await createRenderer();
  try {
    const rebuild = async (): Promise<number> => {
      const started = performance.now();
      const result = await renderer.render(new VFile({path: manuscript, value: readFileSync(manuscript)}), {pdf: true});
      if (!result.ok || !result.pdf) throw new Error('the sample did not render');
      writeFileSync(path.join(work, 'watch', 'sample.pdf'), result.pdf);
      return performance.now() - started;
    };
    await rebuild();
    const runs: number[] = [];
    for (let rep = 0; rep < reps; rep++) runs.push(await rebuild());
    return {how: 'in-process, warm renderer', medianMs: median(runs), runsMs: runs.map(Math.round), note};
  } finally {
    await renderer.close();
  }
}
