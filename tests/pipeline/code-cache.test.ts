import {copyFile, mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import path from 'node:path';
import {setFlagsFromString} from 'node:v8';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {cacheDir, runWithCodeCache, saveCodeCacheKey, type SaveCodeCache} from '../../src/pipeline/code-cache.js';

// Each run here is in the same isolate, which would otherwise reuse its own compilation of
// the same source and never look at the cache (a real run is a fresh thread).
setFlagsFromString('--no-compilation-cache');

let dir: string;
let script: string;
let cache: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-code-cache-'));
  script = path.join(dir, 'bundle.cjs');
  cache = path.join(dir, 'cache');
  await writeScript('one');
});

afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** A CommonJS bundle with enough functions for V8 to have something to cache. */
async function writeScript(label: string): Promise<void> {
  const functions = Array.from({length: 50}, (_, index) => `function f${index}(x) { return x * ${index} + ${JSON.stringify(label)}.length; }`).join('\n');
  await writeFile(script, `${functions}\nmodule.exports = {label: ${JSON.stringify(label)}, total: [${Array.from({length: 50}, (_, index) => `f${index}(2)`).join(', ')}].reduce((a, b) => a + b), file: __filename, path: require('node:path').sep};\n`);
  // Two writes within the same millisecond would otherwise share a cache name.
  const when = new Date(Date.now() + Math.random() * 1e6);
  await utimes(script, when, when);
}

function save(): void {
  (globalThis as {[saveCodeCacheKey]?: SaveCodeCache})[saveCodeCacheKey]?.();
}

async function cacheFiles(): Promise<string[]> {
  return (await readdir(cache).catch(() => [])).filter((name) => name.endsWith('.v8cache'));
}

describe('runWithCodeCache', () => {
  it('runs a CommonJS bundle, then saves a private cache that the next run starts from', async () => {
    const first = runWithCodeCache(script, cache);
    expect(first.cache).toBe('miss');
    expect(first.exports).toEqual({label: 'one', total: 2450 + 150, file: script, path: path.sep});
    expect(await cacheFiles()).toEqual([]);
    save();
    const [name] = await cacheFiles();
    expect(name).toMatch(/^bundle\.cjs-[\da-f]{12}-\d+-\d+-v\d+\.\d+\.\d+-\w+-[\da-f]+\.v8cache$/);
    expect((await stat(cache)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(cache, name ?? ''))).mode & 0o777).toBe(0o600);

    const second = runWithCodeCache(script, cache);
    expect(second.cache).toBe('hit');
    expect(second.exports).toEqual(first.exports);
    const before = (await stat(path.join(cache, name ?? ''))).mtimeMs;
    save();
    expect((await stat(path.join(cache, name ?? ''))).mtimeMs).toBe(before);
  });

  it('ignores a damaged cache and replaces it', async () => {
    runWithCodeCache(script, cache);
    save();
    const [name] = await cacheFiles();
    await writeFile(path.join(cache, name ?? ''), 'not a code cache');
    const damaged = runWithCodeCache(script, cache);
    expect(damaged.cache).toBe('rejected');
    expect(damaged.exports).toMatchObject({label: 'one'});
    save();
    expect(runWithCodeCache(script, cache).cache).toBe('hit');
  });

  it('keeps only the cache of the current bundle', async () => {
    runWithCodeCache(script, cache);
    save();
    const [old] = await cacheFiles();
    await writeScript('two');
    const changed = runWithCodeCache(script, cache);
    expect(changed.cache).toBe('miss');
    expect(changed.exports).toMatchObject({label: 'two'});
    save();
    const now = await cacheFiles();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(old);
  });

  it('keeps a cache per set of V8 flags: a run under other flags neither rejects nor removes this one', async () => {
    runWithCodeCache(script, cache);
    save();
    setFlagsFromString('--max-lazy');
    try {
      expect(runWithCodeCache(script, cache).cache).toBe('miss');
      save();
      expect(await cacheFiles()).toHaveLength(2);
      expect(runWithCodeCache(script, cache).cache).toBe('hit');
    } finally {
      setFlagsFromString('--no-max-lazy');
    }
    expect(runWithCodeCache(script, cache).cache).toBe('hit');
  });

  it('keeps the caches of two installs apart', async () => {
    runWithCodeCache(script, cache);
    save();
    const other = path.join(dir, 'other');
    await mkdir(other);
    const copy = path.join(other, 'bundle.cjs');
    await copyFile(script, copy);
    // The same bundle, to the byte and the millisecond, in another folder.
    const {atime, mtime} = await stat(script);
    await utimes(copy, atime, mtime);
    expect(runWithCodeCache(copy, cache).cache).toBe('miss');
    save();
    expect(await cacheFiles()).toHaveLength(2);
    expect(runWithCodeCache(script, cache).cache).toBe('hit');
  });

  it('runs without a cache where it cannot write one', async () => {
    await writeFile(cache, 'a file where the folder should be');
    const run = runWithCodeCache(script, cache);
    expect(run.exports).toMatchObject({label: 'one'});
    expect(() => save()).not.toThrow();
    expect(runWithCodeCache(script, cache).cache).toBe('miss');
  });
});

describe('cacheDir', () => {
  const saved = {dir: process.env['BRIEFING_CACHE_DIR'], xdg: process.env['XDG_CACHE_HOME']};
  afterEach(() => {
    for (const [key, value] of [['BRIEFING_CACHE_DIR', saved.dir], ['XDG_CACHE_HOME', saved.xdg]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('is BRIEFING_CACHE_DIR, else under XDG_CACHE_HOME, else under ~/.cache', () => {
    process.env['BRIEFING_CACHE_DIR'] = 'relative/cache';
    expect(cacheDir()).toBe(path.resolve('relative/cache'));
    delete process.env['BRIEFING_CACHE_DIR'];
    process.env['XDG_CACHE_HOME'] = '/var/cache/someone';
    expect(cacheDir()).toBe('/var/cache/someone/briefing');
    delete process.env['XDG_CACHE_HOME'];
    expect(cacheDir()).toBe(path.join(homedir(), '.cache', 'briefing'));
  });
});
