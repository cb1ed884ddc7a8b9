import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {run, temporaryFolder} from './helpers.js';

/**
 * Strict mode through the command line: a manuscript that builds as it is (no front matter,
 * a key of another tool) is refused with `--strict` or `"strict": true` in the
 * configuration, and `--no-config` or the flag's absence brings the ordinary rules back.
 */
let folder: {dir: string; remove(): Promise<void>};

beforeAll(async () => {
  folder = await temporaryFolder('strict');
  await writeFile(path.join(folder.dir, 'plain.md'), '# Canal repairs\n\nThe lock gates are replaced in May.\n');
  await writeFile(path.join(folder.dir, 'hugo.md'), '---\ntitle: Canal repairs\nweight: 4\n---\n\nThe lock gates are replaced in May.\n');
  await writeFile(path.join(folder.dir, 'strict.json'), JSON.stringify({strict: true}));
  await writeFile(path.join(folder.dir, 'bad.json'), JSON.stringify({strict: 'yes'}));
});
afterAll(async () => {
  await folder.remove();
});

describe('briefing check --strict', () => {
  it('accepts a manuscript without front matter, and one with a key of another tool, by default', async () => {
    const result = await run(['check', 'plain.md', 'hugo.md', '--no-config'], {cwd: folder.dir});
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^hugo\.md:3:1: warning Front-matter keys that briefing does not use were ignored: `weight`/m);
    expect(result.stderr).not.toMatch(/ error /);
  });

  it('refuses both with --strict, at their places', async () => {
    const result = await run(['check', 'plain.md', 'hugo.md', '--no-config', '--strict'], {cwd: folder.dir});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^plain\.md:1:1: error Missing front matter.*\[front-matter-missing\]$/m);
    expect(result.stderr).toMatch(/^hugo\.md:3:1: error Unexpected front-matter key `weight`, expected one of `title`/m);
  });

  it('refuses both with "strict": true in the configuration, and names a bad value of the setting', async () => {
    const strict = await run(['check', 'plain.md', '--config', 'strict.json'], {cwd: folder.dir});
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^plain\.md:1:1: error Missing front matter/m);

    const bad = await run(['check', 'plain.md', '--config', 'bad.json'], {cwd: folder.dir});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.json:1:\d+: error Invalid `strict`: expected true or false/m);
  });
});
