import type {ExpectedBlock} from './manuscript-text.js';
import {findPageLabel} from './page-labels.js';
import type {Box} from './pdf-lines.js';
import type {PdfReading} from './pdf-reading.js';
import {findBlock, normaliseText, visualToLogical} from './text-match.js';

/*
 * Each invariant returns the problems it finds, worst first as they come, in words a
 * reader of the report can act on; no problem is an empty list.
 */

/**
 * Whether a box lies in the page's content area (its middle between the top and bottom
 * margins): the rest is the page's furniture (running header, byline, page number).
 *
 * @param reading
 *   The PDF read back.
 * @param page
 *   The page index, 0-based.
 * @param box
 *   A line, block, text run or image.
 * @returns
 *   Whether it belongs to the body.
 */
export function inBody(reading: PdfReading, page: number, box: Box): boolean {
  const height = reading.lines[page]?.height ?? 0;
  const {top, bottom} = reading.margins(page + 1);
  const middle = (box.yMin + box.yMax) / 2;
  return middle >= top && middle <= height - bottom;
}

/**
 * Every block of the source is in the body text, read in poppler's reading order, in
 * pdf.js's drawing order, or in poppler's lines turned from visual to reading order
 * (in poppler's order of lines, or top to bottom) (a table's cells or a right-to-left line may come out of one extractor in another
 * order while the text is all there).
 *
 * @param blocks
 *   The text the Markdown says must be there.
 * @param reading
 *   The PDF read back.
 * @returns
 *   Problems: one per block not found.
 */
export function missingText(blocks: readonly ExpectedBlock[], reading: PdfReading): string[] {
  const poppler = normaliseText(reading.lines.flatMap((page, index) => page.lines.filter((line) => inBody(reading, index, line)).map((line) => line.text)).join(' '));
  const pdfjs = normaliseText(reading.geometry.flatMap((page, index) => page.text.filter((run) => inBody(reading, index, run)).map((run) => run.str)).join(''));
  // Lines drawn in visual order (right-to-left text that poppler does not reorder), read back in reading order.
  const reordered = normaliseText(reading.lines.flatMap((page, index) => page.lines.filter((line) => inBody(reading, index, line)).map((line) => visualToLogical(line.text))).join(' '));
  // The same, line after line down the page: poppler may read the short last line of a
  // right-aligned (right-to-left) paragraph before the lines above it.
  const downward = normaliseText(
    reading.lines
      .flatMap((page, index) =>
        page.lines
          .filter((line) => inBody(reading, index, line))
          .map((line, order) => ({line, order}))
          .sort((a, b) => Math.round(a.line.yMax) - Math.round(b.line.yMax) || a.order - b.order)
          .map(({line}) => visualToLogical(line.text))
      )
      .join(' ')
  );
  const problems: string[] = [];
  for (const block of blocks) {
    const missing = findBlock(block, poppler);
    if (missing === undefined || findBlock(block, pdfjs) === undefined || findBlock(block, reordered) === undefined || findBlock(block, downward) === undefined) continue;
    const source = block.pieces.join('').replace(/\s+/g, ' ').trim();
    problems.push(`line ${block.line} (${block.kind}) “${excerpt(source, 70)}” is not in the text layer: ${missing}`);
  }
  return problems;
}

/**
 * No soft hyphen (U+00AD) in the text layer: it breaks copying, search and grep.
 *
 * @param reading
 *   The PDF read back.
 * @returns
 *   Problems: one per page that has any, with the first word.
 */
export function softHyphens(reading: PdfReading): string[] {
  return reading.lines.flatMap((page, index) => {
    const words = page.lines.flatMap((line) => line.text.split(' ')).filter((word) => word.includes('\u00AD'));
    const runs = reading.geometry[index]?.text.filter((run) => run.str.includes('\u00AD')) ?? [];
    if (words.length === 0 && runs.length === 0) return [];
    const first = words[0] ?? runs[0]?.str ?? '';
    return [`page ${index + 1}: ${Math.max(words.length, runs.length)} words hold U+00AD, first “${first.replaceAll('\u00AD', '⟨SHY⟩')}”`];
  });
}

/**
 * Every page has its label, "page i of n" in the document's language, in its margins,
 * n being the PDF's page count.
 *
 * @param reading
 *   The PDF read back.
 * @returns
 *   Problems: one per page without it.
 */
export function missingPageLabels(reading: PdfReading): string[] {
  const count = reading.lines.length;
  if (count === 0) return ['the PDF has no pages'];
  return reading.lines.flatMap((page, index) => {
    const margins = page.lines.filter((line) => !inBody(reading, index, line)).map((line) => line.text);
    const expected =
      findPageLabel(margins.join(' '), reading.lang, index + 1, count) && findPageLabel(margins.map(visualToLogical).join(' '), reading.lang, index + 1, count);
    return expected === undefined ? [] : [`page ${index + 1} (lang ${reading.lang}): expected ${expected} in the margins, found “${excerpt(margins.join(' | '), 80)}”`];
  });
}

/**
 * Every font is embedded, and none is Type 3 (Chromium's synthesised faces).
 *
 * @param reading
 *   The PDF read back.
 * @returns
 *   Problems: one per offending font.
 */
export function badFonts(reading: PdfReading): string[] {
  return reading.fonts.flatMap((font) => [
    ...(/\bType 3\b/.test(font.type) ? [`Type 3 font ${font.name}`] : []),
    ...(font.embedded ? [] : [`font ${font.name} (${font.type}) is not embedded`])
  ]);
}

/**
 * The start of a text, for messages.
 *
 * @param text
 *   Text.
 * @param length
 *   Characters to keep.
 * @returns
 *   The excerpt.
 */
export function excerpt(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
