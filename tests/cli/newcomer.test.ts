import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {run, temporaryFolder} from './helpers.js';

/** A new user's own file, without front matter, built from another folder. */
let base: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({dir: base, remove} = await temporaryFolder('newcomer'));
  await mkdir(path.join(base, 'notes'));
  await mkdir(path.join(base, 'somewhere'));
  await writeFile(
    path.join(base, 'notes', 'first.md'),
    ['# My first note', '', 'A few words, and [a way on](#later) and [a lost way](#nowhere-at-all).', '', '## Later', '', 'More words.', ''].join('\n')
  );
});

afterEach(async () => {
  await remove();
});

describe('a newcomer’s first build', () => {
  it('builds an own file from another folder, with a warning (not an error) for a #link that leads nowhere', async () => {
    const result = await run(['build', '../notes/first.md', '--format', 'html', '--out-dir', 'out'], {cwd: path.join(base, 'somewhere')});
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^\.\.\/notes\/first\.md:3:\d+: warning Broken link `#nowhere-at-all`: nothing in the briefing has this id, .*\[link-internal\]$/m);
    expect(result.stderr.match(/\[link-internal\]/g)).toHaveLength(1);
    expect(await readFile(path.join(base, 'somewhere', 'out', 'first.html'), 'utf8')).toContain('My first note');
  });

  it('check calls the same link an error, and has nothing else to say about an ordinary document', async () => {
    const result = await run(['check', '../notes/first.md', '--json'], {cwd: path.join(base, 'somewhere')});
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as {documents: Array<{messages: Array<{ruleId: string; severity: string}>}>};
    expect(json.documents[0]?.messages.map((message) => `${message.severity} ${message.ruleId}`)).toEqual(['error link-internal']);
  });
});
