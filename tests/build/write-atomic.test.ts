import {lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {writeFileAtomic} from '../../src/build/write-atomic.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-write-atomic-'));
});

afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function leftovers(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
}

describe('writeFileAtomic', () => {
  it('writes bytes and text, creating missing folders', async () => {
    const target = path.join(dir, 'nested', 'out', 'x.pdf');
    await writeFileAtomic(target, new Uint8Array([37, 80, 68, 70]));
    expect(await readFile(target, 'latin1')).toBe('%PDF');

    await writeFileAtomic(target, 'über');
    expect(await readFile(target, 'utf8')).toBe('über');
    expect(await leftovers(path.dirname(target))).toEqual([]);
  });

  it('replaces a symlink at the target instead of writing through it', async () => {
    const victim = path.join(dir, 'victim.txt');
    const target = path.join(dir, 'x.html');
    await writeFile(victim, 'keep me');
    await symlink(victim, target);

    await writeFileAtomic(target, 'new content');

    expect((await lstat(target)).isSymbolicLink()).toBe(false);
    expect(await readFile(target, 'utf8')).toBe('new content');
    expect(await readFile(victim, 'utf8')).toBe('keep me');
  });

  it('leaves the old file byte-identical and no temporary file when writing fails', async () => {
    const target = path.join(dir, 'x.pdf');
    const old = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
    await writeFile(target, old);

    // Not writable data: the write into the temporary file throws.
    await expect(writeFileAtomic(target, 42 as unknown as string)).rejects.toThrow();

    expect(Buffer.compare(await readFile(target), old)).toBe(0);
    expect(await readdir(dir)).toEqual(['x.pdf']);
  });

  it('leaves the target alone and no temporary file when the rename fails', async () => {
    // A folder where the file should go: the final rename fails (EISDIR), late, after
    // the temporary file was written in full.
    const target = path.join(dir, 'x.pdf');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'untouched');

    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();

    expect((await lstat(target)).isDirectory()).toBe(true);
    expect(await readdir(target)).toEqual(['inside.txt']);
    expect(await readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('untouched');
    expect(await leftovers(dir)).toEqual([]);
  });
});
