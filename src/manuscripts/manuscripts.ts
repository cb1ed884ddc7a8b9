import {stat} from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type {VFile} from 'vfile';

/** One manuscript of a build, and where its outputs go. */
export interface Manuscript {
  /** Its path as shown: relative to the working directory unless given absolute. */
  readonly path: string;
  /**
   * Its outputs' path under the output folder, without extension: sub-folders below the
   * folder or glob it was found by are kept, so `a/x.md` and `b/x.md` do not collide.
   */
  readonly name: string;
  /** The manuscript itself when it is not read from `path` (standard input, a library caller). */
  readonly file?: VFile | undefined;
}

/** What a build may be given: a file, a folder, a glob, or a manuscript in memory. */
export type BuildInput = string | VFile;

/** An input that names nothing to build, or outputs that would overwrite each other. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Folders never searched for manuscripts. */
const skipped = new Set(['node_modules', '.git']);

/**
 * Turn files, folders (searched recursively for `*.md`), globs and in-memory files into
 * the list of manuscripts, without duplicates. Folder and glob matches are sorted.
 *
 * @param {readonly BuildInput[]} inputs
 *   What to build.
 * @param {string} cwd
 *   Base for relative paths.
 * @returns {Promise<Manuscript[]>}
 *   The manuscripts, in the order given.
 */
export async function findManuscripts(inputs: readonly BuildInput[], cwd: string): Promise<Manuscript[]> {
  const found = new Map<string, Manuscript>();
  const add = (manuscript: Manuscript): void => {
    const key = manuscript.file ? `\0${found.size}` : path.resolve(cwd, manuscript.path);
    if (!found.has(key)) found.set(key, manuscript);
  };

  for (const input of inputs) {
    if (typeof input !== 'string') {
      add({path: input.path ?? 'document', name: safeStem(input.stem), file: input});
      continue;
    }
    const info = await stat(path.resolve(cwd, input)).catch(() => undefined);
    if (info?.isDirectory()) {
      const files = await markdownBelow(path.resolve(cwd, input));
      if (files.length === 0) throw new InputError(`${input}: no *.md manuscripts in this folder`);
      for (const file of files) add(fromBase(file, input, cwd));
    } else if (info) {
      add({path: input, name: stem(path.basename(input))});
    } else if (/[*?[{]/.test(input)) {
      const {glob} = await import('tinyglobby');
      const matches = (await glob(input, {cwd, onlyFiles: true, expandDirectories: false, ignore: ['**/node_modules/**']}))
        .filter((file) => file.endsWith('.md'))
        .sort(byName);
      if (matches.length === 0) throw new InputError(`${input}: no *.md manuscripts match this pattern`);
      const base = globBase(input);
      for (const match of matches) add(fromBase(path.resolve(cwd, match), base, cwd));
    } else {
      throw new InputError(`${input}: no such file or folder`);
    }
  }
  return [...found.values()];
}

/**
 * Refuse a list in which two manuscripts would write the same output: checked before
 * anything is printed, so no output is overwritten by another document's.
 *
 * @param {readonly Manuscript[]} manuscripts
 *   The batch.
 * @param {string} outDir
 *   The output folder, as shown.
 * @returns {void}
 */
export function refuseCollisions(manuscripts: readonly Manuscript[], outDir: string): void {
  const seen = new Map<string, Manuscript>();
  for (const manuscript of manuscripts) {
    const key = manuscript.name.normalize('NFC');
    const other = seen.get(key);
    if (other) {
      throw new InputError(
        `${other.path} and ${manuscript.path} would both write ${path.join(outDir, manuscript.name)}.pdf; rename one or build them separately`
      );
    }
    seen.set(key, manuscript);
  }
}

/** A match below a folder or glob base keeps its sub-folders in the output name. */
function fromBase(file: string, base: string, cwd: string): Manuscript {
  const relative = path.relative(path.resolve(cwd, base), file);
  const shown = path.isAbsolute(base) ? file : path.relative(cwd, file);
  return {path: shown, name: path.join(path.dirname(relative), stem(path.basename(relative)))};
}

/**
 * The manuscripts below a folder, at any depth: hidden files and folders and
 * `node_modules` left out, links not followed (a link could lead anywhere), in the
 * order of their paths, folder by folder.
 */
async function markdownBelow(dir: string): Promise<string[]> {
  const {glob} = await import('tinyglobby');
  const files = await glob('**/*.md', {cwd: dir, onlyFiles: true, dot: false, followSymbolicLinks: false, ignore: [...skipped].map((name) => `**/${name}/**`)});
  return files
    .map((file) => file.split('/'))
    .sort(bySegments)
    .map((segments) => path.join(dir, ...segments));
}

/** Paths compared a folder at a time, as a listing sorted in each folder reads. */
function bySegments(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = byName(a[index]!, b[index]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** The part of a glob before its first wildcard: `manuscripts/**\/*.md` → `manuscripts`. */
function globBase(pattern: string): string {
  return picomatch.scan(pattern).base || '.';
}

/** A file's name without its extension; never `.` or `..`, which would name a folder above. */
function stem(name: string): string {
  const bare = name.slice(0, name.length - path.extname(name).length) || name;
  return /^\.*$/.test(bare) ? bare.replaceAll('.', '_') || '_' : bare;
}

/** A name for an in-memory manuscript's outputs: `<stdin>` → `stdin`. */
function safeStem(value: string | undefined): string {
  return (value ?? '').replace(/[^\p{L}\p{N}._-]+/gu, '') || 'document';
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', {numeric: true});
}
