import {appendFile, cp, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {descendants, manuscript, root, Session, temporaryFolder, whenGone} from './helpers.js';

/** Two 1×1 PNGs of different colours. */
const red = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const blue = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');

let cwd: string;
let remove: () => Promise<void>;
let session: Session | undefined;

beforeEach(async () => {
  ({dir: cwd, remove} = await temporaryFolder('cli-watch'));
});

afterEach(async () => {
  await session?.kill();
  session = undefined;
  await remove();
});

describe('briefing build --watch', () => {
  it('rebuilds when the manuscript or an image it uses changes, on the same browser, and stops on Ctrl-C', async () => {
    await writeFile(path.join(cwd, 'dot.png'), red);
    await writeFile(path.join(cwd, 'note.md'), `${manuscript('First title')}\n![A dot](dot.png)\n`);
    session = new Session(['build', 'note.md', '--watch'], {cwd});

    await session.waitFor(/^Watching 1 manuscript /m);
    expect(session.stderr).toMatch(/^✓ note\.md → out\/note\.pdf, out\/note\.html \(1 page/m);
    const browsers = descendants(session.child.pid as number);
    expect(browsers.length).toBeGreaterThan(0);

    await writeFile(path.join(cwd, 'note.md'), `${manuscript('Second title')}\n![A dot](dot.png)\n`);
    await session.waitFor(/^↻ \S+ rebuilt note\.md in \d+\.\d\d s → out\/note\.pdf, out\/note\.html \(1 page/m);
    expect(await readFile(path.join(cwd, 'out', 'note.html'), 'utf8')).toContain('Second title');

    await writeFile(path.join(cwd, 'dot.png'), blue);
    await session.waitFor(/rebuilt note\.md/, 2);
    expect(await readFile(path.join(cwd, 'out', 'note.html'), 'utf8')).toContain(blue.toString('base64'));

    // The warm browser served every rebuild: the same Chromium processes are still there.
    const now = descendants(session.child.pid as number).map((process) => process.pid);
    expect(now).toContain(browsers[0]?.pid);

    session.child.kill('SIGINT');
    expect(await session.exited).toBe(0);
    expect(await whenGone(now)).toEqual([]);
  });

  it('rebuilds when its template changes; keeps the last good output when a save breaks the manuscript', async () => {
    await cp(path.join(root, 'templates', 'briefing'), path.join(cwd, 'tpl'), {recursive: true});
    await writeFile(path.join(cwd, 'note.md'), manuscript('Good'));
    session = new Session(['build', 'note.md', '--watch', '--format', 'html', '--template', './tpl'], {cwd});
    await session.waitFor(/^Watching 1 manuscript /m);

    await appendFile(path.join(cwd, 'tpl', 'style.css'), '\n.watch-marker { color: teal; }\n');
    await session.waitFor(/rebuilt note\.md/);
    expect(await readFile(path.join(cwd, 'out', 'note.html'), 'utf8')).toContain('.watch-marker');

    await writeFile(path.join(cwd, 'note.md'), manuscript('Broken', ['subtitel: red']));
    await session.waitFor(/^✗ \S+ note\.md: not rebuilt/m);
    expect(session.stderr).toMatch(/^note\.md:4:1: error Unexpected front-matter key `subtitel`/m);
    expect(await readFile(path.join(cwd, 'out', 'note.html'), 'utf8')).toContain('Good');

    await writeFile(path.join(cwd, 'note.md'), manuscript('Fixed'));
    await session.waitFor(/rebuilt note\.md/, 2);
    expect(await readFile(path.join(cwd, 'out', 'note.html'), 'utf8')).toContain('Fixed');

    session.child.kill('SIGINT');
    expect(await session.exited).toBe(0);
  });
});
