import {getDocument, OPS} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js';
import type {Box} from './pdf-lines.js';

/** What pdf.js finds drawn on one page, in poppler's space (points, origin top left, y down). */
export interface PageGeometry {
  /** The page box (pdf.js's view: the media box, cut to the crop box if there is one). */
  readonly page: Box;
  /** Runs of visible text, each with its box (baseline to one em above), baseline, size and string. */
  readonly text: ReadonlyArray<Box & {readonly str: string; readonly baseline: number; readonly size: number}>;
  /** Every image painted, the box of its unit square under the transformation in force. */
  readonly images: readonly Box[];
}

type Matrix = [number, number, number, number, number, number];

/**
 * Multiply two PDF matrices (`m` applied first, then `n`).
 *
 * @param m
 *   First.
 * @param n
 *   Second.
 * @returns
 *   The product.
 */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

/**
 * Read where every text run and image of every page lies, with pdf.js.
 *
 * @param bytes
 *   The PDF.
 * @returns
 *   One entry per page.
 */
export async function readGeometry(bytes: Uint8Array): Promise<PageGeometry[]> {
  const document = await getDocument({data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0}).promise;
  try {
    const pages: PageGeometry[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      // From PDF user space (y up) to poppler's (y down from the page box's top).
      const flip = (x: number, y: number): [number, number] => [x - x0, y1 - y];
      const boxOf = (points: Array<[number, number]>): Box => {
        const flipped = points.map(([x, y]) => flip(x, y));
        const xs = flipped.map(([x]) => x);
        const ys = flipped.map(([, y]) => y);
        return {xMin: Math.min(...xs), yMin: Math.min(...ys), xMax: Math.max(...xs), yMax: Math.max(...ys)};
      };
      const text = (await page.getTextContent()).items
        .filter((item): item is TextItem => 'str' in item && item.str.trim() !== '')
        .map((item) => {
          const [, , c, d, e, f] = item.transform as Matrix;
          const box = boxOf([[e, f], [e + item.width, f + item.height]]);
          return {...box, str: item.str, baseline: box.yMax, size: Math.hypot(c, d)};
        });
      const images: Box[] = [];
      const list = await page.getOperatorList();
      const stack: Matrix[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      for (const [index, op] of list.fnArray.entries()) {
        const args = list.argsArray[index] as unknown[];
        if (op === OPS.save) stack.push(ctm);
        else if (op === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (op === OPS.transform) ctm = multiply(args as Matrix, ctm);
        else if (op === OPS.paintFormXObjectBegin) {
          stack.push(ctm);
          if (Array.isArray(args[0])) ctm = multiply(args[0] as Matrix, ctm);
        } else if (op === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
        else if (op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject || op === OPS.paintImageMaskXObject || op === OPS.paintImageXObjectRepeat) {
          const corner = (u: number, v: number): [number, number] => [ctm[0] * u + ctm[2] * v + ctm[4], ctm[1] * u + ctm[3] * v + ctm[5]];
          images.push(boxOf([corner(0, 0), corner(1, 0), corner(0, 1), corner(1, 1)]));
        }
      }
      pages.push({page: {xMin: 0, yMin: 0, xMax: x1 - x0, yMax: y1 - y0}, text, images});
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
