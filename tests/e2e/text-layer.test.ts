import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {readPages} from '../helpers/pdf.js';
import {checkPdfsIn} from '../helpers/pdf-check.js';

const run = promisify(execFile);

/**
 * Hyphenation must not cost the text layer: the words of a justified paragraph of long
 * words, printed to a real PDF, read back whole by poppler (`pdftotext`) and pdf.js, with
 * no U+00AD anywhere, while lines on the page still break with a hyphen. Printed once
 * through each PDF rewrite (Chrome's fast path and pdf-lib). pdf.js reads no actual
 * text and Chrome maps ligature glyphs to nothing, so pdf.js reads a word with a ligature
 * (`ft` in `Arbeitsgemeinschaften`) without it: those words are checked in poppler only.
 */
const words = {
  en: 'administration characteristically demonstrates unquestionable responsibilities notwithstanding considerable telecommunications infrastructure disagreements regarding implementation accountability international negotiations extraordinarily comprehensive',
  de: 'Verwaltungsgerichtsbarkeit Zuständigkeitsbereiche Haushaltsverhandlungen Arbeitsgemeinschaftsvertrag Mitgliedsstaaten Rahmenbedingungen Wettbewerbsfähigkeit Verhältnismäßigkeit Nachhaltigkeitsstrategie Infrastrukturvorhaben'
};
const soft = '\u00AD';

let dir: string;

/** A manuscript of several paragraphs made of the language's long words. */
function manuscript(lang: keyof typeof words): string {
  const list = words[lang].split(' ');
  const paragraphs = Array.from({length: 4}, (_, index) => [...list.slice(index), ...list.slice(0, index)].join(' ') + '.');
  return `---\ntitle: Text layer\nlang: ${lang}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-text-layer-'));
  for (const lang of ['en', 'de'] as const) await writeFile(path.join(dir, `${lang}.md`), manuscript(lang));
  const report = await build([dir], {outDir: path.join(dir, 'fast'), cwd: dir, formats: ['pdf', 'html']});
  const previous = process.env['BRIEFING_PDF_REWRITE'];
  process.env['BRIEFING_PDF_REWRITE'] = 'pdf-lib';
  try {
    const general = await build([dir], {outDir: path.join(dir, 'pdf-lib'), cwd: dir, formats: ['pdf']});
    expect([...report.documents, ...general.documents].filter((document) => !document.ok).map((document) => document.file.messages.join('; '))).toEqual([]);
  } finally {
    if (previous === undefined) delete process.env['BRIEFING_PDF_REWRITE'];
    else process.env['BRIEFING_PDF_REWRITE'] = previous;
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

const cases = (['fast', 'pdf-lib'] as const).flatMap((rewrite) => (['en', 'de'] as const).map((lang) => ({rewrite, lang})));

describe('the text layer of a hyphenated page', () => {
  it('the HTML is still hyphenated with soft hyphens', async () => {
    for (const lang of ['en', 'de']) expect(await readFile(path.join(dir, 'fast', `${lang}.html`), 'utf8')).toContain(soft);
  });

  it.each(cases)('$lang through the $rewrite rewrite: no U+00AD, words whole, lines broken with a hyphen', async ({rewrite, lang}) => {
    const file = path.join(dir, rewrite, `${lang}.pdf`);
    const poppler = (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
    const layout = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).stdout;
    const pdfjs = (await readPages(await readFile(file), 0)).map((page) => page.text).join('\n');
    for (const [reader, text] of Object.entries({pdftotext: poppler, 'pdftotext -layout': layout, 'pdf.js': pdfjs})) {
      expect(text.includes(soft), `${reader} finds no U+00AD`).toBe(false);
    }

    // A line broke inside one of the words, with a hyphen drawn at its end.
    const broken = [...pdfjs.matchAll(/(\p{L}+)-\n(\p{L}+)/gu)].map((match) => `${match[1]}${match[2]}`);
    expect(broken.filter((word) => words[lang].split(' ').includes(word.replace(/[.]$/, ''))).length, pdfjs).toBeGreaterThan(0);
    expect(layout).toMatch(/\p{L}-\n/u);

    // Every word is whole: in poppler's flowing text (it joins a word broken at a line
    // end), and in pdf.js's lines once such breaks are joined.
    const joined = pdfjs.replace(/(\p{L})-\n(\p{L})/gu, '$1$2');
    for (const word of words[lang].split(' ')) {
      expect(poppler, `pdftotext: ${word}`).toContain(word);
      if (!/f[filt]/.test(word)) expect(joined, `pdf.js: ${word}`).toContain(word);
    }
  });
});

describe('the PDF checker', () => {
  it('passes every PDF printed here, through either rewrite', async () => {
    expect(await checkPdfsIn(dir)).toEqual({checked: cases.length, problems: []});
  });
});
