import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {checkPdf, findingLines} from '../../src/check/pdf/check-pdf.js';

/**
 * Headings in Persian, Chinese and Arabic, linked from a list at the top: Chrome names
 * each link's destination after the heading's percent-encoded id, 250 to 310 bytes, and
 * briefing gives those names of at most 127 bytes (ISO 32000-1 Annex C, PDF/A-2 6.1.13).
 * Read back with pdf.js, poppler and qpdf: every link still lands on its heading.
 */
const run = promisify(execFile);

const filler = 'این بند را برای آزمودن پیوندهای درونی نوشته‌ام و چند سطر را پر می‌کند تا سرفصل بعدی به جای دیگری از صفحه یا به صفحه‌ای دیگر برود. ';
const body = `${filler.repeat(3)}\n\n`.repeat(8);
const headings = [
  'چگونه در پروژه های متن باز مشارکت کنیم و از کجا شروع کنیم',
  '如何为开源项目做出贡献以及从哪里开始着手准备第一个补丁',
  'كيف نساهم في المشاريع مفتوحة المصدر ومن أين نبدأ العمل',
  'Short heading'
];
const ordinals = ['نخستین', 'دومین', 'سومین', 'چهارمین'];
const ids = headings.map((heading) => heading.toLowerCase().replace(/ /g, '-'));
const manuscript = `---
title: پیوندهای درونی به سرفصل‌های بلند
lang: fa
---

${ids.map((id, index) => `- [${ordinals[index]}](#${id})`).join('\n')}

${headings.map((heading) => `## ${heading}\n\n${body}`).join('')}`;

let dir: string;
const pdfs: Record<'one' | 'two' | 'lib', Uint8Array> = {one: new Uint8Array(), two: new Uint8Array(), lib: new Uint8Array()};
let savedEpoch: string | undefined;

beforeAll(async () => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH'];
  process.env['SOURCE_DATE_EPOCH'] = '1700000000';
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-destinations-'));
  await writeFile(path.join(dir, 'links.md'), manuscript);
  for (const copy of ['one', 'two', 'lib'] as const) {
    if (copy === 'lib') process.env['BRIEFING_PDF_REWRITE'] = 'pdf-lib';
    try {
      const report = await build(['links.md'], {cwd: dir, outDir: path.join(dir, copy)});
      expect(report.ok).toBe(true);
    } finally {
      delete process.env['BRIEFING_PDF_REWRITE'];
    }
    pdfs[copy] = new Uint8Array(await readFile(path.join(dir, copy, 'links.pdf')));
  }
}, 120_000);

afterAll(async () => {
  if (savedEpoch === undefined) delete process.env['SOURCE_DATE_EPOCH'];
  else process.env['SOURCE_DATE_EPOCH'] = savedEpoch;
  await rm(dir, {recursive: true, force: true});
});

/** Where a destination lands: its page (from 1) and the top of the view. */
interface Landing {
  readonly page: number;
  readonly top: number;
}

/** Each link on page 1 with its named destination, and each heading's outline entry, resolved by pdf.js. */
async function destinations(pdf: Uint8Array): Promise<{names: string[]; links: Landing[]; outline: Landing[]; titles: string[]; descriptions: string[]}> {
  const document = await getDocument({data: new Uint8Array(pdf), verbosity: 0}).promise;
  try {
    const land = async (dest: unknown): Promise<Landing> => {
      const explicit = (typeof dest === 'string' ? await document.getDestination(dest) : dest) as [{num: number; gen: number}, unknown, number, number];
      return {page: (await document.getPageIndex(explicit[0])) + 1, top: explicit[3]};
    };
    const names: string[] = [];
    const links: Landing[] = [];
    const descriptions: string[] = [];
    for (const annotation of (await (await document.getPage(1)).getAnnotations()) as Array<{dest?: unknown; contentsObj?: {str: string}}>) {
      descriptions.push(annotation.contentsObj?.str ?? '');
      // A link set in two runs (right to left, then left to right) has two annotations.
      if (typeof annotation.dest !== 'string' || names.includes(annotation.dest)) continue;
      names.push(annotation.dest);
      links.push(await land(annotation.dest));
    }
    const outline: Landing[] = [];
    const titles: string[] = [];
    type Item = {dest: unknown; title: string; items: unknown[]};
    const walk = async (items: Item[] | null): Promise<void> => {
      for (const item of items ?? []) {
        outline.push(await land(item.dest));
        titles.push(item.title);
        await walk(item.items as Item[]);
      }
    };
    await walk((await document.getOutline()) as Item[] | null);
    return {names, links, outline, titles, descriptions};
  } finally {
    await document.destroy();
  }
}

describe('destination names of non-Latin headings', () => {
  it.each(['one', 'lib'] as const)('are at most 127 bytes, and every link lands on its heading (%s)', async (copy) => {
    const {names, links, outline} = await destinations(pdfs[copy]);
    expect(names).toHaveLength(headings.length);
    // pdf.js decodes the name's bytes; each is one character.
    for (const name of names) expect(name.length).toBeLessThanOrEqual(127);
    expect(names[3]).toBe('short-heading');
    // The outline's entries are the title, then the headings, each at its text; a link's
    // view opens on the same page, at most a heading's top margin above.
    const headingEntries = outline.slice(1);
    expect(headingEntries).toHaveLength(headings.length);
    expect(new Set(headingEntries.map(({page, top}) => `${page}:${Math.round(top)}`)).size).toBe(headings.length);
    for (const [index, link] of links.entries()) {
      const heading = headingEntries[index] as Landing;
      expect(link.page, `link ${index + 1}`).toBe(heading.page);
      expect(link.top - heading.top, `link ${index + 1}`).toBeGreaterThanOrEqual(0);
      expect(link.top - heading.top, `link ${index + 1}`).toBeLessThan(100);
    }
  });

  it.each(['one', 'lib'] as const)('leave the outline titled with the headings as written: right to left in reading order, a wrapped one once (%s)', async (copy) => {
    // Chrome titles them as laid out: the words of a right-to-left heading reversed, a
    // Chinese heading that wraps twice over.
    const {titles} = await destinations(pdfs[copy]);
    expect(titles).toEqual(['پیوندهای درونی به سرفصل‌های بلند', ...headings]);
  });

  it.each(['one', 'lib'] as const)('describe each link by its words as written, right to left in reading order (%s)', async (copy) => {
    // Each right-to-left link is two annotations; both say the link's words, not the
    // letters in the order they are drawn.
    const {descriptions} = await destinations(pdfs[copy]);
    expect([...new Set(descriptions)]).toEqual(ordinals);
  });

  it('pass the checker, poppler without a warning, and qpdf', async () => {
    for (const copy of ['one', 'lib'] as const) expect(findingLines(`${copy}.pdf`, await checkPdf(pdfs[copy]))).toEqual([]);
    const file = path.join(dir, 'one', 'links.pdf');
    expect((await run('pdftotext', [file, '-'])).stderr).toBe('');
    expect((await run('pdfinfo', ['-struct', file])).stderr).toBe('');
    expect((await run('qpdf', ['--check', file])).stdout).toContain('No syntax or stream encoding errors found');
  });

  it('are the same on every rebuild (SOURCE_DATE_EPOCH): the PDF is byte-identical', () => {
    expect(Buffer.from(pdfs.two).equals(Buffer.from(pdfs.one))).toBe(true);
  });

  it('are too long in the PDF plain Chromium prints of the same page, which the checker finds', async () => {
    const plain = path.join(dir, 'plain.pdf');
    await run('chromium-headless-shell', ['--no-sandbox', '--disable-gpu', `--print-to-pdf=${plain}`, `file://${path.join(dir, 'one', 'links.html')}`], {timeout: 60_000});
    const findings = await checkPdf(new Uint8Array(await readFile(plain)));
    const names = findings.find((finding) => finding.checkpoint === 'PDF 1.7 Annex C');
    expect(names, findingLines('plain.pdf', findings).join('\n')).toBeDefined();
    expect(names?.where).toHaveLength(3);
    for (const where of names?.where ?? []) expect(where).toMatch(/^\/#25[\dA-F]{2}.*… \([23]\d\d bytes\)$/);
    expect((await run('pdftotext', [plain, '-'])).stderr).toContain('name token is longer than what the specification says it can be');
  }, 60_000);
});
