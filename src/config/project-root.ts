import {existsSync} from 'node:fs';
import path from 'node:path';

/** Files that mark a project's root folder. */
export const projectMarkers = ['briefing.config.json', 'package.json', '.git'] as const;

/** Where a manuscript is, and what the person who runs the command chose. */
export interface ProjectRootOptions {
  /** The manuscript's path (absolute, or relative to `cwd`); none for standard input. */
  readonly manuscript?: string | undefined;
  /** The working directory of the run. */
  readonly cwd: string;
  /** A root chosen with `--root` or the configuration's `root` (relative to `cwd`). */
  readonly root?: string | undefined;
}

/**
 * The project folder a manuscript may read images from. A root chosen by the person
 * who runs the command wins. Otherwise it is the working directory when the
 * manuscript lies inside it; else the nearest folder at or above the manuscript that
 * holds a `briefing.config.json`, a `package.json` or a `.git`; else the manuscript's
 * own folder. So `briefing build ~/notes/week.md` run from anywhere reads the images
 * beside `week.md`, and no further than its project. The manuscript itself never
 * chooses: it is data.
 *
 * @param {ProjectRootOptions} options
 *   Manuscript, working directory and chosen root.
 * @returns {string}
 *   Absolute path of the root (symlinks not resolved).
 */
export function projectRoot(options: ProjectRootOptions): string {
  const cwd = path.resolve(options.cwd);
  if (options.root !== undefined) return path.resolve(cwd, options.root);
  if (options.manuscript === undefined) return cwd;
  const folder = path.dirname(path.resolve(cwd, options.manuscript));
  if (isInside(folder, cwd)) return cwd;
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (projectMarkers.some((marker) => existsSync(path.join(dir, marker)))) return dir;
    if (path.dirname(dir) === dir) return folder;
  }
}

/**
 * Whether `child` is `parent` or lies below it (paths compared as written).
 *
 * @param {string} child
 *   Absolute path.
 * @param {string} parent
 *   Absolute folder.
 * @returns {boolean}
 *   Whether it is inside.
 */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
