import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import sharp from 'sharp';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {TextItem, TextMarkedContent} from 'pdfjs-dist/types/src/display/api.js';
import {decodePDFRawStream, PDFDocument, PDFName, PDFRawStream} from 'pdf-lib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {checkPdf, findingLines} from '../../src/check/pdf/check-pdf.js';

/**
 * PDF/UA where Chrome leaves it short, read back from real prints of the sample and of a
 * manuscript with figures, a decorative image, a table, links and a footnote, through
 * both rewrites (the fast path and `BRIEFING_PDF_REWRITE=pdf-lib`).
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = 'manuscripts/us-china-leaders-call.md';

const figures = `---
title: Figures & furniture
authors: [Pat Tester]
lang: en
date: 2025-01-02
---

An opening paragraph with a [web link](https://example.org/report) and a note.[^1]

## Soundings

:::pullquote
The channel is deeper than the charts say
:::

![Soundings along the eastern channel](soundings.png)

![](rule.png)

| Berth | Depth |
| ----- | ----: |
| North | 4.5 m |

[^1]: Measured in June.
`;

interface Read {
  /** Per page: text outside any marked content. */
  readonly bare: string[];
  /** Text inside tagged (MCID) content, in content order. */
  readonly tagged: string;
  /** Text inside artifacts. */
  readonly artifacts: string;
  /** `/Alt` of every Figure in the structure tree, in tree order. */
  readonly figureAlts: Array<string | undefined>;
}

async function readBack(bytes: Uint8Array): Promise<Read> {
  const document = await getDocument({data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0}).promise;
  const bare: string[] = [];
  let tagged = '';
  let artifacts = '';
  const figureAlts: Array<string | undefined> = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const items = (await page.getTextContent({includeMarkedContent: true})).items as Array<TextItem | TextMarkedContent>;
      const stack: string[] = [];
      let pageBare = '';
      for (const item of items) {
        if ('type' in item && (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')) stack.push(item.id ? 'tagged' : ((item as TextMarkedContent & {tag?: string}).tag ?? ''));
        else if ('type' in item && item.type === 'endMarkedContent') stack.pop();
        else if ('str' in item) {
          if (stack.includes('Artifact')) artifacts += `${item.str} `;
          else if (stack.includes('tagged')) tagged += `${item.str} `;
          else pageBare += item.str;
        }
      }
      bare.push(pageBare.trim());
      const walk = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const {role, alt, children} = node as {role?: string; alt?: string; children?: unknown[]};
        if (role === 'Figure') figureAlts.push(alt);
        for (const child of children ?? []) walk(child);
      };
      walk(await page.getStructTree());
    }
  } finally {
    await document.destroy();
  }
  return {bare, tagged: tagged.replace(/\s+/g, ' '), artifacts: artifacts.replace(/\s+/g, ' '), figureAlts};
}

