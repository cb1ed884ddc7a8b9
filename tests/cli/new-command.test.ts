import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {parse} from 'yaml';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {matterKeys} from '../../src/manuscripts/matter-schema.js';
import {run, temporaryFolder} from './helpers.js';

let cwd: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({dir: cwd, remove} = await temporaryFolder('cli-new'));
});

afterEach(async () => {
  await remove();
});

describe('briefing new', () => {
  it('writes a manuscript with every front-matter key and each block, which checks and builds cleanly', async () => {
    const created = await run(['new', 'Élan & Trade: What’s Next?'], {cwd});
    expect(created.code).toBe(0);
    expect(created.stdout).toBe('manuscripts/elan-trade-whats-next.md\n');

    const text = await readFile(path.join(cwd, 'manuscripts', 'elan-trade-whats-next.md'), 'utf8');
    const matter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    expect((parse(matter) as {title: string}).title).toBe('Élan & Trade: What’s Next?');
    // Keys a writer rarely sets are shown as comments, so they do not override the project.
    for (const key of matterKeys) expect(matter, key).toMatch(new RegExp(`^(?:# )?${key}:`, 'm'));
    expect(text.match(/^:::summary/gm)).toHaveLength(1);
    expect(text.match(/:pullquote\[/g)).toHaveLength(1);
    expect(text.match(/^:::pullquote/gm)).toHaveLength(1);

    const checked = await run(['check', 'manuscripts'], {cwd});
    expect(checked.stderr).toBe('✓ manuscripts/elan-trade-whats-next.md: no problems\n');
    expect(checked.code).toBe(0);

    const built = await run(['build', 'manuscripts/elan-trade-whats-next.md'], {cwd});
    expect(built.stderr).not.toMatch(/warning|error/);
    expect(built.stderr).toMatch(/^✓ manuscripts\/elan-trade-whats-next\.md → out\/elan-trade-whats-next\.pdf, out\/elan-trade-whats-next\.html \(\d+ pages?/m);
    expect(built.code).toBe(0);
    expect((await readdir(path.join(cwd, 'out'))).sort()).toEqual(['elan-trade-whats-next.html', 'elan-trade-whats-next.pdf']);
  });

  it('does not overwrite a manuscript unless told to, and takes another folder', async () => {
    expect((await run(['new', 'Same title'], {cwd})).code).toBe(0);
    const again = await run(['new', 'Same title'], {cwd});
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('manuscripts/same-title.md already exists');
    expect((await run(['new', 'Same title', '--force'], {cwd})).code).toBe(0);

    const elsewhere = await run(['new', 'Same title', '--dir', 'drafts'], {cwd});
    expect(elsewhere.stdout).toBe('drafts/same-title.md\n');
    expect((await run(['new'], {cwd})).code).toBe(2);
  });
});
