import {execFile} from 'node:child_process';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import pixelmatch from 'pixelmatch';
import {PNG} from 'pngjs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';

/**
 * Visual regression: chosen pages are rendered to PNG with poppler's pdftoppm and compared
 * with the approved images in tests/visual/approved/ by pixelmatch. To approve a new look
 * after an intended change, run `npm run test:approve`, look at the new PNGs, commit them.
 */
const approve = process.env['BRIEFING_APPROVE'] === '1';
const approvedDir = path.resolve('tests/visual/approved');
const actualDir = path.resolve('tests/visual/__actual__');
/** Share of pixels allowed to differ: anti-aliasing and font hinting, not layout. */
const tolerance = 0.004;
const resolution = 40;

const cases = [
  {name: 'briefing-a4-screen', keys: {}, pages: [1, 2]},
  {name: 'briefing-letter-print', keys: {paper: 'letter', edition: 'print'}, pages: [2]},
  {name: 'memo-a4-screen', keys: {template: 'memo'}, pages: [1]}
] as const;

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-visual-'));
  const manuscript = await readFile('manuscripts/us-china-leaders-call.md', 'utf8');
  for (const {name, keys} of cases) {
    const extra = Object.entries(keys).map(([key, value]) => `\n${key}: ${value}`).join('');
    await writeFile(path.join(dir, `${name}.md`), manuscript.replace(/^lang: .*$/m, (line) => line + extra));
  }
  const report = await build([dir], {cwd: dir, outDir: path.join(dir, 'out'), formats: ['pdf']});
  expect(report.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function renderPage(name: string, page: number): Promise<PNG> {
  const prefix = path.join(dir, `${name}-${page}`);
  await run('pdftoppm', ['-png', '-r', String(resolution), '-f', String(page), '-l', String(page), '-singlefile', path.join(dir, 'out', `${name}.pdf`), prefix]);
  return PNG.sync.read(await readFile(`${prefix}.png`));
}

describe('pages look as approved', () => {
  for (const {name, pages} of cases) {
    for (const page of pages) {
      it(`${name}, page ${page}`, async () => {
        const actual = await renderPage(name, page);
        const approvedFile = path.join(approvedDir, `${name}-p${page}.png`);
        if (approve) {
          await mkdir(approvedDir, {recursive: true});
          await writeFile(approvedFile, PNG.sync.write(actual));
          return;
        }
        const expected = PNG.sync.read(await readFile(approvedFile).catch(() => {
          throw new Error(`No approved image ${path.relative('.', approvedFile)}: run \`npm run test:approve\`, look at it, and commit it`);
        }));
        expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
        const diff = new PNG({width: actual.width, height: actual.height});
        const differing = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, {threshold: 0.15});
        const share = differing / (actual.width * actual.height);
        if (share > tolerance) {
          await mkdir(actualDir, {recursive: true});
          await writeFile(path.join(actualDir, `${name}-p${page}.png`), PNG.sync.write(actual));
          await writeFile(path.join(actualDir, `${name}-p${page}-diff.png`), PNG.sync.write(diff));
        }
        expect(share, `${differing} pixels differ; see tests/visual/__actual__/`).toBeLessThanOrEqual(tolerance);
      });
    }
  }
});
