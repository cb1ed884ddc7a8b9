import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PDFDict, PDFDocument, PDFName, PDFString, PDFHexString} from 'pdf-lib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {checkPdf, findingLines} from '../../src/check/pdf/check-pdf.js';

/**
 * Natural language of text that differs from the document's (PDF/UA-1 7.2, Matterhorn
 * 11-001): briefing's own words are English in a language it has no words for, and the
 * elements that hold them say `lang="en"`, which Chromium writes as the structure
 * element's `/Lang`. Read back from the PDF: which structure elements carry `/Lang (en)`.
 */
const swahili = (matter: string): string => `---
title: Ripoti ya bandari
lang: sw
${matter}
---

Bodi ya bandari ilikutana Alhamisi kujadili [ripoti ya Juni](https://example.org/ripoti).[^1]

[^1]: Kwa mujibu wa bodi ya bandari.
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-label-lang-'));
  await writeFile(path.join(dir, 'print.md'), swahili('edition: print\nsummary: [Bandari imefunguliwa tena.]'));
  await writeFile(path.join(dir, 'memo.md'), swahili('template: memo\nauthors: [Pat Tester]\ndate: 2025-03-14\nsummary: [Bandari imefunguliwa tena.]'));
  await writeFile(path.join(dir, 'labelled.md'), `${swahili('edition: screen')}\n:::summary[Muhtasari]\n- Bandari imefunguliwa tena.\n:::\n`);
  await writeFile(path.join(dir, 'french.md'), swahili('edition: print\nsummary: [Le port a rouvert.]').replace('lang: sw', 'lang: fr'));
  const report = await build([dir], {cwd: dir, outDir: path.join(dir, 'out'), formats: ['pdf']});
  expect(report.documents.filter((document) => !document.ok).map((document) => document.input)).toEqual([]);
}, 120_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** Each structure element with a `/Lang` of its own (Chromium gives the `Document` the page's): its type and language, sorted. */
async function languages(name: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(path.join(dir, 'out', `${name}.pdf`)), {updateMetadata: false});
  const found: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
    const lang = object.get(PDFName.of('Lang'));
    if (lang instanceof PDFString || lang instanceof PDFHexString) found.push(`${(object.get(PDFName.of('S')) as PDFName).decodeText()} ${lang.decodeText()}`);
  }
  return found.sort();
}

describe('briefing’s own words in a language it has none for', () => {
  it('are English, and each heading that holds them is /Lang (en): summary, notes, links', async () => {
    expect(await languages('print')).toEqual(['Document sw', 'H2 en', 'H2 en', 'H2 en']);
  });

  it('in the memo, its labels too (Memorandum, From, Date, Subject)', async () => {
    // The summary and notes headings, the memo's kind (a paragraph) and its three field labels.
    const found = (await languages('memo')).filter((entry) => entry !== 'Document sw');
    expect(found.filter((entry) => entry === 'H2 en')).toHaveLength(2);
    expect(found.filter((entry) => entry !== 'H2 en')).toHaveLength(4);
    expect(found.every((entry) => entry.endsWith(' en'))).toBe(true);
  });

  it('leave the author’s own label in the document’s language, and a language briefing has alone', async () => {
    // Only the notes heading is briefing's.
    expect(await languages('labelled')).toEqual(['Document sw', 'H2 en']);
    expect(await languages('french')).toEqual(['Document fr']);
  });

  it('pass the PDF checker', async () => {
    for (const name of ['print', 'memo', 'labelled', 'french']) {
      const pdf = new Uint8Array(await readFile(path.join(dir, 'out', `${name}.pdf`)));
      expect(findingLines(`${name}.pdf`, await checkPdf(pdf))).toEqual([]);
    }
  });
});
