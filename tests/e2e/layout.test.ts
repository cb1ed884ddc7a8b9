import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {checkPdfsIn} from '../helpers/pdf-check.js';

/**
 * Layout for real structures, read back from real PDFs with poppler: headings of every
 * level that never overprint and never end a page, code that runs on between lines,
 * bundled faces for every weight and style (no synthesised Type 3 fonts), Korean and
 * Japanese in their own fonts, mirrored pages for right-to-left languages, and
 * letter-spaced labels that extract as words. Manuscripts are written here, in our words.
 */
const run = promisify(execFile);

interface Word {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

interface Line extends Word {
  readonly words: readonly Word[];
}

interface Page {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly Line[];
}

let dir: string;

/** Sentences of running text, in our own words. */
function prose(sentences: number, lang = 'en'): string {
  const sentence: Record<string, string> = {
    en: 'The working group read every comment and sorted them by theme before the next meeting.',
    ar: 'قرأ فريق العمل كل التعليقات ورتبها حسب الموضوع قبل الاجتماع التالي.',
    fa: 'گروه کاری همهٔ نظرها را خواند و پیش از جلسهٔ بعد آن‌ها را بر اساس موضوع مرتب کرد.',
    he: 'קבוצת העבודה קראה כל הערה ומיינה אותן לפי נושא לפני הפגישה הבאה.'
  };
  return Array.from({length: sentences}, () => sentence[lang]).join(' ');
}

/** A listing of `lines` numbered lines with zeros and ones in it. */
function listing(lines: number): string {
  return Array.from({length: lines}, (_, index) => `row_${String(index).padStart(3, '0')} = total(0, 10, 100)  # 0O 1l I`).join('\n');
}

const documents: Record<string, string> = {
  headings: `---\ntitle: Headings of every level\nauthors: [Pat Tester]\n---\n\n${prose(8)}\n\n# A first-level heading in the body that is long enough to wrap onto a second and even a third line of its own here\n\n${prose(8)}\n\n## A second-level heading that is long enough to wrap onto a second line in the column\n\n${prose(6)}\n\n### A third-level heading that is long enough to wrap onto a second line in the column\n\n${prose(6)}\n\n#### A fourth-level heading with ***bold italic*** words that wraps onto a second line here\n\n${prose(6)} Some ***bold italic*** words, **bold**, *italic* and \`code 0O 1l\`, and ***\`code in bold italics\`***.\n\n##### A fifth-level heading that is long enough to wrap onto a second line in the column\n\n${prose(6)}\n\n###### A sixth-level heading that is long enough to wrap onto a second line in the column\n\n${prose(6)}\n\n:::summary[Key points]\n- A point with *italic*, **bold** and ***bold italic*** words.\n:::\n\n| Item | *Note* |\n| --- | --- |\n| **Bold *and italic*** | *plain italic* |\n`,
  code: `---\ntitle: A long listing\n---\n\n${prose(30)}\n\n\`\`\`\n${listing(140)}\n\`\`\`\n\n${prose(6)}\n`,
  cjk: `---\ntitle: 한국어 문서\nlang: ko\n---\n\n작업 그룹은 다음 회의 전에 모든 의견을 읽고 주제별로 정리했습니다.\n\n:::summary[요점]\n- **모든 의견을** 읽었습니다.\n:::\n`,
  ja: `---\ntitle: 日本語の文書\nlang: ja\n---\n\n作業部会は次の会議の前にすべての意見を読み、テーマごとに整理しました。\n\n:::summary[要点]\n- **すべての意見**を読みました。\n:::\n`,
  labels: `---\ntitle: Labels\npublisher: Northwind Policy Institute\nedition: print\n---\n\n:::summary[Key judgements of the week]\n- One point, with a [link](https://example.org/report) and a note.[^1]\n:::\n\n${prose(4)}\n\n[^1]: A note in our own words.\n`,
  // A README's row of linked badges: remote images printed as dashed traces that break over lines.
  badges: `---\ntitle: Badges\n---\n\n${Array.from({length: 14}, (_, index) => `[![Build ${index}](https://img.example.org/badge/build-${index}-passing.svg)](https://ci.example.org/run/${index})`).join('\n')}\n\n${prose(6)}\n`,
  memo: `---\ntitle: Labels in the memo\ntemplate: memo\nauthors: [Pat Tester]\ndate: 2025-03-14\n---\n\n:::summary[Key judgements]\n- One point.\n:::\n\n${prose(4)}\n`
};
for (const lang of ['ar', 'fa', 'he', 'en'] as const) {
  documents[`direction-${lang}`] = `---\ntitle: Direction ${lang}\nlang: ${lang}\nauthors: [Pat Tester]\ndate: 2025-03-14\n---\n\n:::summary[Summary]\n- ${prose(1, lang)}\n:::\n\n${prose(5, lang)} :pullquote[${prose(1, lang)}] ${prose(14, lang)}\n\n- ${prose(1, lang).slice(0, 20)}\n- ${prose(1, lang).slice(0, 12)}\n\n> ${prose(2, lang)}\n\n${prose(30, lang)}\n`;
}
// Sweeps: more and more text before a heading of each level, so that in some variant
// the heading meets the foot of a page.
const sweep = Array.from({length: 12}, (_, lines) => lines);
for (const level of [1, 4, 6]) {
  for (const lines of sweep) {
    documents[`sweep-h${level}-${lines}`] =
      `---\ntitle: Sweep\n---\n\n${Array.from({length: 10}, () => prose(7)).join('\n\n')}\n\n${Array.from({length: lines}, () => prose(1)).join('\n\n')}\n\n${'#'.repeat(level)} Stranded heading check\n\n${prose(12)}\n`;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-layout-'));
  for (const [name, text] of Object.entries(documents)) await writeFile(path.join(dir, `${name}.md`), text);
  const report = await build([dir], {cwd: dir, outDir: path.join(dir, 'out')});
  const failures = report.documents.filter((document) => !document.ok).map((document) => `${document.input}: ${document.file.messages.join('; ')}`);
  expect(failures).toEqual([]);
}, 300_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

function pdf(name: string): string {
  return path.join(dir, 'out', `${name}.pdf`);
}

/** Pages, lines and words with their boxes, from `pdftotext -bbox-layout`. */
async function layout(name: string): Promise<Page[]> {
  const {stdout} = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf(name), '-'], {maxBuffer: 64 * 1024 * 1024});
  const number = (tag: string, key: string): number => Number(new RegExp(`${key}="([\\d.]+)"`).exec(tag)?.[1]);
  const box = (tag: string): Omit<Word, 'text'> => ({xMin: number(tag, 'xMin'), yMin: number(tag, 'yMin'), xMax: number(tag, 'xMax'), yMax: number(tag, 'yMax')});
  return [...stdout.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map(([, attributes = '', body = '']) => ({
    width: number(attributes, 'width'),
    height: number(attributes, 'height'),
    lines: [...body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, tag = '', content = '']) => {
      const words = [...content.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(([, wordTag = '', text = '']) => ({...box(wordTag), text}));
      // Soft hyphens are the hyphenator's, not the layout's.
      return {...box(tag), words, text: words.map((word) => word.text).join(' ').replaceAll('\u00AD', '')};
    })
  }));
}

/** The text runs of the first page whose font size lies between `from` and `to` points. */
async function runsOfSize(name: string, from: number, to: number): Promise<Array<{xMin: number; xMax: number; baseline: number; text: string}>> {
  const document = await getDocument({data: new Uint8Array(await readFile(pdf(name))), isEvalSupported: false, verbosity: 0}).promise;
  try {
    const page = await document.getPage(1);
    const {height} = page.getViewport({scale: 1});
    const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
    return items
      .filter((item) => item.height >= from && item.height <= to)
      .map((item) => ({xMin: item.transform[4] as number, xMax: (item.transform[4] as number) + item.width, baseline: height - (item.transform[5] as number), text: item.str}));
  } finally {
    await document.destroy();
  }
}

async function text(name: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', pdf(name), '-'])).stdout;
}

async function fonts(name: string): Promise<Array<{name: string; type: string; embedded: boolean}>> {
  const {stdout} = await run('pdffonts', [pdf(name)]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      const type = /Type 3|CID TrueType|TrueType|Type 1C|Type 1|CID Type 0C/.exec(line)?.[0] ?? '';
      return {name: columns[0] ?? '', type, embedded: columns.at(-5) === 'yes'};
    });
}

describe('headings', () => {
  it('never overprint: lines that share a column do not share height', async () => {
    const pages = await layout('headings');
    let checked = 0;
    for (const [index, page] of pages.entries()) {
      const lines = [...page.lines].sort((a, b) => a.yMin - b.yMin);
      for (let at = 1; at < lines.length; at++) {
        const [above, below] = [lines[at - 1], lines[at]];
        if (!above || !below || above.xMax <= below.xMin || below.xMax <= above.xMin) continue;
        const overlap = above.yMax - below.yMin;
        const smaller = Math.min(above.yMax - above.yMin, below.yMax - below.yMin);
        checked++;
        expect(overlap / smaller, `page ${index + 1}: "${above.text}" over "${below.text}"`).toBeLessThan(0.2);
      }
    }
    expect(checked).toBeGreaterThan(40);
    // Each body heading is there, whole, and set larger than the text (h1 to h3).
    const all = pages.flatMap((page) => page.lines);
    const height = (start: string): number => all.find((line) => line.text.startsWith(start))?.words[0]?.yMax ?? 0;
    const size = (start: string): number => {
      const word = all.find((line) => line.text.startsWith(start))?.words[0];
      return word ? word.yMax - word.yMin : 0;
    };
    expect(height('A first-level heading')).toBeGreaterThan(0);
    expect(size('A first-level heading')).toBeGreaterThan(size('A second-level heading'));
    expect(size('A second-level heading')).toBeGreaterThan(size('The working group'));
  });

  it.each([1, 4, 6])('h%i is never left alone at the foot of a page', async (level) => {
    const pagesSeen = new Set<number>();
    for (const lines of sweep) {
      const pages = await layout(`sweep-h${level}-${lines}`);
      const index = pages.findIndex((page) => page.lines.some((line) => line.text === 'Stranded heading check'));
      expect(index, `sweep-h${level}-${lines}`).toBeGreaterThanOrEqual(0);
      const page = pages[index];
      const heading = page?.lines.find((line) => line.text === 'Stranded heading check');
      // Body text follows the heading on its page, above the running footer.
      const next = page?.lines.filter((line) => heading && line.yMin > heading.yMax && line.yMax < (page.height * 0.93)).sort((a, b) => a.yMin - b.yMin)[0];
      expect(next?.text, `sweep-h${level}-${lines}`).toMatch(/^The working group/);
      pagesSeen.add(index);
    }
    expect(pagesSeen.size).toBeGreaterThan(1);
  });
});

describe('code', () => {
  it('runs on to the next page between lines, three at least on each side', async () => {
    const pages = await layout('code');
    const rows = pages.map((page) => page.lines.filter((line) => /^row_\d{3}/.test(line.text)).length);
    const holding = rows.filter((count) => count > 0);
    expect(holding.length).toBeGreaterThanOrEqual(2);
    for (const count of holding) expect(count).toBeGreaterThanOrEqual(3);
    expect(rows.reduce((sum, count) => sum + count, 0)).toBe(140);
    // The listing starts on the first page, under the opening prose, not on a page of its own.
    expect(rows[0]).toBeGreaterThanOrEqual(3);
  });

  it('is set in the bundled monospace face, digits read as digits', async () => {
    expect((await fonts('code')).map((font) => font.name)).toEqual(expect.arrayContaining([expect.stringContaining('SourceCodePro')]));
    const extracted = await text('code');
    expect(extracted).toContain('row_000 = total(0, 10, 100)');
    expect(extracted).toContain('# 0O 1l I');
  });
});

describe('image traces', () => {
  it('break over lines without pushing past the column: the page prints at the template’s sizes, not shrunk', async () => {
    // Chrome shrinks every page when anything is wider than the paper; a dashed trace whose
    // cloned right edge was not counted at a line's end did so by 1 %.
    const sizes = await (async () => {
      const document = await getDocument({data: new Uint8Array(await readFile(pdf('badges'))), isEvalSupported: false, verbosity: 0}).promise;
      try {
        const items = (await (await document.getPage(1)).getTextContent()).items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
        return new Set(items.map((item) => Math.round(Math.hypot(item.transform[0] as number, item.transform[1] as number) * 100) / 100));
      } finally {
        await document.destroy();
      }
    })();
    // The paragraph after the badges is body text, at the template's 10.5 pt.
    expect([...sizes]).toContain(10.5);
  });
});

describe('fonts', () => {
  it.each(['headings', 'cjk', 'ja', 'memo', 'direction-ar', 'direction-he'])('%s: every face is bundled and embedded, none synthesised', async (name) => {
    const used = await fonts(name);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((font) => font.type === 'Type 3' || !font.embedded)).toEqual([]);
  });

  it('prints bold italics and the heading styles in real faces', async () => {
    const names = (await fonts('headings')).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    for (const face of ['SourceSerif4-BoldItalic', 'SourceSerif4-SemiBoldItalic', 'SourceSerif4-Italic', 'SourceCodePro']) {
      expect(names.some((name) => name.includes(face)), face).toBe(true);
    }
  });

  it('sets Korean and Japanese in their bundled fonts', async () => {
    expect((await fonts('cjk')).map((font) => font.name)).toEqual(expect.arrayContaining([expect.stringContaining('NotoSansKR')]));
    expect((await fonts('ja')).map((font) => font.name)).toEqual(expect.arrayContaining([expect.stringContaining('NotoSansJP')]));
    expect(await text('cjk')).toContain('작업 그룹은');
    expect(await text('ja')).toContain('作業部会は');
  });
});

