import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {run, temporaryFolder} from './helpers.js';

/**
 * A newcomer builds their own file from wherever they are: images beside it, or
 * elsewhere in its project, are found; an image outside is refused with a message that
 * names the project folder and the flag that changes it.
 */
let base: string;
let remove: () => Promise<void>;

const svg = (label: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text y="15">${label}</text></svg>`;
const note = (...images: string[]): string =>
  ['---', 'title: Weekly note', '---', '', 'A short note about the week.', '', ...images.flatMap((src, index) => [`![Figure ${index + 1}](${src})`, ''])].join('\n');

beforeEach(async () => {
  ({dir: base, remove} = await temporaryFolder('project-root'));
  await mkdir(path.join(base, 'home', 'notes'), {recursive: true});
  await mkdir(path.join(base, 'home', 'shared'), {recursive: true});
  await mkdir(path.join(base, 'elsewhere'), {recursive: true});
  await writeFile(path.join(base, 'home', 'notes', 'chart.svg'), svg('beside'));
  await writeFile(path.join(base, 'home', 'shared', 'logo.svg'), svg('shared'));
});

afterEach(async () => {
  await remove();
});

/** The text labels of the SVGs a page carries inlined. */
async function inlined(htmlFile: string): Promise<string[]> {
  const html = await readFile(htmlFile, 'utf8');
  return [...html.matchAll(/src="data:image\/svg\+xml;base64,([^"]+)"/g)].map((match) => /<text[^>]*>([^<]*)</.exec(Buffer.from(match[1] ?? '', 'base64').toString())?.[1] ?? '');
}

describe('briefing build from another folder', () => {
  it('reads an image beside the manuscript when run from elsewhere', async () => {
    await writeFile(path.join(base, 'home', 'notes', 'week.md'), note('chart.svg'));
    const result = await run(['build', '../home/notes/week.md', '--format', 'html', '--out-dir', 'out'], {cwd: path.join(base, 'elsewhere')});
    expect(result.stderr).not.toMatch(/error|warning/);
    expect(result.code).toBe(0);
    expect(await inlined(path.join(base, 'elsewhere', 'out', 'week.html'))).toEqual(['beside']);
  });

  it('refuses an image outside the manuscript’s folder, naming that folder and --root; --root or the configuration widens it', async () => {
    await writeFile(path.join(base, 'home', 'notes', 'week.md'), note('chart.svg', '../shared/logo.svg'));
    const cwd = path.join(base, 'elsewhere');
    const refused = await run(['build', '../home/notes/week.md', '--format', 'html'], {cwd});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `../home/notes/week.md:9:1: error Image \`../shared/logo.svg\` is outside the project folder \`${path.join(base, 'home', 'notes')}\`, expected images inside it (choose the folder with \`--root\`) [image-outside]`
    );

    const widened = await run(['build', '../home/notes/week.md', '--format', 'html', '--root', '../home'], {cwd});
    expect(widened.stderr).not.toMatch(/error/);
    expect(widened.code).toBe(0);
    expect(await inlined(path.join(cwd, 'out', 'week.html'))).toEqual(['beside', 'shared']);

    // A configuration's `root` is relative to the configuration file.
    await writeFile(path.join(cwd, 'briefing.config.json'), JSON.stringify({root: '../home', outDir: 'from-config'}));
    const configured = await run(['build', '../home/notes/week.md', '--format', 'html'], {cwd});
    expect(configured.code).toBe(0);
    expect(await inlined(path.join(cwd, 'from-config', 'week.html'))).toEqual(['beside', 'shared']);
  });

  it('takes the nearest folder above with .git, package.json or briefing.config.json as the root, and reads /x paths from it', async () => {
    await mkdir(path.join(base, 'home', '.git'));
    await writeFile(path.join(base, 'home', 'notes', 'week.md'), note('../shared/logo.svg', '/shared/logo.svg', '/notes/chart.svg'));
    const result = await run(['build', path.join(base, 'home', 'notes', 'week.md'), '--format', 'html'], {cwd: path.join(base, 'elsewhere')});
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(await inlined(path.join(base, 'elsewhere', 'out', 'week.html'))).toEqual(['shared', 'shared', 'beside']);
  });

  it('keeps the working directory as the root when the manuscript is inside it', async () => {
    await writeFile(path.join(base, 'home', 'notes', 'week.md'), note('../shared/logo.svg', '/shared/logo.svg'));
    const result = await run(['build', 'notes/week.md', '--format', 'html'], {cwd: path.join(base, 'home')});
    expect(result.code).toBe(0);
    expect(await inlined(path.join(base, 'home', 'out', 'week.html'))).toEqual(['shared', 'shared']);
  });

  it('check takes --root too', async () => {
    await writeFile(path.join(base, 'home', 'notes', 'week.md'), note('../shared/logo.svg'));
    const cwd = path.join(base, 'elsewhere');
    expect((await run(['check', '../home/notes/week.md'], {cwd})).stderr).toContain('[image-outside]');
    const widened = await run(['check', '../home/notes/week.md', '--root', '../home'], {cwd});
    expect(widened.stderr).not.toContain('[image-outside]');
    expect(widened.code).toBe(0);
  });
});
