import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import {createHash} from 'node:crypto';
import path from 'node:path';
import {cachedDataVersionTag} from 'node:v8';
import vm from 'node:vm';

/** Called once the script has done representative work: its code cache is then saved. */
export type SaveCodeCache = () => void;

/** What `runWithCodeCache` did. */
export interface CachedRun {
  readonly exports: unknown;
  /** `hit`: started from the cache; `miss`: there was none; `rejected`: V8 refused it. */
  readonly cache: 'hit' | 'miss' | 'rejected';
}

/** Where a script run by `runWithCodeCache` finds its `SaveCodeCache`. */
export const saveCodeCacheKey = Symbol.for('briefing.saveCodeCache');

/**
 * The folder for briefing's code caches: `BRIEFING_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/briefing`, else `~/.cache/briefing`. It is the user's own: V8 trusts
 * a code cache it is given, so a cache in a folder others can write to (such as the
 * shared temporary folder) would let them run code as this user.
 *
 * @returns {string}
 *   An absolute path.
 */
export function cacheDir(): string {
  const explicit = process.env['BRIEFING_CACHE_DIR'];
  if (explicit) return path.resolve(explicit);
  return path.join(process.env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'briefing');
}

/**
 * Run a CommonJS bundle with a V8 code cache, as Node 22's `module.enableCompileCache()`
 * does (Node 20 has no such switch). Without a cache, V8 compiles each function of the
 * bundle when it is first called, and a fresh HTML stage spends more time compiling
 * than working; with one, it starts from the bytecode of every function the last run
 * compiled. The cache is keyed by the bundle's place, size and time, Node's version and
 * V8's version tag (which covers its flags); V8 rejects one that does not fit, and any
 * failure to read or write it only means running without.
 *
 * The script saves the cache itself, once it has done representative work, by calling
 * the function at `globalThis[saveCodeCacheKey]` (see `SaveCodeCache`).
 *
 * @param {string} file
 *   Absolute path of the CommonJS bundle.
 * @param {string} dir
 *   Cache folder.
 * @returns {CachedRun}
 *   The bundle's `module.exports`, and whether a cache was used.
 */
export function runWithCodeCache(file: string, dir: string = cacheDir()): CachedRun {
  const source = readFileSync(file, 'utf8');
  const {size, mtimeMs} = statSync(file);
  // Named by the bundle's folder too: two installs keep a cache each instead of evicting
  // each other's.
  const prefix = `${path.basename(file)}-${createHash('sha256').update(path.dirname(file)).digest('hex').slice(0, 12)}-`;
  const build = `${prefix}${size}-${Math.round(mtimeMs)}-`;
  // V8 rejects a cache made under other flags (`NODE_OPTIONS=--max-old-space-size=…`, a
  // profiler): its version tag, which covers V8's version, flags and CPU features, names
  // the cache, so a run with other flags keeps a cache of its own instead of spoiling this one.
  const cacheFile = path.join(dir, `${build}${process.version}-${process.arch}-${cachedDataVersionTag().toString(16)}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename: file, cachedData});
  const cache = cachedData === undefined ? 'miss' : script.cachedDataRejected === true ? 'rejected' : 'hit';
  const needsSaving = cache !== 'hit';
  let saved = false;
  const save: SaveCodeCache = () => {
    if (saved || !needsSaving) return;
    saved = true;
    try {
      mkdirSync(dir, {recursive: true, mode: 0o700});
      const temporary = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(temporary, script.createCachedData(), {mode: 0o600});
      renameSync(temporary, cacheFile);
      // Caches of earlier builds of the bundle are of no more use.
      for (const name of readdirSync(dir)) {
        if (name.startsWith(prefix) && !name.startsWith(build) && name.endsWith('.v8cache')) rmSync(path.join(dir, name), {force: true});
      }
    } catch {
      // A read-only or full disk: run without a cache.
    }
  };
  (globalThis as Record<symbol, unknown>)[saveCodeCacheKey] = save;
  const module = {exports: {}};
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return {exports: module.exports, cache};
}
