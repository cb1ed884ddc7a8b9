import {copyFile, mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {PDFDocument} from 'pdf-lib';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {usedFonts} from '../helpers/pdf-structure.js';
import {manuscript, root, run, temporaryFolder} from './helpers.js';

let cwd: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({dir: cwd, remove} = await temporaryFolder('cli-build'));
});

afterEach(async () => {
  await remove();
});

async function files(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(cwd, folder), {recursive: true, withFileTypes: true});
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(cwd, folder), path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A manuscript whose front matter has a typo on line 3. */
const bad = ['---', 'title: A bad briefing', 'subtitel: a typo on line 3', '---', '', 'Never printed.', ''].join('\n');

describe('briefing build, one manuscript', () => {
  it('builds the sample from its folder into out/, a PDF and a page, and exits 0', async () => {
    await mkdir(path.join(cwd, 'manuscripts'));
    await copyFile(path.join(root, 'manuscripts', 'us-china-leaders-call.md'), path.join(cwd, 'manuscripts', 'us-china-leaders-call.md'));
    const result = await run(['build', 'manuscripts'], {cwd});
    expect(result.stderr).toContain('✓ manuscripts/us-china-leaders-call.md → out/us-china-leaders-call.pdf, out/us-china-leaders-call.html');
    expect(result.code).toBe(0);
    expect(await files('out')).toEqual(['us-china-leaders-call.html', 'us-china-leaders-call.pdf']);
    const pdf = await readFile(path.join(cwd, 'out', 'us-china-leaders-call.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
    expect(await readFile(path.join(cwd, 'out', 'us-china-leaders-call.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('reports a front-matter error at its place, without a stack trace, builds nothing and exits 1', async () => {
    await writeFile(path.join(cwd, 'bad.md'), bad);
    const result = await run(['build', 'bad.md'], {cwd});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.md:3:1: error Unexpected front-matter key `subtitel`/m);
    expect(result.stderr).toContain('✗ bad.md: not built');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(cwd)).toEqual(['bad.md']);
  });

  it('keeps an earlier good output byte for byte when a later build of it fails', async () => {
    await writeFile(path.join(cwd, 'x.md'), manuscript('Good first'));
    expect((await run(['build', 'x.md'], {cwd})).code).toBe(0);
    const pdf = await readFile(path.join(cwd, 'out', 'x.pdf'));
    const html = await readFile(path.join(cwd, 'out', 'x.html'));

    await writeFile(path.join(cwd, 'x.md'), bad);
    const result = await run(['build', 'x.md'], {cwd});
    expect(result.code).toBe(1);
    expect(Buffer.compare(await readFile(path.join(cwd, 'out', 'x.pdf')), pdf)).toBe(0);
    expect(Buffer.compare(await readFile(path.join(cwd, 'out', 'x.html')), html)).toBe(0);
    expect(await files('out')).toEqual(['x.html', 'x.pdf']);
  });

  it('writes only HTML with --format html, without looking for a browser', async () => {
    await writeFile(path.join(cwd, 'page.md'), manuscript('Only a page'));
    const result = await run(['build', 'page.md', '--format', 'html', '--out-dir', 'site'], {cwd, env: {BRIEFING_CHROME: path.join(cwd, 'no-such-browser')}});
    expect(result.stderr).toContain('✓ page.md → site/page.html');
    expect(result.code).toBe(0);
    expect(await files('site')).toEqual(['page.html']);
  });
});

describe('briefing build, a batch', () => {
  it('builds 21 good manuscripts of a batch with a broken one, mirrors sub-folders, and reports JSON', async () => {
    await mkdir(path.join(cwd, 'series', 'part-two'), {recursive: true});
    const good: string[] = [];
    for (let i = 1; i <= 21; i++) {
      const name = i > 15 ? `part-two/issue-${i}.md` : `issue-${i}.md`;
      await writeFile(path.join(cwd, 'series', name), manuscript(`Issue ${i}`));
      good.push(name);
    }
    await writeFile(path.join(cwd, 'series', 'broken.md'), ['---', 'title: Broken', 'subtitel: a typo on line 3', '---', '', 'Text.', ''].join('\n'));

    const result = await run(['build', 'series', '--concurrency', '2', '--json'], {cwd});

    expect(result.code).toBe(1);
    // Human output on standard error: the positioned message and one line per document.
    expect(result.stderr).toMatch(/^series\/broken\.md:3:1: error Unexpected front-matter key `subtitel`/m);
    expect(result.stderr).toContain('✗ series/broken.md: not built');
    expect(result.stderr).toContain('✓ series/part-two/issue-16.md → out/part-two/issue-16.pdf, out/part-two/issue-16.html');
    expect(result.stderr.match(/^✓ /gm)).toHaveLength(21);
    expect(result.stderr).toMatch(/^21 of 22 built, 1 failed, in \d+\.\d\d s$/m);

    const expected = good.flatMap((name) => [name.replace(/\.md$/, '.html'), name.replace(/\.md$/, '.pdf')]).sort();
    expect(await files('out')).toEqual(expected);

    // Machine-readable results on standard output, nothing else there.
    const json = JSON.parse(result.stdout) as {
      ok: boolean;
      documents: Array<{
        input: string;
        ok: boolean;
        outputs: string[];
        pages: number | null;
        bytes: number | null;
        milliseconds: number;
        messages: Array<{line: number; column: number; severity: string; reason: string; ruleId: string; source: string}>;
      }>;
    };
    expect(json.ok).toBe(false);
    expect(json.documents.map((document) => document.input)).toEqual([
      ...good.filter((name) => !name.includes('/')).map((name) => `series/${name}`),
      'series/broken.md',
      ...good.filter((name) => name.includes('/')).map((name) => `series/${name}`)
    ].sort((a, b) => a.localeCompare(b, 'en', {numeric: true})));
    const broken = json.documents.find((document) => document.input === 'series/broken.md');
    expect(broken).toMatchObject({ok: false, outputs: [], pages: null, bytes: null});
    expect(broken?.messages).toEqual([
      expect.objectContaining({line: 3, column: 1, severity: 'error', ruleId: 'front-matter-schema', source: 'briefing', reason: expect.stringContaining('subtitel')})
    ]);
    const first = json.documents.find((document) => document.input === 'series/issue-1.md');
    expect(first).toMatchObject({ok: true, outputs: ['out/issue-1.pdf', 'out/issue-1.html'], pages: 1, messages: []});
    expect(first?.bytes).toBe((await readFile(path.join(cwd, 'out', 'issue-1.pdf'))).byteLength);
    expect(first?.milliseconds).toBeGreaterThan(0);

    // Later documents print in tabs that already hold the fonts: they embed the same ones.
    const fontsOf = async (name: string): Promise<string[]> => {
      const doc = await PDFDocument.load(await readFile(path.join(cwd, 'out', name)));
      return [...new Set(usedFonts(doc).filter((font) => font.embedded).map((font) => font.name.replace(/^\/[A-Z]{6}\+/, '')))].sort();
    };
    const fonts = await fontsOf('issue-1.pdf');
    expect(fonts.some((font) => font.startsWith('SourceSerif4')), fonts.join()).toBe(true);
    for (const name of ['issue-2.pdf', 'issue-15.pdf', 'part-two/issue-21.pdf']) expect(await fontsOf(name), name).toEqual(fonts);
  });

  it('refuses two manuscripts that would write the same output, before printing anything', async () => {
    await mkdir(path.join(cwd, 'a'));
    await mkdir(path.join(cwd, 'b'));
    await writeFile(path.join(cwd, 'a', 'note.md'), manuscript('A'));
    await writeFile(path.join(cwd, 'b', 'note.md'), manuscript('B'));

    const result = await run(['build', 'a/note.md', 'b/note.md'], {cwd});

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('briefing: a/note.md and b/note.md would both write out/note.pdf');
    expect(await readdir(cwd)).toEqual(['a', 'b']);
  });

  it('takes globs, and builds nothing when a glob matches nothing', async () => {
    await mkdir(path.join(cwd, 'drafts', 'old'), {recursive: true});
    await writeFile(path.join(cwd, 'drafts', 'one.md'), manuscript('One'));
    await writeFile(path.join(cwd, 'drafts', 'old', 'two.md'), manuscript('Two'));
    await writeFile(path.join(cwd, 'drafts', 'notes.txt'), 'not a manuscript');

    const result = await run(['build', 'drafts/**/*.md', '--format', 'html'], {cwd});
    expect(result.stderr).toContain('✓ drafts/old/two.md → out/old/two.html');
    expect(result.code).toBe(0);
    expect(await files('out')).toEqual(['old/two.html', 'one.html']);

    const none = await run(['build', 'drafts/*.markdown'], {cwd});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('drafts/*.markdown: no *.md manuscripts match this pattern');
  });

  it('reads a manuscript from standard input and writes its PDF to standard output', async () => {
    const result = await run(['build', '-', '--stdout'], {cwd, input: manuscript('From a pipe')});

    expect(result.stderr).toContain('✓ <stdin> → standard output (1 page');
    expect(result.code).toBe(0);
    expect(result.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect((await PDFDocument.load(result.bytes)).getTitle()).toBe('From a pipe');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('keeps a code cache for its HTML stage in BRIEFING_CACHE_DIR, and builds the same from it', async () => {
    const env = {BRIEFING_CACHE_DIR: path.join(cwd, 'cache')};
    const first = await run(['build', '-', '--stdout', '--format', 'html'], {cwd, env, input: manuscript('Cached')});
    expect(first.code).toBe(0);
    const cached = await readdir(path.join(cwd, 'cache'));
    expect(cached).toEqual([expect.stringMatching(/^html-stage-worker\.cjs-.*\.v8cache$/)]);
    const second = await run(['build', '-', '--stdout', '--format', 'html'], {cwd, env, input: manuscript('Cached')});
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(await readdir(path.join(cwd, 'cache'))).toEqual(cached);
  });

  it('writes HTML to standard output with --format html, and stdin to out/stdin.html without --stdout', async () => {
    const html = await run(['build', '-', '--stdout', '--format', 'html'], {cwd, input: manuscript('Piped page')});
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/i);
    expect(html.stdout).toContain('Piped page');

    const saved = await run(['build', '-', '--format', 'html'], {cwd, input: manuscript('Saved page')});
    expect(saved.code).toBe(0);
    expect(await files('out')).toEqual(['stdin.html']);
  });

  it.each([
    ['no arguments', []],
    ['an unknown command', ['publish', 'a.md']],
    ['an option before the command', ['--paper', 'a4', 'build', 'a.md']],
    ['build without manuscripts', ['build']],
    ['an unknown flag', ['build', 'a.md', '--colour']],
    ['a flag without its value', ['build', 'a.md', '--paper']],
    ['a bad --paper', ['build', 'a.md', '--paper', 'a5']],
    ['a bad --format', ['build', 'a.md', '--format', 'docx']],
    ['a bad --timeout', ['build', 'a.md', '--timeout', '0']],
    ['a missing manuscript', ['build', 'missing.md']],
    ['--stdout with two manuscripts', ['build', 'a.md', 'b.md', '--stdout']],
    ['--stdout with --json', ['build', 'a.md', '--stdout', '--json']],
    ['--watch with --json', ['build', 'a.md', '--watch', '--json']],
    ['a bad --concurrency', ['build', 'a.md', '--concurrency', '0']],
    ['a bad --edition', ['build', 'a.md', '--edition', 'web']],
    ['stdin twice', ['build', '-', '-']]
  ])('exits 2 with the usage for %s, writing nothing', async (_case, args) => {
    await writeFile(path.join(cwd, 'a.md'), manuscript('A'));
    await writeFile(path.join(cwd, 'b.md'), manuscript('B'));
    const result = await run(args, {cwd});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^briefing: /);
    expect(result.stderr).toContain('Usage: briefing build');
    expect(result.stdout).toBe('');
    expect(await readdir(cwd)).toEqual(['a.md', 'b.md']);
  });
});

describe('briefing --help and --version', () => {
  it.each(['build', 'check', 'new', 'email', 'print'])('prints the help of %s', async (command) => {
    for (const args of [[command, '--help'], ['help', command]]) {
      const result = await run(args, {cwd});
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: briefing ${command}`);
      expect(result.stderr).toBe('');
    }
  });

  it('prints the usage of every command for --help, -h or help alone, on standard output', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await run(args, {cwd});
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: briefing build');
      expect(result.stdout).toContain('briefing check');
      expect(result.stdout).toContain('--format');
      expect(result.stderr).toBe('');
    }
    const unknown = await run(['help', 'publish'], {cwd});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^briefing: Unknown command `publish`/);
  });

  it('prints the version for every command', async () => {
    const {version} = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string};
    for (const args of [['--version'], ['build', '--version'], ['check', '-v']]) {
      expect((await run(args, {cwd})).stdout).toBe(`${version}\n`);
    }
  });
});
