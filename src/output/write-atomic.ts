import {randomBytes} from 'node:crypto';
import {mkdir, open, rename, rm} from 'node:fs/promises';
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
  const temporary = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
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
