import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js';
import {afterAll, describe, expect, it} from 'vitest';
import {clusterFont, completeFont, recodeClusters} from '../../src/pdf/text-layer-clusters.js';
import {normaliseText} from '../helpers/text-match.js';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../../dist/cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'briefing-clusters-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

// Our own sentences: dotted letters drawn as base and dots, lam-alef, teh marbuta, Persian
// yeh and keheh, ZWNJ, bold and italic runs, and an emoji in a heading and in bold.
const manuscripts = {
  ar: `---
title: "تقرير قصير عن الطقس في المدينة"
lang: ar
---

كان الصباح هادئا في المدينة، ثم هبت رياح قوية من الشمال وأغلقت الأسواق أبوابها قبل الظهر.

قال المهندس إن الجسر الجديد لا يزال آمنا، لكن الطلاب والعمال انتظروا الحافلات طويلا.

### 🎉 خبر سعيد للجميع

**لا تنس 👍** أن تغلق النوافذ، و*الله* يحفظ الجميع في هذا الفصل البارد.
`,
  fa: `---
title: "گزارشی کوتاه دربارهٔ باغ کتابخانه"
lang: fa
---

امروز صبح باران آرامی بارید و کودکان با چترهای رنگی به کتابخانه آمدند.

کتابدار گفت که گل‌های باغچه پیش از پاییز می‌شکفند و همه باید از آن‌ها مراقبت کنند.

### 😭 هنوز پاسخی نیامده

**کتاب‌ها 👎** را سر جایشان بگذارید و *بی‌صدا* گفت‌وگو کنید.
`
};

/** Build a manuscript with the bundled CLI and return its PDF's path. */
async function build(name: string, markdown: string, env: Record<string, string> = {}): Promise<string> {
  const dir = path.join(work, `${name}-${Object.keys(env).length}`);
  const file = path.join(work, `${name}.md`);
  writeFileSync(file, markdown);
  await run(process.execPath, [cli, 'build', file, '--out-dir', dir], {env: {...process.env, ...env}});
  return path.join(dir, `${name}.pdf`);
}

/** Every page's text by pdf.js, as it gives it. */
async function pdfjsText(file: string): Promise<string> {
  const document = await getDocument({data: new Uint8Array(await readFile(file)), isEvalSupported: false, useSystemFonts: false, verbosity: 0}).promise;
  const lines: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    let line = '';
    for (const item of (await (await document.getPage(number)).getTextContent()).items as TextItem[]) {
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    lines.push(line);
  }
  await document.destroy();
  return lines.join('\n');
}

/** The Arabic-script words of a manuscript's body. */
function words(markdown: string): string[] {
  return [...new Set(markdown.replace(/^---[^]*?---/, '').match(/[\u0600-\u06FF\u200C]+/g) ?? [])].map(normaliseText).filter(Boolean);
}

describe.each([
  ['ar', {}],
  ['fa', {}],
  ['ar', {BRIEFING_PDF_REWRITE: 'pdf-lib'}],
  ['fa', {BRIEFING_PDF_REWRITE: 'pdf-lib'}]
] as const)('%s PDF (%o): the text layer reads as written', (lang, env) => {
  const markdown = manuscripts[lang];
  const pdf = build(lang, markdown, env);

  it('pdftotext finds every word, in reading order', async () => {
    const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', await pdf, '-']);
    const text = normaliseText(stdout);
    expect(words(markdown).filter((word) => !text.includes(word))).toEqual([]);
    expect(stdout).not.toContain('\u0000');
  });

  it('poppler reads every word whole: no space inside a word, no letter on a line of its own', async () => {
    // Before each cluster's base was drawn first, poppler read «کتابخانه» as «کت اب خ ان ه»
    // and set «آ» apart (it puts a cluster's text at its first glyph: a dot or a madda).
    const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', await pdf, '-']);
    const text = stdout.replace(/[\u200E\u200F\u202A-\u202E]/g, '');
    const whole = [...new Set(markdown.replace(/^---[^]*?---/, '').match(/[\u0600-\u06FF\u200C]+/g) ?? [])].map((word) => word.replace(/[\u060C\u061B\u061F\u06D4]/g, ''));
    expect(whole.filter((word) => word !== '' && !text.includes(word))).toEqual([]);
  });

  it('pdf.js finds every word and no U+0000 or presentation form', async () => {
    const raw = await pdfjsText(await pdf);
    expect(raw).not.toContain('\u0000');
    expect(raw).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
    // pdf.js gives glyphs in Chrome's drawing order, which is not always visual order
    // (a reh before its alef), so whole words are pdftotext's check; here every letter of
    // the source must be there as often as it is written.
    const count = (text: string): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const letter of normaliseText(text).match(/[\u0600-\u06FF]/g) ?? []) counts.set(letter, (counts.get(letter) ?? 0) + 1);
      return counts;
    };
    const found = count(raw);
    expect([...count(words(markdown).join(''))].filter(([letter, times]) => (found.get(letter) ?? 0) < times)).toEqual([]);
  });

  it('no Type 3 or unembedded font, qpdf --check clean', async () => {
    const {stdout} = await run('pdffonts', [await pdf]);
    const fonts = stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => /Type 3/.test(font) || !/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(font))).toEqual([]);
    const check = await run('qpdf', ['--check', await pdf]);
    expect(check.stdout).toContain('No syntax or stream encoding errors');
  });
});

