import {lstat, mkdir} from 'node:fs/promises';
import path from 'node:path';

/** A folder on the way to an output is a symbolic link (or not a folder): nothing is written through it. */
export class LinkedFolderError extends Error {
  override name = 'LinkedFolderError';
  /** The folder, absolute. */
  readonly folder: string;
  /** What is wrong with it: `is a symbolic link`. */
  readonly problem: string;

  /**
   * @param {string} folder
   *   The offending folder.
   * @param {string} problem
   *   What it is instead of a plain folder inside the output folder.
   */
  constructor(folder: string, problem: string) {
    super(`${folder} ${problem}; outputs are never written through it`);
    this.folder = folder;
    this.problem = problem;
  }
}

export interface FolderInsideOptions {
  /**
   * The output folder itself may be a symbolic link: the person running the command
   * named it (a flag or the configuration). The folders below it never may.
   */
  readonly followRoot?: boolean | undefined;
}

/**
 * Make sure `dir` is a real folder inside `root`: create what is missing one level at
 * a time, and refuse a symbolic link anywhere from `root` down, so a link planted in
 * the output folder (`out/sub -> ../elsewhere`) cannot send outputs outside it.
 * `mkdir -p` would follow such a link and create folders at its target.
 *
 * @param {string} root
 *   The output folder, absolute.
 * @param {string} dir
 *   A folder at or below it, absolute.
 * @param {FolderInsideOptions} options
 *   Whether the output folder itself may be a link.
 * @returns {Promise<void>}
 *   Resolves once every folder exists; rejects with a `LinkedFolderError`.
 */
export async function makeFolderInside(root: string, dir: string, options: FolderInsideOptions = {}): Promise<void> {
  const relative = path.relative(root, dir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new LinkedFolderError(dir, 'is outside the output folder');
  if (options.followRoot) await mkdir(root, {recursive: true});
  const steps = relative === '' ? [] : relative.split(path.sep);
  let folder = root;
  for (const step of [undefined, ...steps]) {
    folder = step === undefined ? root : path.join(folder, step);
    if (step === undefined && options.followRoot) continue;
    let info = await lstat(folder).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    if (!info) {
      // Created by someone else meanwhile is as good; then it is looked at like any other.
      await mkdir(folder, {recursive: step === undefined}).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
      info = await lstat(folder);
    }
    if (info.isSymbolicLink()) throw new LinkedFolderError(folder, 'is a symbolic link');
    if (!info.isDirectory()) throw new LinkedFolderError(folder, 'is not a folder');
  }
}
