import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {deflateSync} from 'node:zlib';
import {decodePDFRawStream, PDFDocument, PDFName, PDFRawStream, PDFString, StandardFonts} from 'pdf-lib';
import {inflateSync} from 'node:zlib';
import {markArtifacts} from '../../src/pdf/artifact-marks.js';
import {describe, expect, it} from 'vitest';
import {rewriteChromePdf, setPdfMetadata, type PdfMetadata} from '../../src/pdf/pdf-metadata.js';

const run = promisify(execFile);

const metadata: PdfMetadata = {
  title: 'The Xi–Trump Call: 中美 (Tactical) \\ Pause',
  authors: ['Elbrus Mamedov', 'Ана Ковач'],
  subject: 'A summary, with “quotes”',
  keywords: ['China', 'United States'],
  creator: 'briefing 9.9.9',
  producer: 'briefing 9.9.9 (HeadlessChrome/1.2.3)',
  lang: 'en',
  date: new Date('2025-06-06T00:00:00Z')
};

/** Stream data that contains PDF keywords, to prove object ends are not searched for. */
const trickyContent = 'BT /F1 12 Tf 20 100 Td (endobj trailer startxref %%EOF) Tj ET';
const binaryContent = deflateSync(Buffer.from('BT /F1 18 Tf 20 150 Td (Second page) Tj ET', 'latin1'));

/**
 * A PDF laid out as Chrome (Skia) writes one: objects in order, one classic
 * cross-reference table, a trailer naming `/Root` and `/Info`.
 */
function classicPdf({lang = 'en', prev = false, id = false} = {}): Uint8Array {
  const objects: Array<string | Buffer> = [
    "<</Title <FEFF004F006C0064>\n/Creator (Chromium)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261128082704+00'00')>>",
    `<</Type /Catalog\n/Pages 3 0 R\n/Lang (${lang})>>`,
    '<</Type /Pages\n/Kids [4 0 R 6 0 R]\n/Count 2>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 200 200]\n/Contents 5 0 R\n/Resources <</Font <</F1 7 0 R>>>>>>',
    `<</Length ${trickyContent.length}>> stream\n${trickyContent}\nendstream`,
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 200 200]\n/Contents 8 0 R\n/Resources <</Font <</F1 7 0 R>>>>>>',
    '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>',
    Buffer.concat([Buffer.from(`<</Filter /FlateDecode\n/Length ${binaryContent.length}>> stream\n`, 'latin1'), binaryContent, Buffer.from('\nendstream', 'latin1')])
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1')];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  for (const [index, body] of objects.entries()) {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), Buffer.from(body), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    offset += chunk.length;
  }
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R${prev ? '\n/Prev 9' : ''}${id ? '\n/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]' : ''}>>\nstartxref\n${offset}\n%%EOF`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

async function qpdfCheck(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-pdf-metadata-'));
  try {
    const file = path.join(dir, 'x.pdf');
    await writeFile(file, bytes);
    const {stdout} = await run('qpdf', ['--check', file]);
    return stdout;
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

async function expectMetadata(bytes: Uint8Array, lang: string): Promise<PDFDocument> {
  const doc = await PDFDocument.load(bytes, {updateMetadata: false});
  expect(doc.getTitle()).toBe(metadata.title);
  expect(doc.getAuthor()).toBe('Elbrus Mamedov, Ана Ковач');
  expect(doc.getSubject()).toBe(metadata.subject);
  expect(doc.getKeywords()).toBe('China, United States');
  expect(doc.getCreator()).toBe(metadata.creator);
  expect(doc.getProducer()).toBe(metadata.producer);
  expect(doc.getCreationDate()?.toISOString()).toBe('2025-06-06T00:00:00.000Z');
  expect(doc.getModificationDate()?.toISOString()).toBe('2025-06-06T00:00:00.000Z');
  expect((doc.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe(lang);
  expect(doc.getPageCount()).toBe(2);
  return doc;
}

function contents(doc: PDFDocument, page: number): string {
  const stream = doc.getPage(page).node.lookup(PDFName.of('Contents'));
  if (!(stream instanceof PDFRawStream)) throw new Error('no content stream');
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

describe('setPdfMetadata on a PDF laid out as Chrome writes it', () => {
  it('sets every field, keeps the pages and their streams (bare content marked as artifacts), and counts the pages', async () => {
    const source = classicPdf();
    const {bytes, pages} = await setPdfMetadata(source, metadata);
    expect(pages).toBe(2);
    const doc = await expectMetadata(bytes, 'en');
    expect(contents(doc, 0)).toBe(markArtifacts(trickyContent));
    expect(contents(doc, 1)).toBe(markArtifacts(inflateSync(binaryContent).toString('latin1')));
    expect(contents(doc, 0)).toContain('(endobj trailer startxref %%EOF) Tj');
  });

  it('writes a structurally valid PDF 1.7 with its objects packed into a compressed object stream', async () => {
    const {bytes} = rewriteChromePdf(classicPdf(), metadata) ?? {bytes: new Uint8Array()};
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    expect(text).toContain('/Type /ObjStm');
    expect(text).toContain('/Type /XRef');
    // The old dictionary's values are gone, not merely superseded.
    expect(text).not.toContain('Chromium');
    expect(text).not.toContain('Skia');
    expect(await qpdfCheck(bytes)).toContain('No syntax or stream encoding errors found');
  });

  it('keeps the file identifier', async () => {
    const {bytes} = rewriteChromePdf(classicPdf({id: true}), metadata) ?? {bytes: new Uint8Array()};
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain('/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]');
    expect(await qpdfCheck(bytes)).toContain('No syntax or stream encoding errors found');
  });

  it('gives the same bytes for the same input', () => {
    const first = rewriteChromePdf(classicPdf(), metadata);
    const second = rewriteChromePdf(classicPdf(), metadata);
    expect(first).toBeDefined();
    expect(Buffer.from(first?.bytes ?? []).equals(Buffer.from(second?.bytes ?? []))).toBe(true);
  });
});

describe('setPdfMetadata on other PDFs (through pdf-lib)', () => {
  it('sets the catalog language when Chrome wrote another one', async () => {
    const source = classicPdf({lang: 'fr'});
    expect(rewriteChromePdf(source, metadata)).toBeUndefined();
    const {bytes, pages} = await setPdfMetadata(source, metadata);
    expect(pages).toBe(2);
    await expectMetadata(bytes, 'en');
  });

  it('handles a PDF that already uses object and cross-reference streams', async () => {
    const made = await PDFDocument.create();
    const font = await made.embedFont(StandardFonts.Helvetica);
    for (let page = 0; page < 2; page++) made.addPage([200, 200]).drawText(`Page ${page + 1}`, {font, x: 20, y: 100});
    const source = await made.save({useObjectStreams: true});
    expect(rewriteChromePdf(source, metadata)).toBeUndefined();
    const {bytes, pages} = await setPdfMetadata(source, metadata);
    expect(pages).toBe(2);
    await expectMetadata(bytes, 'en');
    expect(await qpdfCheck(bytes)).toContain('No syntax or stream encoding errors found');
  });

  it('leaves a file with earlier revisions to pdf-lib', () => {
    expect(rewriteChromePdf(classicPdf({prev: true}), metadata)).toBeUndefined();
  });
});
