import type {VFile} from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /**
     * Absolute real paths of the local files a manuscript's build read (its images), so
     * `--watch` rebuilds when one changes. Only files that passed the inside-the-project
     * check are here: a path a manuscript merely names is never watched.
     */
    dependencies: string[];
  }
}

/**
 * Note a file that the build of `file` reads. Called where the file is read, after the
 * path has been checked, so that `--watch` watches what was used and nothing a
 * manuscript only names (`![x](/usr)` is refused, and no folder is ever watched for it).
 *
 * @param {VFile} file
 *   The manuscript.
 * @param {string} real
 *   The file read: absolute, after symlinks.
 * @returns {void}
 */
export function recordDependency(file: VFile, real: string): void {
  const list = (file.data.dependencies ??= []);
  if (!list.includes(real)) list.push(real);
}
