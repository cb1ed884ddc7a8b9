import {mkdtemp, readFile, rm, writeFile, copyFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js';
import {PDFDocument} from 'pdf-lib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {readPages, squash} from '../helpers/pdf.js';
import {checkPdfsIn} from '../helpers/pdf-check.js';
import {usedFonts} from '../helpers/pdf-structure.js';
import {allTags, readTags} from '../helpers/pdf-tags.js';

const sample = path.resolve('manuscripts/us-china-leaders-call.md');
const pagination = path.resolve('tests/e2e/pagination');
const sizes = {a4: [595, 842], letter: [612, 792]} as const;
const combos = (['briefing', 'memo'] as const).flatMap((template) =>
  (['a4', 'letter'] as const).flatMap((paper) => (['screen', 'print'] as const).map((edition) => ({template, paper, edition})))
);

let dir: string;
let manuscript: string;

/** The manuscript with front-matter keys added after `lang:`. */
function withKeys(text: string, keys: Record<string, string>): string {
  const lines = Object.entries(keys).map(([key, value]) => `${key}: ${value}`).join('\n');
  return text.replace(/^lang: .*$/m, (line) => `${line}\n${lines}`);
}

/** Lines of running text long enough to fill part of a page. */
function paragraph(words: number): string {
  return Array.from({length: words}, (_, index) => ['the', 'talks', 'continued', 'at', 'working', 'level'][index % 6]).join(' ') + '.';
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-print-grade-'));
  manuscript = await readFile(sample, 'utf8');
  for (const {template, paper, edition} of combos) {
    await writeFile(path.join(dir, `sample-${template}-${paper}-${edition}.md`), withKeys(manuscript, {template, paper, edition}));
  }
  for (const name of ['long-table.md', 'long-url.md']) await copyFile(path.join(pagination, name), path.join(dir, name));
  await writeFile(path.join(dir, 'long-url-print.md'), withKeys((await readFile(path.join(pagination, 'long-url.md'), 'utf8')).replace('---\n\n', 'lang: en\n---\n\n'), {edition: 'print'}));
  for (const edition of ['print', 'screen']) {
    await writeFile(
      path.join(dir, `link-notes-${edition}.md`),
      [
        '---',
        'title: Link notes',
        'authors: [Pat Tester]',
        'lang: en',
        `edition: ${edition}`,
        '---',
        '',
        '## Sources',
        '',
        'The talks are at [the desk](https://example.com/desk), again at [the same desk](https://example.com/desk), by [mail](mailto:desk@example.org), in the [record](https://example.org/record?item=7) and under [the sources](#sources).',
        ''
      ].join('\n')
    );
  }
  // Sweeps: the same document with more and more text before a heading (or under the
  // masthead), so that in some variant the heading (or summary) meets the page end.
  for (let lines = 0; lines < 14; lines++) {
    const filler = Array.from({length: 7}, () => paragraph(60)).join('\n\n');
    await writeFile(
      path.join(dir, `heading-${lines}.md`),
      `---\ntitle: Heading sweep\nauthors: [Pat Tester]\n---\n\n${filler}\n\n${Array.from({length: lines}, () => paragraph(14)).join('\n\n')}\n\n## Stranded heading check\n\n${paragraph(80)}\n`
    );
    const bullets = Array.from({length: 9}, (_, index) => `- Key point ${index + 1}: ${paragraph(20)}`).join('\n');
    await writeFile(
      path.join(dir, `summary-${lines}.md`),
      `---\ntitle: Summary sweep\nsubtitle: "${paragraph(100 + lines * 15)}"\nauthors: [Pat Tester]\n---\n\n:::summary[Key points]\n${bullets}\n:::\n\n${paragraph(200)}\n`
    );
  }
  const report = await build([dir], {outDir: path.join(dir, 'out'), cwd: dir, formats: ['pdf']});
  const failures = report.documents.filter((document) => !document.ok).map((document) => `${document.input}: ${document.file.messages.join('; ')}`);
  expect(failures).toEqual([]);
}, 240_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function pdf(name: string): Promise<Uint8Array> {
  return readFile(path.join(dir, 'out', `${name}.pdf`));
}

describe('every template, paper and edition of the sample', () => {
  it.each(combos)('$template on $paper, $edition edition: exact page size, footer on every page, fonts embedded', async ({template, paper, edition}) => {
    const bytes = await pdf(`sample-${template}-${paper}-${edition}`);
    const pages = await readPages(bytes, 60);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [index, page] of pages.entries()) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([...sizes[paper]]);
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page.text).toContain('Elbrus Mamedov');
    }
    const fonts = usedFonts(await PDFDocument.load(bytes, {updateMetadata: false}));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(bytes.byteLength).toBeLessThan(200 * 1024);
  });
});