let dir: string;
const pdfs = new Map<string, Uint8Array>();
const files = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-pdfua-'));
  await writeFile(path.join(dir, 'figures.md'), figures);
  await sharp({create: {width: 60, height: 30, channels: 3, background: '#1d4e89'}}).png().toFile(path.join(dir, 'soundings.png'));
  await sharp({create: {width: 60, height: 2, channels: 3, background: '#999999'}}).png().toFile(path.join(dir, 'rule.png'));
  const saved = process.env['BRIEFING_PDF_REWRITE'];
  try {
    for (const mode of ['fast', 'pdf-lib']) {
      if (mode === 'pdf-lib') process.env['BRIEFING_PDF_REWRITE'] = 'pdf-lib';
      const outDir = path.join(dir, mode);
      const sampleReport = await build([path.join(root, sample)], {cwd: root, outDir});
      const figuresReport = await build(['figures.md'], {cwd: dir, outDir});
      expect(sampleReport.ok && figuresReport.ok).toBe(true);
      for (const name of ['us-china-leaders-call', 'figures']) {
        const file = path.join(outDir, `${name}.pdf`);
        files.set(`${mode}/${name}`, file);
        pdfs.set(`${mode}/${name}`, new Uint8Array(await readFile(file)));
      }
    }
  } finally {
    if (saved === undefined) delete process.env['BRIEFING_PDF_REWRITE'];
    else process.env['BRIEFING_PDF_REWRITE'] = saved;
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe.each(['fast', 'pdf-lib'])('PDF/UA read back (%s rewrite)', (mode) => {
  it('has an XMP metadata stream (pdfinfo) and a structure tree poppler reads without error', async () => {
    for (const name of ['us-china-leaders-call', 'figures']) {
      const file = files.get(`${mode}/${name}`) as string;
      const {stdout} = await run('pdfinfo', [file]);
      expect(stdout).toMatch(/^Metadata Stream: yes$/m);
      const struct = await run('pdfinfo', ['-struct', file]);
      expect(struct.stderr).toBe('');
      expect(struct.stdout).toMatch(/^Document$/m);
    }
  });

  it('passes the PDF checker (every machine-checked Matterhorn condition)', async () => {
    for (const name of ['us-china-leaders-call', 'figures']) {
      expect(findingLines(`${name}.pdf`, await checkPdf(pdfs.get(`${mode}/${name}`) as Uint8Array))).toEqual([]);
    }
  });

  it('draws no text outside marked content: header, footer and byline are artifacts on every page', async () => {
    const read = await readBack(pdfs.get(`${mode}/us-china-leaders-call`) as Uint8Array);
    expect(read.bare.length).toBe(4);
    expect(read.bare).toEqual(['', '', '', '']);
    for (let page = 1; page <= 4; page++) expect(read.artifacts).toContain(`Page ${page} of 4`);
    expect(read.artifacts).toContain('Elbrus Mamedov');
    expect(read.tagged).not.toMatch(/Page \d of 4/);
  });

  it('marks the running footer as a pagination footer on every page, and the running header as a header after the first', async () => {
    const doc = await PDFDocument.load(pdfs.get(`${mode}/us-china-leaders-call`) as Uint8Array);
    for (const [index, page] of doc.getPages().entries()) {
      const stream = page.node.lookup(PDFName.of('Contents'));
      if (!(stream instanceof PDFRawStream)) throw new Error('no content stream');
      const content = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      expect(content).toContain('/Artifact <</Type /Pagination /Subtype /Footer>> BDC');
      if (index > 0) expect(content).toContain('/Artifact <</Type /Pagination /Subtype /Header>> BDC');
    }
  });

  it('reads each pull quote once: its lifted copy is an artifact', async () => {
    const manuscript = await readFile(path.join(root, sample), 'utf8');
    const quotes = [...manuscript.matchAll(/:pullquote\[([^\]]+)\]/g)].map((match) => match[1] ?? '');
    expect(quotes.length).toBeGreaterThan(0);
    const read = await readBack(pdfs.get(`${mode}/us-china-leaders-call`) as Uint8Array);
    const squash = (text: string): string => text.replace(/[\s\u00AD\-‐“”"]/g, '').toLowerCase();
    for (const quote of quotes) {
      const words = squash(quote);
      expect(squash(read.tagged).split(words).length - 1).toBe(1);
      expect(squash(read.artifacts)).toContain(words.slice(0, 20));
    }
  });

  it('gives the figure its alternative text, and makes the decorative image and the figure wrapper no empty figures', async () => {
    const read = await readBack(pdfs.get(`${mode}/figures`) as Uint8Array);
    expect(read.figureAlts).toEqual(['Soundings along the eastern channel']);
    expect(read.bare.every((text) => text === '')).toBe(true);
  });

  it('describes each link annotation by the words of its link', async () => {
    const document = await getDocument({data: new Uint8Array(pdfs.get(`${mode}/figures`) as Uint8Array), isEvalSupported: false, verbosity: 0}).promise;
    try {
      const annotations = (await (await document.getPage(1)).getAnnotations()) as Array<{subtype: string; url?: string; contentsObj?: {str: string}}>;
      const links = annotations.filter((annotation) => annotation.subtype === 'Link');
      expect(links.length).toBeGreaterThanOrEqual(3);
      expect(links.find((link) => link.url === 'https://example.org/report')?.contentsObj?.str).toBe('web link');
      for (const link of links) expect(link.contentsObj?.str.trim()).toBeTruthy();
    } finally {
      await document.destroy();
    }
  });

  it('maps no shown glyph to U+0000: ligatures across soft hyphens read as their letters', async () => {
    const read = await readBack(pdfs.get(`${mode}/us-china-leaders-call`) as Uint8Array);
    expect(read.tagged).not.toContain('\u0000');
    expect(read.tagged).toMatch(/ffi/);
  });
});
