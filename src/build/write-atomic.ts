import {randomBytes} from 'node:crypto';
import {mkdir, open, readdir, rename, rm} from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a file so that readers only ever see the old content or the whole new content:
 * write a temporary file beside it, flush it to disk, then rename it over the target.
 * A symlink at the target is replaced, not followed. On any failure the temporary file
 * is removed and the target is untouched.
 *
 * @param {string} target
 *   Output path.
 * @param {Uint8Array | string} data
 *   Content.
 * @returns {Promise<void>}
 *   Resolves once the file is in place.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, {recursive: true});
  await removeStale(dir, path.basename(target));
  // The writer's process id is in the name, so a later run can tell an abandoned one.
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
}

/**
 * Remove temporary files for `name` left by a process that no longer runs (killed with
 * SIGKILL between writing and renaming); those of a running process are left alone.
 *
 * @param {string} dir
 *   Output folder.
 * @param {string} name
 *   Output file name.
 * @returns {Promise<void>}
 *   Resolves when they are gone.
 */
async function removeStale(dir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => entry.startsWith(prefix) && entry.endsWith('.tmp'))
      .filter((entry) => !isRunning(Number(entry.slice(prefix.length).split('.')[0])))
      .map((entry) => rm(path.join(dir, entry), {force: true}))
  );
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
