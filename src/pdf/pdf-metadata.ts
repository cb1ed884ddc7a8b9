import {createHash} from 'node:crypto';
import {deflateSync} from 'node:zlib';
import type * as PdfLib from 'pdf-lib';
import {makeAccessible, makeAccessibleWithPdfLib, type PageText} from './pdf-accessibility.js';
import {decodeContents, encodeContents} from './page-contents.js';
import {completeClusterText, completeClusterTextWithPdfLib, flateStream, openStream} from './text-layer-clusters.js';
import {removeSoftHyphenMarks, streamWithoutSoftHyphenMarks, withoutSoftHyphenMarks} from './text-layer-soft-hyphens.js';
import type {XmpFields} from './xmp-metadata.js';
import {isDictionary, isStream, reference} from './pdf-object-text.js';

/**
 * What a briefing's PDF says about itself: the XMP packet's fields (the date being the
 * front matter's `date`, `SOURCE_DATE_EPOCH`, or now), and which standard it claims.
 */
export interface PdfMetadata extends Omit<XmpFields, 'pdfA'> {
  /** The page's headings and links as written: the outline's titles, the links' descriptions. */
  readonly page?: PageText | undefined;
  /** `a-2b` to claim PDF/A-2b beside PDF/UA-1 (which every PDF claims). */
  readonly standard?: 'a-2b' | undefined;
}

/** The XMP packet's fields for a PDF's metadata. */
function xmpFields(metadata: PdfMetadata): XmpFields {
  return {...metadata, pdfA: metadata.standard === 'a-2b'};
}

