import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {PDFDict, PDFDocument, PDFName, StandardFonts, type PDFFont, type PDFPage} from 'pdf-lib';
import {PNG} from 'pngjs';
import {listFonts} from '../helpers/pdf-fonts.js';
import {readGeometry} from '../helpers/pdf-geometry.js';
import {readLines} from '../helpers/pdf-lines.js';
import type {PdfReading} from '../helpers/pdf-reading.js';

/** Something to draw, in points from the page's top left (as poppler reports it). */
export type Mark =
  | {readonly text: string; readonly x: number; readonly y: number; readonly size?: number}
  | {readonly image: {readonly width: number; readonly height: number}; readonly x: number; readonly y: number}
  | {readonly type3: string; readonly x: number; readonly y: number};

/** The margins the invariants are told the hand-made pages have (one inch). */
export const margin = 72;

/**
 * A PDF made with pdf-lib to break (or keep) an invariant on purpose, A4, Helvetica
 * (not embedded), read back as the corpus harness reads a document.
 *
 * @param dir
 *   Folder to write it in.
 * @param name
 *   File name, without `.pdf`.
 * @param pages
 *   What to draw on each page.
 * @param lang
 *   The language the label check assumes.
 * @returns
 *   The reading.
 */
export async function makePdf(dir: string, name: string, pages: ReadonlyArray<readonly Mark[]>, lang = 'en'): Promise<PdfReading> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const png = PNG.sync.write(Object.assign(new PNG({width: 1, height: 1}), {data: Buffer.from([40, 80, 160, 255])}));
  const image = await doc.embedPng(png);
  for (const marks of pages) {
    const page = doc.addPage([595, 842]);
    for (const mark of marks) {
      if ('text' in mark) {
        const size = mark.size ?? 11;
        page.drawText(mark.text, {x: mark.x, y: 842 - mark.y - size * 0.8, size, font});
      } else if ('image' in mark) {
        page.drawImage(image, {x: mark.x, y: 842 - mark.y - mark.image.height, width: mark.image.width, height: mark.image.height});
      } else drawType3(doc, page, font, mark);
    }
  }
  await giveSoftHyphenItsCodePoint(doc, font);
  const file = path.join(dir, `${name}.pdf`);
  const bytes = await doc.save({useObjectStreams: false});
  await writeFile(file, bytes);
  const [lines, geometry, fonts] = await Promise.all([readLines(file), readGeometry(bytes), listFonts(file)]);
  return {lang, lines, geometry, fonts, margins: () => ({top: margin, bottom: margin})};
}

/**
 * In WinAnsi, code 0xAD reads as a plain hyphen; a ToUnicode map makes it U+00AD, as the
 * text layer of a browser's hyphenated text holds it.
 *
 * @param doc
 *   The document, drawn.
 * @param font
 *   Its Helvetica.
 */
async function giveSoftHyphenItsCodePoint(doc: PDFDocument, font: PDFFont): Promise<void> {
  await font.embed();
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    '1 beginbfrange <20> <7E> <0020> endbfrange',
    '1 beginbfchar <AD> <00AD> endbfchar',
    'endcmap CMapName currentdict /CMap defineresource pop end end'
  ].join('\n');
  doc.context.lookup(font.ref, PDFDict).set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(cmap)));
}

/**
 * Draw text in a Type 3 font (each glyph a filled square), as Chromium does when it has
 * to synthesise a face.
 *
 * @param doc
 *   The document.
 * @param page
 *   The page.
 * @param fallback
 *   A font whose widths stand in (unused for drawing).
 * @param mark
 *   What to draw.
 */
function drawType3(doc: PDFDocument, page: PDFPage, fallback: PDFFont, mark: {type3: string; x: number; y: number}): void {
  void fallback;
  const square = doc.context.flateStream('600 0 0 0 600 600 d1 0 0 600 600 re f');
  const font = doc.context.obj({
    Type: 'Font',
    Subtype: 'Type3',
    FontBBox: [0, 0, 600, 600],
    FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    CharProcs: {sq: doc.context.register(square)},
    Encoding: {Type: 'Encoding', Differences: [65, 'sq']},
    FirstChar: 65,
    LastChar: 65,
    Widths: [600]
  });
  const ref = doc.context.register(font);
  page.node.setFontDictionary(PDFName.of('T3'), ref);
  const text = 'A'.repeat(mark.type3.length);
  const content = doc.context.flateStream(`BT /T3 11 Tf ${mark.x} ${842 - mark.y - 9} Td (${text}) Tj ET`);
  page.node.addContentStream(doc.context.register(content));
}
