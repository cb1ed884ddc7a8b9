import {cp, mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {resolveSettings} from '../../src/config/config.js';
import type {DocumentResult} from '../../src/build/build.js';
import {watch} from '../../src/build/watch.js';
import {InputError} from '../../src/manuscripts/manuscripts.js';
import {manuscript, root, temporaryFolder} from '../cli/helpers.js';

// The library's `watch`, in this process (tests/cli/watch.test.ts runs it through the
// command, with a browser). HTML only: what is watched and rebuilt is the same.
let cwd: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({dir: cwd, remove} = await temporaryFolder('watch'));
});

afterEach(async () => {
  await remove();
});

/** Start watching; events are collected, and `until` waits for one that matches. */
function start(inputs: string[], template?: string) {
  const controller = new AbortController();
  const rebuilt: DocumentResult[] = [];
  const built: DocumentResult[] = [];
  const waiting: Array<() => void> = [];
  let watching: [number, number] | undefined;
  const wake = (): void => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  const done = watch(inputs, {
    cwd,
    signal: controller.signal,
    settings: resolveSettings({flags: {formats: ['html'], outDir: 'out', template}}),
    onDocument: (result) => {
      built.push(result);
      wake();
    },
    onWatching: (manuscripts, files) => {
      watching = [manuscripts, files];
      wake();
    },
    onRebuild: (result) => {
      rebuilt.push(result);
      wake();
    }
  });
  const until = async (ready: () => boolean): Promise<void> => {
    while (!ready()) await new Promise<void>((resolve) => waiting.push(resolve));
  };
  return {controller, rebuilt, built, done, until, watching: () => watching};
}

const html = (name: string): Promise<string> => readFile(path.join(cwd, 'out', `${name}.html`), 'utf8');

describe('watch', () => {
  it('builds, rebuilds a manuscript that changes, builds one added to a watched folder, and stops on abort', async () => {
    await mkdir(path.join(cwd, 'desk'));
    await writeFile(path.join(cwd, 'desk', 'one.md'), manuscript('First title'));
    const run = start(['desk']);
    await run.until(() => run.watching() !== undefined);
    // One manuscript; its file, its template's folder and the watched folder.
    expect(run.watching()).toEqual([1, 3]);
    expect(run.built.map((result) => result.ok)).toEqual([true]);
    expect(await html('one')).toContain('First title');

    await writeFile(path.join(cwd, 'desk', 'one.md'), manuscript('Second title'));
    await run.until(() => run.rebuilt.length === 1);
    expect(run.rebuilt[0]?.outputs).toEqual([path.join('out', 'one.html')]);
    expect(await html('one')).toContain('Second title');

    await writeFile(path.join(cwd, 'desk', 'two.md'), manuscript('Newcomer'));
    await run.until(() => run.rebuilt.some((result) => result.input.endsWith('two.md')));
    expect(await html('two')).toContain('Newcomer');

    run.controller.abort();
    await expect(run.done).resolves.toBeUndefined();
  });

  it('keeps watching after a rebuild fails, and reads its template again when the template changes', async () => {
    const template = path.join(cwd, 'house');
    await cp(path.join(root, 'templates', 'briefing'), template, {recursive: true});
    await writeFile(path.join(cwd, 'note.md'), manuscript('Note'));
    const run = start(['note.md'], template);
    await run.until(() => run.watching() !== undefined);

    await writeFile(path.join(cwd, 'note.md'), '---\ntitle: [unclosed\n---\n');
    await run.until(() => run.rebuilt.length === 1);
    expect(run.rebuilt[0]?.ok).toBe(false);
    // The last good output stays.
    expect(await html('note')).toContain('Note');

    // Written as soon as the failed rebuild is reported, inside the 50 ms in which chokidar
    // reports no further change of the file: found by the watcher's own second look.
    await writeFile(path.join(cwd, 'note.md'), manuscript('Note'));
    await run.until(() => run.rebuilt.length === 2);
    const css = path.join(template, 'style.css');
    await writeFile(css, `${await readFile(css, 'utf8')}\n.house-rule { color: teal; }\n`);
    await run.until(() => run.rebuilt.length === 3);
    expect(run.rebuilt[2]?.ok).toBe(true);
    expect(await html('note')).toContain('.house-rule');

    run.controller.abort();
    await run.done;
  });

  it('does not rebuild for a write of the bytes the last rebuild read (the second half of an editor\'s save)', async () => {
    await writeFile(path.join(cwd, 'memo.md'), manuscript('Memo'));
    const run = start(['memo.md']);
    await run.until(() => run.watching() !== undefined);

    await writeFile(path.join(cwd, 'memo.md'), manuscript('Memo, revised'));
    await run.until(() => run.rebuilt.length === 1);
    // The same bytes again, well after the settle time: a change event, no new text.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await writeFile(path.join(cwd, 'memo.md'), manuscript('Memo, revised'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await writeFile(path.join(cwd, 'memo.md'), manuscript('Memo, final'));
    await run.until(() => run.rebuilt.length >= 2);
    // Time for a rebuild the same-bytes write would have queued to show up.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(run.rebuilt.map((result) => result.ok)).toEqual([true, true]);
    expect(await html('memo')).toContain('Memo, final');

    run.controller.abort();
    await run.done;
  });

  it('refuses inputs that would write the same output before building anything', async () => {
    await mkdir(path.join(cwd, 'a'));
    await writeFile(path.join(cwd, 'a', 'same.md'), manuscript('A'));
    await writeFile(path.join(cwd, 'same.md'), manuscript('B'));
    const run = start(['a/same.md', 'same.md']);
    await expect(run.done).rejects.toBeInstanceOf(InputError);
    await expect(run.done).rejects.toThrow(/would both write out\/same\.pdf/);
    expect(run.built).toEqual([]);
  });
});