/** A PDF with its metadata set, and its page count. */
export interface PdfWithMetadata {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * Write the document information dictionary and `/Lang`. Chrome writes only the title;
 * mail clients, document managers and screen readers read the rest. Everything Chrome
 * made (tag tree, outline, links) is carried over untouched, but for the soft hyphens'
 * text marks in page content (`text-layer-soft-hyphens.ts`).
 *
 * Chrome's PDFs have one classic cross-reference table and are written afresh from their
 * object boundaries alone (a few milliseconds; see `rewriteChromePdf`). Any other structure,
 * or a catalog without the right `/Lang`, goes through pdf-lib, which parses every object
 * and takes ten times as long. `BRIEFING_PDF_REWRITE=pdf-lib` sends every PDF through
 * pdf-lib: a way round the fast path should a Chrome release write a file it mishandles,
 * and how the tests reach the general path from the bundled CLI (Chrome itself writes
 * every `/Lang` as it is given, so no manuscript leads there).
 *
 * @param {Uint8Array} pdf
 *   Chrome's PDF.
 * @param {PdfMetadata} metadata
 *   Values to set.
 * @returns {Promise<PdfWithMetadata>}
 *   The new PDF and its page count.
 */
export async function setPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<PdfWithMetadata> {
  const fast = process.env['BRIEFING_PDF_REWRITE'] === 'pdf-lib' ? undefined : rewriteChromePdf(pdf, metadata);
  return fast ?? (await rewriteWithPdfLib(pdf, metadata));
}

/**
 * Rewrite a PDF with a single classic cross-reference table, as Chrome writes them:
 * the information dictionary is replaced, and every object that is not a stream goes
 * into one compressed object stream indexed by a cross-reference stream (PDF 1.5), as
 * pdf-lib's `useObjectStreams` does. A tagged PDF's structure tree is most of its
 * objects, so this keeps the file about a seventh smaller than Chrome's.
 *
 * @param {Uint8Array} pdf
 *   The PDF.
 * @param {PdfMetadata} metadata
 *   Values to set.
 * @returns {PdfWithMetadata | undefined}
 *   The new PDF, or undefined when its structure is not the simple one this handles.
 */
export function rewriteChromePdf(pdf: Uint8Array, metadata: PdfMetadata): PdfWithMetadata | undefined {
  const parsed = parseClassicPdf(pdf);
  if (!parsed) return undefined;
  const {objects, trailer} = parsed;
  const info = reference(trailer, 'Info');
  const root = reference(trailer, 'Root');
  const old = info === undefined ? undefined : objects.get(info);
  const catalog = root === undefined ? undefined : objects.get(root);
  if (info === undefined || root === undefined || !old || !catalog || !isDictionary(old)) return undefined;
  // Chrome writes `/Lang` from the page's `lang`; when that is not the manuscript's, the
  // catalog must change too, which pdf-lib does.
  if (!new RegExp(`/Lang\\s*\\(${escapeRegExp(pdfLiteral(metadata.lang))}\\)`).test(catalog)) return undefined;
  const pagesRef = reference(catalog, 'Pages');
  const pages = /\/Count\s+(\d+)/.exec(pagesRef === undefined ? '' : (objects.get(pagesRef) ?? ''));
  if (!pages) return undefined;
  objects.set(info, infoDictionary(metadata));
  // Page content is inflated, and its soft hyphens' marks removed, once for all the passes.
  const contents = decodeContents(objects, openStream, withoutSoftHyphenMarks);
  const size = makeAccessible(objects, completeClusterText(objects, parsed.size), root, xmpFields(metadata), metadata.page);
  encodeContents(objects, contents, flateStream);

  // Object `size` is the object stream, `size + 1` the cross-reference stream.
  const objectStream = size;
  const xrefStream = size + 1;
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  // Per object: [type, field 2, field 3] of its cross-reference stream entry.
  const entries: Array<[number, number, number]> = [[0, 0, 65535]];
  const packed: string[] = [];
  let header = '';
  let packedLength = 0;
  const emit = (text: string): void => {
    const chunk = Buffer.from(text, 'latin1');
    chunks.push(chunk);
    offset += chunk.length;
  };
  for (let number = 1; number < size; number++) {
    const body = objects.get(number);
    if (body === undefined) {
      entries.push([0, 0, 0]);
    } else if (isStream(body)) {
      entries.push([1, offset, 0]);
      emit(`${number} 0 obj\n${contents.has(number) ? body : streamWithoutSoftHyphenMarks(body)}\nendobj\n`);
    } else {
      entries.push([2, objectStream, packed.length]);
      header += `${number} ${packedLength} `;
      packed.push(body);
      packedLength += body.length + 1;
    }
  }
  const content = `${header}\n${packed.join('\n')}\n`;
  const first = header.length + 1;
  const compressed = deflateSync(Buffer.from(content, 'latin1'));
  entries.push([1, offset, 0]);
  emit(`${objectStream} 0 obj\n<</Type /ObjStm /N ${packed.length} /First ${first} /Filter /FlateDecode /Length ${compressed.length}>>\nstream\n`);
  chunks.push(compressed);
  offset += compressed.length;
  emit('\nendstream\nendobj\n');

  const xrefOffset = offset;
  entries.push([1, xrefOffset, 0]);
  const table = Buffer.alloc(entries.length * 7);
  for (const [index, [type, field2, field3]] of entries.entries()) {
    table.writeUInt8(type, index * 7);
    table.writeUInt32BE(field2, index * 7 + 1);
    table.writeUInt16BE(field3, index * 7 + 5);
  }
  const xref = deflateSync(table);
  // A file identifier, when there is one, is kept (Chrome writes none today); else it is
  // made from the file's content, so the same document gets the same one (PDF/A needs one).
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0] ?? fileIdentifier(Buffer.concat(chunks));
  emit(`${xrefStream} 0 obj\n<</Type /XRef /Size ${xrefStream + 1} /W [1 4 2] /Root ${root} 0 R /Info ${info} 0 R ${id} /Filter /FlateDecode /Length ${xref.length}>>\nstream\n`);
  chunks.push(xref);
  emit(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
  const bytes = Buffer.concat(chunks);
  return {bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages: Number(pages[1])};
}

/** A PDF read as objects: each object's text between `n 0 obj` and `endobj`. */
interface ClassicPdf {
  readonly objects: Map<number, string>;
  /** The trailer dictionary's text, without `<<` and `>>`. */
  readonly trailer: string;
  /** One more than the highest object number. */
  readonly size: number;
}

/**
 * Read a PDF that has one classic cross-reference table, every object at generation 0,
 * no encryption and no earlier revisions. Each object runs from its offset to the next
 * object's (or the table), so stream data is never searched.
 *
 * @param {Uint8Array} pdf
 *   The PDF.
 * @returns {ClassicPdf | undefined}
 *   Its objects, or undefined for any other structure.
 */
function parseClassicPdf(pdf: Uint8Array): ClassicPdf | undefined {
  // Latin-1 maps each byte to one character, so string offsets are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) return undefined;
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!end) return undefined;
  const xrefOffset = Number(end[1]);
  const table = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(xrefOffset, xrefOffset + 32));
  if (!table) return undefined;
  const size = Number(table[1]);
  const entriesStart = xrefOffset + table[0].length;
  const starts: Array<[number, number]> = [];
  for (let number = 0; number < size; number++) {
    const at = entriesStart + number * 20;
    const entry = /^(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)$/.exec(text.slice(at, at + 20));
    if (!entry) return undefined;
    if (entry[3] !== 'n') continue;
    if (entry[2] !== '00000') return undefined;
    starts.push([number, Number(entry[1])]);
  }
  const trailer = /^\s*trailer\s*<<([^]*?)>>\s*startxref\s/.exec(text.slice(entriesStart + size * 20));
  // A second table, an encrypted file or a hybrid file is not the simple case.
  if (!trailer || /\/(Prev|Encrypt|XRefStm)\b/.test(trailer[1] ?? '')) return undefined;

  const objects = new Map<number, string>();
  starts.sort((a, b) => a[1] - b[1]);
  for (const [index, [number, start]] of starts.entries()) {
    const stop = starts[index + 1]?.[1] ?? xrefOffset;
    const object = new RegExp(`^${number}\\s+0\\s+obj\\b([^]*)\\bendobj\\s*$`).exec(text.slice(start, stop));
    if (!object || stop > xrefOffset) return undefined;
    objects.set(number, (object[1] ?? '').trim());
  }
  return {objects, trailer: trailer[1] ?? '', size};
}