describe('PDF structure', () => {
  it('has an outline entry for every section heading of the manuscript', async () => {
    const headings = [...manuscript.matchAll(/^## (.+)$/gm)].map((match) => squash(match[1] ?? ''));
    expect(headings.length).toBeGreaterThan(2);
    const doc = await getDocument({data: new Uint8Array(await pdf('sample-briefing-a4-screen')), verbosity: 0}).promise;
    try {
      const titles: string[] = [];
      const walk = (items: Array<{title: string; items: unknown[]}>): void => {
        for (const item of items) {
          titles.push(squash(item.title));
          walk(item.items as Array<{title: string; items: unknown[]}>);
        }
      };
      walk((await doc.getOutline()) ?? []);
      for (const heading of headings) expect(titles).toContain(heading);
    } finally {
      await doc.destroy();
    }
  });

  it('is byte-identical when built twice with SOURCE_DATE_EPOCH set', async () => {
    const previous = process.env['SOURCE_DATE_EPOCH'];
    process.env['SOURCE_DATE_EPOCH'] = '1700000000';
    try {
      const outputs = [];
      for (const run of ['a', 'b']) {
        const outDir = path.join(dir, `repro-${run}`);
        const report = await build([sample], {outDir, formats: ['pdf']});
        expect(report.ok).toBe(true);
        outputs.push(await readFile(path.join(outDir, 'us-china-leaders-call.pdf')));
      }
      const [first, second] = outputs;
      expect(first && second && Buffer.compare(first, second)).toBe(0);
      const doc = await PDFDocument.load(first ?? new Uint8Array(), {updateMetadata: false});
      expect(doc.getCreationDate()?.toISOString()).toBe(new Date(1_700_000_000_000).toISOString());
    } finally {
      if (previous === undefined) delete process.env['SOURCE_DATE_EPOCH'];
      else process.env['SOURCE_DATE_EPOCH'] = previous;
    }
  });
});

/**
 * What a PDF's tag tree says about link notes: the note marks in the text (`[1]` after a
 * link) and the numbered addresses of the list that follows a "Links" heading, `n. address`.
 */
async function linkNotes(bytes: Uint8Array): Promise<{marks: string[]; notes: string[]}> {
  const tags = (await readTags(bytes)).flatMap(allTags);
  const marks = tags.filter((tag) => tag.role === 'P').flatMap((tag) => [...tag.text.matchAll(/\[(\d+)\]/g)].map((match) => match[1] ?? ''));
  const notes: string[] = [];
  for (const tag of tags) {
    const heading = tag.children.findIndex((child) => child.role === 'H2' && squash(child.text).toLowerCase() === 'links');
    const list = heading >= 0 ? tag.children[heading + 1] : undefined;
    if (!list) continue;
    expect(list.role, 'the Links heading is followed by a list').toBe('L');
    for (const item of list.children) {
      expect(item.role).toBe('LI');
      const label = item.children.find((child) => child.role === 'Lbl')?.text ?? '';
      notes.push(`${label.trim()} ${squash(item.text.slice(item.text.indexOf(label) + label.length))}`);
    }
  }
  return {marks, notes};
}

describe('print edition', () => {
  it('marks every web link with its note number and lists the addresses under Links, read from the tag tree; the screen edition has neither', async () => {
    // Two links to one address share a number; an internal #link gets none.
    expect(await linkNotes(await pdf('link-notes-print'))).toEqual({
      marks: ['1', '1', '2', '3'],
      notes: ['1. https://example.com/desk', '2. desk@example.org', '3. https://example.org/record?item=7']
    });
    const url = /https:\/\/example\.org\/\S+/.exec(await readFile(path.join(pagination, 'long-url.md'), 'utf8'))?.[0] ?? '';
    expect(await linkNotes(await pdf('long-url-print'))).toEqual({marks: ['1'], notes: [`1. ${squash(url)}`]});
    for (const screen of ['link-notes-screen', 'long-url']) {
      expect(await linkNotes(await pdf(screen)), screen).toEqual({marks: [], notes: []});
    }
    // The screen edition's page does not print the addresses at all.
    const text = (await readPages(await pdf('link-notes-screen'), 60)).map((page) => page.text).join('\n');
    expect(text).toContain('the same desk');
    expect(text).not.toContain('example.com');
  });
});

describe('pagination', () => {
  it('repeats the table header on every page the table runs onto', async () => {
    const pages = await readPages(await pdf('long-table'), 60);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const withRows = pages.filter((page) => /Delegation item \d+/.test(page.text));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(squash(page.text)).toContain('LineItemRate');
  });

  it('keeps every piece of text inside the page, however long the word or URL', async () => {
    const doc = await getDocument({data: new Uint8Array(await pdf('long-url')), verbosity: 0}).promise;
    try {
      for (let number = 1; number <= doc.numPages; number++) {
        const page = await doc.getPage(number);
        const {width} = page.getViewport({scale: 1});
        const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
        for (const item of items) {
          const x = item.transform[4] as number;
          expect(x, item.str).toBeGreaterThanOrEqual(0);
          expect(x + item.width, item.str).toBeLessThanOrEqual(width);
        }
      }
    } finally {
      await doc.destroy();
    }
  });

  it('never leaves a heading alone at the foot of a page', async () => {
    const pageBreaksSeen = new Set<number>();
    for (let lines = 0; lines < 14; lines++) {
      const pages = await readPages(await pdf(`heading-${lines}`), 60);
      const index = pages.findIndex((page) => page.text.includes('Stranded heading check'));
      expect(index).toBeGreaterThanOrEqual(0);
      const page = pages[index]?.text ?? '';
      const after = page.slice(page.indexOf('Stranded heading check') + 'Stranded heading check'.length);
      // Body text follows the heading on its own page.
      expect(squash(after)).toMatch(/^thetalkscontinued/);
      pageBreaksSeen.add(index);
    }
    // The sweep really crossed the page end: the heading was on more than one page.
    expect(pageBreaksSeen.size).toBeGreaterThan(1);
  });

  it('never splits the summary box across pages', async () => {
    const pagesSeen = new Set<number>();
    for (let lines = 0; lines < 14; lines++) {
      const pages = await readPages(await pdf(`summary-${lines}`), 60);
      const holding = pages.flatMap((page, index) => (/Key point \d/.test(page.text) ? [index] : []));
      expect(holding, `summary-${lines}`).toHaveLength(1);
      const page = pages[holding[0] ?? 0]?.text ?? '';
      for (let point = 1; point <= 9; point++) expect(page).toContain(`Key point ${point}:`);
      pagesSeen.add(holding[0] ?? 0);
    }
    expect(pagesSeen.size).toBeGreaterThan(1);
  });
});

describe('the PDF checker', () => {
  it('passes every PDF printed here: each template, paper and edition, the pagination and sweep documents', async () => {
    const {checked, problems} = await checkPdfsIn(path.join(dir, 'out'));
    expect(checked).toBe(combos.length + 3 + 2 + 2 * 14);
    expect(problems).toEqual([]);
  });
});