describe('right-to-left languages', () => {
  it.each(['ar', 'fa', 'he'])('%s: the HTML says dir="rtl"', async (lang) => {
    const html = await readFile(path.join(dir, 'out', `direction-${lang}.html`), 'utf8');
    expect(html).toMatch(new RegExp(`<html lang="${lang}" dir="rtl"`));
  });

  it('en: the HTML says dir="ltr"', async () => {
    expect(await readFile(path.join(dir, 'out', 'direction-en.html'), 'utf8')).toMatch(/<html lang="en" dir="ltr"/);
  });

  it.each(['ar', 'fa', 'he', 'en'])('%s: short lines, the pull quote and the summary keep to the side the script starts on', async (lang) => {
    const pages = await layout(`direction-${lang}`);
    const first = pages[0];
    expect(first).toBeDefined();
    const {width} = first ?? {width: 0};
    const body = pages.flatMap((page) => page.lines).filter((line) => line.xMax - line.xMin > 0);
    // The column's edges, from the full lines of running text.
    const left = Math.min(...body.map((line) => line.xMin));
    const right = Math.max(...body.map((line) => line.xMax));
    const rtl = lang !== 'en';
    // The summary's label sits at the start side of the box.
    const label = first?.lines.find((line) => line.text === 'SUMMARY');
    expect(label, 'summary label').toBeDefined();
    if (label) expect(rtl ? right - label.xMax : label.xMin - left).toBeLessThan(30);
    // The pull quote (13 pt, the only text of that size) floats to the end side.
    const quote = await runsOfSize(`direction-${lang}`, 12.5, 13.5);
    expect(quote.length, 'pull-quote runs').toBeGreaterThan(1);
    // Short lines (list items, the ends of paragraphs) keep to the column's start side.
    const inQuote = (line: Line): boolean => quote.some((run) => run.baseline > line.yMin && run.baseline < line.yMax + 2);
    const short = pages.flatMap((page, index) =>
      page.lines.filter((line) => line.xMax - line.xMin < width / 3 && line.yMin > 150 && line.yMax < page.height * 0.9 && !(index === 0 && inQuote(line)))
    );
    expect(short.length, 'short lines').toBeGreaterThan(2);
    for (const line of short) {
      if (rtl) expect(right - line.xMax, line.text).toBeLessThan(line.xMin - left);
      else expect(line.xMin - left, line.text).toBeLessThan(right - line.xMax);
    }
    const middle = (left + right) / 2;
    for (const run of quote) {
      if (rtl) expect(run.xMax, run.text).toBeLessThan(middle);
      else expect(run.xMin, run.text).toBeGreaterThan(middle);
    }
    // The margin boxes too: the byline at the start side, the running title over it.
    for (const page of pages) {
      const footer = page.lines.filter((line) => line.yMin > page.height * 0.9);
      const byline = footer.find((line) => line.text === 'Pat Tester');
      const number = footer.find((line) => line !== byline);
      expect(byline && number, 'footer').toBeTruthy();
      if (byline && number) expect(rtl ? byline.xMin > number.xMax : byline.xMax < number.xMin).toBe(true);
    }
    const header = pages[1]?.lines.filter((line) => line.yMax < 60) ?? [];
    const title = header.find((line) => /DIRECTION/.test(line.text));
    expect(title, 'running title').toBeDefined();
    if (title) expect(rtl ? title.xMin > middle : title.xMax < middle).toBe(true);
  });
});

describe('letter-spaced labels', () => {
  it.each([
    ['labels', ['KEY JUDGEMENTS OF THE WEEK', 'NORTHWIND POLICY INSTITUTE', 'LINKS', 'NOTES']],
    ['memo', ['MEMORANDUM', 'KEY JUDGEMENTS', 'FROM', 'SUBJECT']]
  ] as const)('%s: extract as words', async (name, labels) => {
    const extracted = await text(name);
    for (const label of labels) expect(extracted).toContain(label);
    expect(extracted).not.toMatch(/\b(?:[A-Z] ){3,}/);
  });
});

describe('the PDF checker', () => {
  it('passes every PDF printed here; a sweep whose heading skips levels fails 14-003, as its manuscript does', async () => {
    const {checked, problems} = await checkPdfsIn(path.join(dir, 'out'), (file) => (/^sweep-h[46]-/.test(file) ? ['14-003'] : []));
    expect(checked).toBe(Object.keys(documents).length);
    expect(problems).toEqual([]);
  });
});