/**
 * The information dictionary: every text as UTF-16 (so any script survives), dates in
 * UTC.
 *
 * @param {PdfMetadata} metadata
 *   Values to set.
 * @returns {string}
 *   `<< … >>`, all ASCII.
 */
function infoDictionary(metadata: PdfMetadata): string {
  const entries: Array<[string, string]> = [['Title', metadata.title]];
  if (metadata.authors.length > 0) entries.push(['Author', metadata.authors.join(', ')]);
  if (metadata.subject) entries.push(['Subject', metadata.subject]);
  // Commas, not spaces, between keywords: "United States" stays one keyword.
  if (metadata.keywords.length > 0) entries.push(['Keywords', metadata.keywords.join(', ')]);
  entries.push(['Creator', metadata.creator], ['Producer', metadata.producer]);
  const date = `(D:${metadata.date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:T]/g, '')})`;
  const lines = entries.map(([key, value]) => `/${key} ${pdfTextString(value)}`);
  lines.push(`/CreationDate ${date}`, `/ModDate ${date}`);
  return `<<${lines.join('\n')}>>`;
}

/** `/ID [<…> <…>]`: both parts the MD5 digest of what the file holds (ISO 32000-1, 14.4). */
function fileIdentifier(content: Uint8Array): string {
  const digest = createHash('md5').update(content).digest('hex').toUpperCase();
  return `/ID [<${digest}> <${digest}>]`;
}

/** A PDF text string in UTF-16BE with a byte order mark, as hexadecimal. */
function pdfTextString(value: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < value.length; index++) hex += value.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A value as it appears inside a PDF literal string `( … )`. */
function pdfLiteral(value: string): string {
  return value.replace(/[\\()]/g, '\\$&');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The general path: pdf-lib parses the whole file and writes it again.
 *
 * @param {Uint8Array} pdf
 *   Any PDF.
 * @param {PdfMetadata} metadata
 *   Values to set.
 * @returns {Promise<PdfWithMetadata>}
 *   The new PDF and its page count.
 */
async function rewriteWithPdfLib(pdf: Uint8Array, metadata: PdfMetadata): Promise<PdfWithMetadata> {
  const pdfLib = await import('pdf-lib');
  const {PDFDocument, PDFName, PDFString} = pdfLib;
  const doc = await PDFDocument.load(pdf, {updateMetadata: false});
  removeSoftHyphenMarks(doc, pdfLib);
  completeClusterTextWithPdfLib(doc, pdfLib);
  if (!doc.context.trailerInfo.ID) {
    const digest = createHash('md5').update(pdf).update(JSON.stringify(metadata)).digest();
    doc.context.trailerInfo.ID = pdfLib.PDFArray.withContext(doc.context);
    for (let part = 0; part < 2; part++) (doc.context.trailerInfo.ID as PdfLib.PDFArray).push(pdfLib.PDFHexString.of(digest.toString('hex').toUpperCase()));
  }
  doc.setTitle(metadata.title, {showInWindowTitleBar: true});
  if (metadata.authors.length > 0) doc.setAuthor(metadata.authors.join(', '));
  if (metadata.subject) doc.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces, which splits "United States" in two; commas don't.
  if (metadata.keywords.length > 0) doc.setKeywords([metadata.keywords.join(', ')]);
  doc.setCreator(metadata.creator);
  doc.setProducer(metadata.producer);
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(metadata.lang));
  // Last: the catalog is written out and parsed back, so `doc.catalog` no longer is it.
  makeAccessibleWithPdfLib(doc, pdfLib, xmpFields(metadata), metadata.page);
  const bytes = await doc.save({useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false});
  return {bytes, pages: doc.getPageCount()};
}
