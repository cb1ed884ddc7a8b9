import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {findManuscripts, InputError} from '../../src/manuscripts/manuscripts.js';

let dir: string;
let outside: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-manuscripts-'));
  outside = await mkdtemp(path.join(tmpdir(), 'briefing-outside-'));
  const files = ['desk/a.md', 'desk/a/x.md', 'desk/item10.md', 'desk/item9.md', 'desk/notes.txt', 'desk/sub/b.md', 'desk/.hidden/d.md', 'desk/.draft.md', 'desk/node_modules/pkg/e.md'];
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), {recursive: true});
    await writeFile(path.join(dir, file), '# x\n');
  }
  await writeFile(path.join(outside, 'f.md'), '# f\n');
  await symlink(outside, path.join(dir, 'desk', 'linked'));
});

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
  await rm(outside, {recursive: true, force: true});
});

describe('findManuscripts', () => {
  it('walks a folder in the order of a listing sorted folder by folder (numbers as numbers), names keeping sub-folders', async () => {
    const found = await findManuscripts(['desk'], dir);
    expect(found.map((manuscript) => manuscript.name)).toEqual([path.join('a', 'x'), 'a', 'item9', 'item10', path.join('sub', 'b')]);
    expect(found[1]?.path).toBe(path.join('desk', 'a.md'));
  });

  it('leaves out hidden files and folders, node_modules, and what a link leads to', async () => {
    const names = (await findManuscripts(['desk'], dir)).map((manuscript) => manuscript.name);
    expect(names.some((name) => /hidden|draft|pkg|linked|^f$/.test(name))).toBe(false);
  });

  it('names a glob’s matches from its base, and says when nothing matches', async () => {
    const found = await findManuscripts(['desk/{sub,a}/*.md'], dir);
    expect(found.map((manuscript) => manuscript.name)).toEqual([path.join('a', 'x'), path.join('sub', 'b')]);
    expect((await findManuscripts(['desk/sub/*.md'], dir)).map((manuscript) => manuscript.name)).toEqual(['b']);
    await expect(findManuscripts(['desk/*.markdown'], dir)).rejects.toThrow(InputError);
  });

  it('keeps each manuscript once, in the order given', async () => {
    const found = await findManuscripts(['desk/sub/b.md', 'desk/sub', 'desk/a.md'], dir);
    expect(found.map((manuscript) => manuscript.path)).toEqual([path.join('desk', 'sub', 'b.md'), path.join('desk', 'a.md')]);
  });
});
