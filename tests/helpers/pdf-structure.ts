import {PDFArray, PDFDict, PDFDocument, PDFName} from 'pdf-lib';

/** A font a PDF page uses, and whether its program is embedded. */
export interface UsedFont {
  readonly name: string;
  readonly embedded: boolean;
}

/**
 * Every font every page uses (descending into Type0 fonts to their descendant's
 * descriptor), with whether the font program is in the file.
 *
 * @param doc
 *   A loaded PDF.
 * @returns
 *   The fonts, one entry per use.
 */
export function usedFonts(doc: PDFDocument): UsedFont[] {
  const fonts: UsedFont[] = [];
  for (const page of doc.getPages()) {
    const dict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    for (const key of dict?.keys() ?? []) {
      const font = dict?.lookup(key, PDFDict);
      const described = font?.get(PDFName.of('Subtype')) === PDFName.of('Type0') ? font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict) : font;
      const descriptor = described?.lookup(PDFName.of('FontDescriptor'), PDFDict);
      fonts.push({
        name: String(font?.get(PDFName.of('BaseFont')) ?? key),
        embedded: ['FontFile', 'FontFile2', 'FontFile3'].some((file) => descriptor?.has(PDFName.of(file)) === true)
      });
    }
  }
  return fonts;
}
