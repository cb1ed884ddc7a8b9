import {execFile} from 'node:child_process';
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {fromHtml} from 'hast-util-from-html';
import {selectAll} from 'hast-util-select';
import {toString} from 'hast-util-to-string';
import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject} from 'pdf-lib';
import {parse as parseYaml} from 'yaml';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build, type BuildReport} from '../../src/build/build.js';
import {readPages, squash, type PageText} from '../helpers/pdf.js';
import {checkPdfsIn} from '../helpers/pdf-check.js';

/**
 * The sample manuscript, printed in real Chromium and read back. Expected values come
 * from the manuscript itself, so the test follows the sample when it is edited.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const manuscriptPath = 'manuscripts/us-china-leaders-call.md';
/** The template's `@page` top margin (22 mm), where the running header sits. */
const topMargin = (22 / 25.4) * 72;

interface SampleMatter {
  title: string;
  subtitle: string;
  authors: Array<{name: string}>;
  date: string;
  tags: string[];
  lang: string;
}

let manuscript: string;
let matter: SampleMatter;
let outDir: string;
let letterDir: string;
let report: BuildReport;
let pdf: Uint8Array;
let html: string;
let pages: PageText[];
let savedEpoch: string | undefined;

beforeAll(async () => {
  // A build honours SOURCE_DATE_EPOCH; this test checks the front-matter date.
  savedEpoch = process.env['SOURCE_DATE_EPOCH'];
  delete process.env['SOURCE_DATE_EPOCH'];

  manuscript = await readFile(path.join(root, manuscriptPath), 'utf8');
  matter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(manuscript)?.[1] ?? '') as SampleMatter;
  outDir = await mkdtemp(path.join(tmpdir(), 'briefing-e2e-a4-'));
  letterDir = await mkdtemp(path.join(tmpdir(), 'briefing-e2e-letter-'));

  report = await build([manuscriptPath], {cwd: root, outDir});
  pdf = new Uint8Array(await readFile(path.join(outDir, 'us-china-leaders-call.pdf')));
  html = await readFile(path.join(outDir, 'us-china-leaders-call.html'), 'utf8');
  pages = await readPages(pdf, topMargin);
});

afterAll(async () => {
  if (savedEpoch === undefined) delete process.env['SOURCE_DATE_EPOCH'];
  else process.env['SOURCE_DATE_EPOCH'] = savedEpoch;
  await rm(outDir, {recursive: true, force: true});
  await rm(letterDir, {recursive: true, force: true});
});

/** The bullet points of the manuscript's `:::summary` box. */
function summaryBullets(): string[] {
  const box = /^:::summary.*\n([\s\S]*?)^:::$/m.exec(manuscript)?.[1] ?? '';
  return box
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
}

/** The words of every inline `:pullquote[…]`. */
function pullquotes(): string[] {
  return [...manuscript.matchAll(/:pullquote\[([^\]]+)\]/g)].map((match) => match[1] ?? '');
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

