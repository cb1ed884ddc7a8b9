import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js';

/** The text of one page, and the part of it printed in the top margin. */
export interface PageText {
  readonly width: number;
  readonly height: number;
  /** All text, runs joined as laid out, line ends as `\n`. */
  readonly text: string;
  /** Text whose baseline lies above `top` points from the top edge (the running header). */
  readonly header: string;
}

/**
 * Read every page's text with pdf.js, in-process.
 *
 * @param bytes
 *   The PDF.
 * @param top
 *   Height of the top margin, in points.
 * @returns
 *   One entry per page.
 */
export async function readPages(bytes: Uint8Array, top: number): Promise<PageText[]> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const document = await getDocument({data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0}).promise;
  try {
    const pages: PageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const {width, height} = page.getViewport({scale: 1});
      const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
      const join = (list: TextItem[]): string => list.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
      pages.push({
        width,
        height,
        text: join(items),
        header: join(items.filter((item) => (item.transform[5] as number) > height - top))
      });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/**
 * Text reduced to what survives layout: no white space, no hyphens (hyphenation breaks
 * words at line ends), no dashes, straight quotes. Compare text with text, both squashed.
 *
 * @param text
 *   Text from a manuscript or a PDF.
 * @returns
 *   Squashed text.
 */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00AD\-\u2010\u2011\u2013\u2014]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"');
}
