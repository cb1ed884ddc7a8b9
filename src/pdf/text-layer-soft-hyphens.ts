import {deflateSync, inflateSync} from 'node:zlib';
import type * as PdfLib from 'pdf-lib';
import type {PDFDocument} from 'pdf-lib';

/**
 * Where Chrome set a soft hyphen that does not break the line: an invisible glyph (the
 * font's space, drawn at no advance) marked as standing for U+00AD, positioned by the
 * operator before it. The positioning is kept; the glyph and its marks go. Only where the
 * next operator positions the next glyph afresh (`Td`, `Tm`) or ends the text (`ET`), so
 * no glyph after it moves by the removed one's advance.
 */
const softHyphenSpan =
  /\/Span\s*<<\s*\/ActualText\s*<feff00ad>\s*>>\s*BDC\s+((?:[-+\d.]+\s+){2}Td\s+|(?:[-+\d.]+\s+){6}Tm\s+)?(?:<[\da-f]*>\s*Tj|\[[^\]]*\]\s*TJ)\s*EMC\s*(?=(?:[-+\d.]+\s+){2}Td\b|(?:[-+\d.]+\s+){6}Tm\b|ET\b)/gi;

/**
 * Any other actual text (a ligature such as `ft` shaped across a soft hyphen stands for
 * `f`, U+00AD, `t`): its soft hyphens are dropped from the text it stands for.
 */
const actualText = /\/ActualText\s*<(feff(?:[\da-f]{4})+)>/gi;

/**
 * Remove the soft hyphens from a page content stream's text layer. Chrome marks each
 * soft hyphen of the page's text in the PDF with `/ActualText <FEFF00AD>`, so `pdftotext`,
 * poppler and PDFium viewers copy and search `ini­tia­tive` with U+00AD inside, and grep
 * finds no `initiative`. The hyphens drawn where a line breaks are ordinary glyphs and
 * stay, on the page and in the text; nothing drawn changes.
 *
 * @param {string} content
 *   The content stream's decoded data, as Latin-1 text (one character a byte).
 * @returns {string}
 *   The data without soft-hyphen marks.
 */
export function withoutSoftHyphenMarks(content: string): string {
  if (!content.includes('ActualText')) return content;
  return content.replace(softHyphenSpan, '$1').replace(actualText, (whole, hex: string) => {
    // UTF-16BE after its byte order mark, four hexadecimal digits a code unit.
    const units = hex.slice(4).match(/.{4}/g) ?? [];
    return units.some((unit) => unit.toLowerCase() === '00ad') ? `/ActualText <${hex.slice(0, 4)}${units.filter((unit) => unit.toLowerCase() !== '00ad').join('')}>` : whole;
  });
}

/**
 * The same for a whole stream object as it stands in the file (`<< … >> stream … endstream`,
 * Latin-1): a Flate-compressed stream whose only keys are `/Filter` and a direct `/Length`,
 * as Chrome writes content streams, is inflated, cleaned and compressed again. Any other
 * object comes back as it was.
 *
 * @param {string} object
 *   A stream object's text.
 * @returns {string}
 *   The object, with soft-hyphen marks removed from its data.
 */
export function streamWithoutSoftHyphenMarks(object: string): string {
  const head = /^<<\s*\/Filter\s*\/FlateDecode\s*\/Length\s+(\d+)\s*>>\s*stream\r?\n/.exec(object);
  if (!head) return object;
  const data = Buffer.from(object.slice(head[0].length, head[0].length + Number(head[1])), 'latin1');
  let content: string;
  try {
    content = inflateSync(data).toString('latin1');
  } catch {
    return object;
  }
  const cleaned = withoutSoftHyphenMarks(content);
  if (cleaned === content) return object;
  const compressed = deflateSync(Buffer.from(cleaned, 'latin1')).toString('latin1');
  return `<</Filter /FlateDecode\n/Length ${compressed.length}>>\nstream\n${compressed}\nendstream`;
}

/**
 * The same for a PDF that pdf-lib has loaded (the general path of `setPdfMetadata`):
 * each Flate-compressed stream with soft-hyphen marks is replaced by a cleaned copy.
 *
 * @param {PDFDocument} doc
 *   The loaded PDF, changed in place.
 * @param {Pick<typeof PdfLib, 'PDFRawStream' | 'PDFName' | 'decodePDFRawStream'>} lib
 *   pdf-lib, as the caller loaded it.
 */
export function removeSoftHyphenMarks(doc: PDFDocument, lib: Pick<typeof PdfLib, 'PDFRawStream' | 'PDFName' | 'decodePDFRawStream'>): void {
  const flate = lib.PDFName.of('FlateDecode');
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof lib.PDFRawStream) || object.dict.get(lib.PDFName.of('Filter')) !== flate || object.dict.has(lib.PDFName.of('Subtype'))) continue;
    let content: string;
    try {
      content = Buffer.from(lib.decodePDFRawStream(object).decode()).toString('latin1');
    } catch {
      continue;
    }
    const cleaned = withoutSoftHyphenMarks(content);
    if (cleaned !== content) doc.context.assign(ref, doc.context.flateStream(Buffer.from(cleaned, 'latin1')));
  }
}
