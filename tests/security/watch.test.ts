import {watch as fsWatch, type FSWatcher} from 'node:fs';
import {mkdir, realpath, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/index.js';
import {templateDir} from '../../src/html/template/template-dir.js';
import {filesToWatch} from '../../src/build/watch.js';
import {startCli, type CliRun} from './helpers/cli.js';
import {png} from './helpers/images.js';
import {messagesOf, show} from './helpers/messages.js';
import {inotifyWatches} from './helpers/processes.js';
import {manuscript, sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * `--watch` watches only what was read: the manuscript, the images that passed the
 * inside-the-project check, and the template. A manuscript naming `/usr`, a folder above
 * the project, a folder inside it, a missing file or a link to a secret outside makes
 * none of them watched (once, `![x](/usr)` put 79,000 watches on the machine).
 */
let box: Sandbox;
let run: CliRun | undefined;

const references = [
  '![Root](/usr)',
  '![System](/etc/passwd)',
  '![Above](../..)',
  '![Parent](..)',
  '![Folder](pictures)',
  '![Missing](missing.png)',
  '![Secret](secret.png)',
  '![Dot](dot.png)',
  '![Again](alias.png)'
].join('\n\n');

beforeAll(async () => {
  box = await sandbox('watch');
  await mkdir(path.join(box.project, 'pictures'));
  await writeFile(path.join(box.project, 'pictures', 'inside.png'), png());
  await writeFile(path.join(box.project, 'dot.png'), png());
  await symlink(path.join(box.project, 'dot.png'), path.join(box.project, 'alias.png'));
  await writeFile(path.join(box.outside, 'secret.png'), png(box.token));
  await symlink(path.join(box.outside, 'secret.png'), path.join(box.project, 'secret.png'));
  await writeFile(path.join(box.project, 'note.md'), manuscript('Watched', references));
});

afterEach(() => {
  if (run?.child.exitCode === null) run.child.kill('SIGKILL');
  run = undefined;
});

afterAll(async () => {
  await box.dispose();
});

describe('--watch watches only what was read', () => {
  it('asks to watch the manuscript, the one image read, and the template', async () => {
    const report = await build(['note.md'], {cwd: box.project, write: false, formats: ['html']});
    const [document] = report.documents;
    if (!document) throw new Error('no document');
    const rules = messagesOf(document.file).map((message) => message.rule);
    // Every hostile reference was refused on its own terms: the watch list is not empty by accident.
    expect(rules, show(messagesOf(document.file))).toEqual(expect.arrayContaining(['image-missing', 'image-outside']));

    const watched = filesToWatch({path: 'note.md', name: 'note'}, document, {cwd: box.project, template: 'briefing'});
    expect(watched.files).toEqual([path.join(box.project, 'note.md'), await realpath(path.join(box.project, 'dot.png')), templateDir('briefing')]);
  });

  it('the detector counts inotify watches', async () => {
    const before = inotifyWatches(process.pid);
    const watchers: FSWatcher[] = [box.project, box.outside, path.join(box.project, 'pictures')].map((dir) => fsWatch(dir));
    try {
      expect(inotifyWatches(process.pid) - before).toBe(3);
    } finally {
      for (const watcher of watchers) watcher.close();
    }
  });

  it('the CLI puts a handful of watches on the machine, still rebuilds on a change, and stops on Ctrl-C', async () => {
    run = startCli(['build', 'note.md', '--watch', '--format', 'html'], {cwd: box.project});
    let stderr = '';
    run.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const until = async (pattern: RegExp): Promise<void> => {
      for (let waited = 0; !pattern.test(stderr); waited += 100) {
        if (waited > 45_000 || run?.child.exitCode !== null) throw new Error(`no ${pattern}; stderr:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await until(/^Watching 1 manuscript \(3 files and folders\)/m);
    const pid = run.child.pid as number;
    // The manuscript, the image, the template folder and its few files; `/usr` alone was tens of thousands.
    const watches = inotifyWatches(pid);
    expect(watches).toBeGreaterThan(0);
    expect(watches).toBeLessThan(40);

    await writeFile(path.join(box.project, 'dot.png'), png('changed'));
    // The manuscript has errors, so the rebuild fails; that it ran is what counts.
    await until(/note\.md: not rebuilt/);

    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
  }, 90_000);
});