describe('recodeClusters', () => {
  const cmap = '1 beginbfchar\n<0008> <0627>\nendbfchar\n2 beginbfchar\n<0051> <FB9F>\n<0100> <0000>\nendbfchar';
  const content = 'BT\n/F5 10 Tf\n/Span<</ActualText <feff0646> >> BDC\n1 0 Td <0100> Tj\n2 0 Td <0051> Tj\nEMC\n3 0 Td <0008> Tj\nET';

  it('gives the cluster’s glyphs codes of their own: the widest the text, the others a joiner', () => {
    const font = clusterFont({toUnicode: cmap, widths: '[8 [400] 81 [500] 256 [0]]', defaultWidth: 0, glyphCount: 300});
    const recoded = recodeClusters(content, (name) => (name === 'F5' ? font : undefined));
    expect(recoded).toBe(content.replace('<0100>', '<012c>').replace('<0051>', '<012d>'));
    const done = completeFont(font);
    expect(done?.toUnicode).toContain('<012D> <0646>');
    expect(done?.toUnicode).toContain('<012C> <200D>');
    // The presentation form of the shared base becomes its letter for the base's other uses.
    expect(done?.toUnicode).toContain('<0051> <06BA>');
    expect(done?.widths).toBe('[8 [400] 81 [500] 256 [0] 300 [0 500]]');
    const map = Buffer.from(done?.cidToGid ?? new Uint8Array());
    expect([map.readUInt16BE(8 * 2), map.readUInt16BE(300 * 2), map.readUInt16BE(301 * 2)]).toEqual([8, 0x100, 0x51]);
  });

  it('draws a cluster’s base first, on the baseline, and widens its last glyph to the cluster’s end', () => {
    // A right-to-left run as Chrome draws it: the dot raised half a unit, before its base.
    const drawn = 'BT\n/ReversedChars BMC\n/Span<</ActualText <FEFF0646> >> BDC\n/F5 10 Tf\n1 0 0 -1 100 700 Tm\n3 -0.5 Td <0100> Tj\n-1 0.5 Td <0051> Tj\nEMC\n4 0 Td <0008> Tj\nEMC\nET';
    const font = clusterFont({toUnicode: cmap, widths: '[8 [400] 81 [500] 256 [0]]', defaultWidth: 0, glyphCount: 300});
    const recoded = recodeClusters(drawn, (name) => (name === 'F5' ? font : undefined));
    // The base (code 301, ن) at x 2 on the baseline, then the dot where it was (x 3, raised)
    // with a new code whose advance reaches the base's end (x 2 + 5 = 7: 400 at 10 pt), then
    // back to the base's origin, where Chrome's next move starts from.
    expect(recoded).toBe(drawn.replace('3 -0.5 Td <0100> Tj\n-1 0.5 Td <0051> Tj', '2 0 Td\n<012d> Tj\n1 -0.5 Td\n<012e> Tj\n-1 0.5 Td'));
    expect(completeFont(font)?.widths).toBe('[8 [400] 81 [500] 256 [0] 300 [0 500 400]]');
    expect(completeFont(font)?.toUnicode).toContain('<012E> <200D>');
  });

  it('leaves a cluster as drawn when the glyph after it is placed by the last one’s advance', () => {
    const drawn = 'BT\n/F5 10 Tf\n1 0 0 -1 100 700 Tm\n/Span<</ActualText <feff0646> >> BDC\n3 -0.5 Td <0100> Tj\n-1 0.5 Td <0051> Tj\nEMC\n<0008> Tj\nET';
    const font = clusterFont({toUnicode: cmap, widths: '[8 [400] 81 [500] 256 [0]]', defaultWidth: 0, glyphCount: 300});
    expect(recodeClusters(drawn, () => font)).toBe(drawn.replace('<0100>', '<012c>').replace('<0051>', '<012d>'));
  });

  it('leaves clusters whose glyphs already spell their text, and soft hyphens, alone', () => {
    const font = clusterFont({toUnicode: '1 beginbfchar\n<0003> <00660074>\nendbfchar', widths: '[3 [500]]', defaultWidth: 0, glyphCount: 10});
    const ligature = 'BT /F1 9 Tf /Span<</ActualText <feff006600ad0074> >> BDC <0003> Tj EMC /Span<</ActualText <feff00ad> >> BDC <0001> Tj EMC ET';
    expect(recodeClusters(ligature, () => font)).toBe(ligature);
    expect(completeFont(font)).toBeUndefined();
  });
});
