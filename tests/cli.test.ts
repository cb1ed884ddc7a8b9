import {spawn} from 'node:child_process';
import {copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';

/** The compiled CLI, run as a user runs it (`npm test` compiles `dist/` first). */
const root = fileURLToPath(new URL('../', import.meta.url));
const cli = path.join(root, 'dist', 'cli.js');
const sample = path.join(root, 'manuscripts', 'us-china-leaders-call.md');

const good = ['---', 'title: A good briefing', 'authors: [Ada Lovelace]', '---', '', 'Short and correct.', ''].join('\n');
const bad = ['---', 'title: A bad briefing', 'subtitel: a typo on line 3', '---', '', 'Never printed.', ''].join('\n');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let cwd: string;

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({code, stdout, stderr}));
  });
}

async function list(folder: string): Promise<string[]> {
  return (await readdir(path.join(cwd, folder))).sort();
}

beforeEach(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'briefing-cli-'));
  await mkdir(path.join(cwd, 'manuscripts'));
  await copyFile(sample, path.join(cwd, 'manuscripts', 'us-china-leaders-call.md'));
});

afterEach(async () => {
  await rm(cwd, {recursive: true, force: true});
});

describe('briefing build', () => {
  it('builds the sample into out/ and exits 0', async () => {
    const result = await run(['build', 'manuscripts']);
    expect(result.stderr).toContain('✓ manuscripts/us-china-leaders-call.md');
    expect(result.code).toBe(0);
    expect(await list('out')).toEqual(['us-china-leaders-call.html', 'us-china-leaders-call.pdf']);
    const pdf = await readFile(path.join(cwd, 'out', 'us-china-leaders-call.pdf'), 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(await readFile(path.join(cwd, 'out', 'us-china-leaders-call.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('reports a front-matter error at its place, builds nothing and exits 1', async () => {
    await writeFile(path.join(cwd, 'bad.md'), bad);
    const result = await run(['build', 'bad.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.md:3:1: error Unexpected front-matter key `subtitel`/m);
    expect(result.stderr).toContain('✗ bad.md: not built');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(cwd)).not.toContain('out');
  });

  it('builds the good manuscripts of a batch with a bad one, and exits 1', async () => {
    await writeFile(path.join(cwd, 'good.md'), good);
    await writeFile(path.join(cwd, 'bad.md'), bad);
    const result = await run(['build', 'bad.md', 'good.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.md:3:1: error /m);
    expect(result.stderr).toContain('✓ good.md');
    expect(await list('out')).toEqual(['good.html', 'good.pdf']);
  });

  it('keeps an earlier good output byte-identical when a later build of it fails', async () => {
    const manuscript = path.join(cwd, 'x.md');
    await writeFile(manuscript, good);
    expect((await run(['build', 'x.md'])).code).toBe(0);
    const pdf = await readFile(path.join(cwd, 'out', 'x.pdf'));
    const html = await readFile(path.join(cwd, 'out', 'x.html'));

    await writeFile(manuscript, bad);
    const result = await run(['build', 'x.md']);
    expect(result.code).toBe(1);
    expect(Buffer.compare(await readFile(path.join(cwd, 'out', 'x.pdf')), pdf)).toBe(0);
    expect(Buffer.compare(await readFile(path.join(cwd, 'out', 'x.html')), html)).toBe(0);
    expect(await list('out')).toEqual(['x.html', 'x.pdf']);
  });

  it('writes only HTML with --format html, without looking for a browser', async () => {
    const result = await run(['build', 'manuscripts', '--format', 'html', '--out-dir', 'site'], {
      BRIEFING_CHROME: path.join(cwd, 'no-such-browser')
    });
    expect(result.stderr).toContain('✓ manuscripts/us-china-leaders-call.md → site/us-china-leaders-call.html');
    expect(result.code).toBe(0);
    expect(await list('site')).toEqual(['us-china-leaders-call.html']);
  });

  it.each([
    ['no arguments', []],
    ['an unknown command', ['publish', 'manuscripts']],
    ['build without manuscripts', ['build']],
    ['an unknown flag', ['build', 'manuscripts', '--colour']],
    ['a bad --paper', ['build', 'manuscripts', '--paper', 'a5']],
    ['a bad --format', ['build', 'manuscripts', '--format', 'docx']],
    ['a missing manuscript', ['build', 'missing.md']]
  ])('exits 2 with the usage for %s', async (_case, args) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^briefing: /);
    expect(result.stderr).toContain('Usage: briefing build');
    expect(result.stdout).toBe('');
    expect(await readdir(cwd)).toEqual(['manuscripts']);
  });
});

describe('briefing --version and --help', () => {
  it('prints the version from package.json', async () => {
    const {version} = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string};
    const result = await run(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('prints the usage and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: briefing build');
    expect(result.stdout).toContain('--format');
    expect(result.stderr).toBe('');
  });
});
