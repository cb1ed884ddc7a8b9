import {readFile} from 'node:fs/promises';
import {fromHtml} from 'hast-util-from-html';
import {select} from 'hast-util-select';
import {PDFDocument, PDFHexString, PDFName, PDFString} from 'pdf-lib';
import {pageMargins, type PageMargins} from './page-area.js';
import {listFonts, type ListedFont} from './pdf-fonts.js';
import {readGeometry, type PageGeometry} from './pdf-geometry.js';
import {readLines, type LinePage} from './pdf-lines.js';

/** Everything the invariants look at, read back from one printed PDF. */
export interface PdfReading {
  /** The document's language: the PDF catalogue's `/Lang`, else the HTML's `lang`, else `en`. */
  readonly lang: string;
  /** Lines and blocks by poppler, one entry per page. */
  readonly lines: readonly LinePage[];
  /** Text runs and images by pdf.js, one entry per page. */
  readonly geometry: readonly PageGeometry[];
  readonly fonts: readonly ListedFont[];
  /** The vertical margins of page `number` (1-based), from the `@page` rules it was printed with. */
  readonly margins: (number: number) => PageMargins;
}

/**
 * Read a PDF back with poppler and pdf.js, and the page margins from its HTML twin.
 *
 * @param pdf
 *   The PDF file.
 * @param html
 *   The HTML file printed into it (for its `@page` rules only; the text is never taken from it).
 * @returns
 *   The reading.
 */
export async function readPdf(pdf: string, html: string): Promise<PdfReading> {
  const [bytes, markup] = await Promise.all([readFile(pdf), readFile(html, 'utf8')]);
  const [lines, geometry, fonts, loaded] = await Promise.all([
    readLines(pdf),
    readGeometry(bytes),
    listFonts(pdf),
    PDFDocument.load(bytes, {updateMetadata: false})
  ]);
  if (lines.length !== geometry.length) throw new Error(`poppler reads ${lines.length} pages, pdf.js ${geometry.length}`);
  const catalogLang = loaded.catalog.lookup(PDFName.of('Lang'));
  const htmlLang = select('html', fromHtml(markup))?.properties['lang'];
  const lang =
    catalogLang instanceof PDFString || catalogLang instanceof PDFHexString ? catalogLang.decodeText() : typeof htmlLang === 'string' ? htmlLang : 'en';
  return {lang, lines, geometry, fonts, margins: pageMargins(markup)};
}