describe('the sample briefing, printed', () => {
  it('builds without messages and writes the PDF and the HTML', async () => {
    expect(report.ok).toBe(true);
    expect(report.documents).toHaveLength(1);
    expect(report.documents[0]?.file.messages).toEqual([]);
    expect((await readdir(outDir)).sort()).toEqual(['us-china-leaders-call.html', 'us-china-leaders-call.pdf']);
    expect(report.documents[0]?.pages).toBe(pages.length);
  });

  it('has at least two pages, each with the byline and its page number', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [index, page] of pages.entries()) {
      expect(page.text, `page ${index + 1}`).toContain('Elbrus Mamedov');
      expect(page.text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
    }
  });

  it('shows the title and every summary point on the first page', () => {
    const first = squash(pages[0]?.text ?? '');
    expect(first).toContain(squash(matter.title));
    const bullets = summaryBullets();
    expect(bullets.length).toBeGreaterThan(0);
    for (const bullet of bullets) expect(first, bullet).toContain(squash(bullet));
  });

  it('runs the title as a header on every page but the first', () => {
    expect(pages[0]?.header.trim()).toBe('');
    for (const [index, page] of pages.entries()) {
      if (index === 0) continue;
      expect(squash(page.header).toLowerCase(), `page ${index + 1}`).toContain(squash(matter.title).toLowerCase());
    }
  });

  it('is A4', () => {
    for (const page of pages) {
      expect(Math.abs(page.width - 595)).toBeLessThanOrEqual(1);
      expect(Math.abs(page.height - 842)).toBeLessThanOrEqual(1);
    }
  });

  it('describes itself: title, author, subject, creator and date', async () => {
    const doc = await PDFDocument.load(pdf, {updateMetadata: false});
    expect(doc.getTitle()).toBe(matter.title);
    expect(doc.getAuthor()).toBe(matter.authors.map((author) => author.name).join(', '));
    expect(doc.getSubject()).toBe(matter.subtitle);
    expect(doc.getCreator()).toMatch(/^briefing \S+/);
    expect(doc.getCreationDate()?.toISOString()).toBe(new Date(`${matter.date}T00:00:00Z`).toISOString());
    for (const tag of matter.tags) expect(doc.getKeywords()).toContain(tag);
  });

  it('lists its keywords so that a multi-word tag stays one keyword', async () => {
    const doc = await PDFDocument.load(pdf, {updateMetadata: false});
    expect(matter.tags.some((tag) => tag.includes(' '))).toBe(true);
    expect(doc.getKeywords()?.split(/\s*[,;]\s*/)).toEqual(matter.tags);
  });

  it('passes qpdf\'s structural check', async () => {
    const {stdout} = await run('qpdf', ['--check', path.join(outDir, 'us-china-leaders-call.pdf')]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
  });

  it('passes the PDF checker: every machine-checked PDF/UA-1 condition', async () => {
    expect(await checkPdfsIn(outDir)).toEqual({checked: 1, problems: []});
  });

  it('is tagged, has an outline and declares its language', async () => {
    const doc = await PDFDocument.load(pdf, {updateMetadata: false});
    expect(text(doc.catalog.get(PDFName.of('Lang')))).toBe(matter.lang);
    expect(doc.catalog.lookup(PDFName.of('StructTreeRoot'))).toBeInstanceOf(PDFDict);
    expect(doc.catalog.lookup(PDFName.of('Outlines'))).toBeInstanceOf(PDFDict);
  });

  it('embeds every font it uses, and only the template fonts', async () => {
    const doc = await PDFDocument.load(pdf, {updateMetadata: false});
    const names = new Set<string>();
    for (const [index, page] of doc.getPages().entries()) {
      const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
      expect(fonts, `page ${index + 1} has fonts`).toBeDefined();
      for (const [key] of fonts?.entries() ?? []) {
        const font = fonts?.lookup(key, PDFDict);
        const subtype = font?.get(PDFName.of('Subtype'));
        const described = subtype === PDFName.of('Type0') ? font?.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict) : font;
        const descriptor = described?.lookup(PDFName.of('FontDescriptor'), PDFDict);
        const name = String(font?.get(PDFName.of('BaseFont')));
        const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((file) => descriptor?.has(PDFName.of(file)));
        expect(embedded, `${name} on page ${index + 1} is embedded`).toBe(true);
        names.add(name);
      }
    }
    expect(names.size).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^\/[A-Z]{6}\+(SourceSerif4|SourceSans3)/);
  });

  it('prints on US Letter when asked', async () => {
    const letter = await build([manuscriptPath], {cwd: root, outDir: letterDir, paper: 'letter', formats: ['pdf']});
    expect(letter.ok).toBe(true);
    const doc = await PDFDocument.load(await readFile(path.join(letterDir, 'us-china-leaders-call.pdf')), {updateMetadata: false});
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    for (const page of doc.getPages()) {
      const {width, height} = page.getSize();
      expect(Math.abs(width - 612)).toBeLessThanOrEqual(1);
      expect(Math.abs(height - 792)).toBeLessThanOrEqual(1);
    }
    expect(await checkPdfsIn(letterDir)).toEqual({checked: 1, problems: []});
  });
});

describe('the sample briefing, as one HTML file', () => {
  it('loads nothing from outside: every src and href is local or a link the manuscript makes', () => {
    const tree = fromHtml(html);
    const linked = new Set([...manuscript.matchAll(/\]\((\S+?)\)|<(https?:[^>]+)>/g)].map((match) => match[1] ?? match[2]));
    for (const element of selectAll('[src], [href]', tree)) {
      for (const value of [element.properties['src'], element.properties['href']]) {
        if (typeof value !== 'string') continue;
        const local = value.startsWith('#') || value.startsWith('data:');
        expect(local || linked.has(value), `${element.tagName} ${value}`).toBe(true);
      }
    }
    for (const [url] of html.matchAll(/url\([^)]*\)/g)) expect(url.startsWith('url(data:'), url.slice(0, 60)).toBe(true);
  });

  it('inlines its fonts', () => {
    expect(html).toContain('@font-face');
    expect(html).toMatch(/@font-face\{[^}]*url\(data:font\/woff2;base64,/);
  });

  it('has the summary box and a lifted aside for every pull quote', () => {
    const tree = fromHtml(html);
    const [summary, ...more] = selectAll('aside.summary', tree);
    expect(more).toEqual([]);
    expect(squash(toString(summary ?? {type: 'root', children: []}))).toContain(squash(summaryBullets()[0] ?? '(none)'));

    const asides = selectAll('aside.pullquote', tree).map((aside) => squash(toString(aside)));
    // The lifted copy opens like a sentence.
    expect(asides).toEqual(pullquotes().map((words) => squash(words.charAt(0).toUpperCase() + words.slice(1))));
  });
});
