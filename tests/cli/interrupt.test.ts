import {mkdir, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {descendants, manuscript, Session, temporaryFolder, whenGone} from './helpers.js';

let cwd: string;
let remove: () => Promise<void>;
let session: Session | undefined;

beforeEach(async () => {
  ({dir: cwd, remove} = await temporaryFolder('cli-interrupt'));
  await mkdir(path.join(cwd, 'batch'));
  for (let i = 1; i <= 24; i++) await writeFile(path.join(cwd, 'batch', `issue-${i}.md`), manuscript(`Issue ${i}`));
});

afterEach(async () => {
  await session?.kill();
  session = undefined;
  await remove();
});

/** The Chromium main process: the CLI's only child. */
function chromiumOf(pid: number): number {
  const main = descendants(pid).find((process) => process.parent === pid);
  if (!main) throw new Error(`no Chromium below ${pid}`);
  return main.pid;
}

describe('briefing build, stopping and failing browsers', () => {
  it('stops promptly on Ctrl-C and leaves no Chromium process behind', async () => {
    session = new Session(['build', 'batch', '--concurrency', '2'], {cwd});
    await session.waitFor(/^✓ /m);
    const browser = descendants(session.child.pid as number).map((process) => process.pid);
    expect(browser.length).toBeGreaterThan(0);

    session.child.kill('SIGINT');
    expect(await session.exited).toBe(130);
    expect(session.stderr).toContain('briefing: SIGINT, stopping');
    expect(session.stderr).not.toMatch(/\n\s+at /);
    expect(await whenGone(browser)).toEqual([]);
    // Nothing half-written is left: outputs are whole or absent.
    const written = await readdir(path.join(cwd, 'out'));
    expect(written.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(written.length).toBeLessThan(48);
  });

  it('replaces a browser killed mid-batch, and finishes the batch', async () => {
    session = new Session(['build', 'batch', '--concurrency', '2'], {cwd});
    await session.waitFor(/^✓ /m);
    const first = chromiumOf(session.child.pid as number);
    process.kill(first, 'SIGKILL');

    expect(await session.exited).toBe(0);
    expect(session.stderr.match(/^✓ /gm)).toHaveLength(24);
    expect((await readdir(path.join(cwd, 'out'))).filter((name) => name.endsWith('.pdf'))).toHaveLength(24);
    expect(await whenGone([first])).toEqual([]);
  });
});
