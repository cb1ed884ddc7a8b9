import type {ExpectedBlock} from './manuscript-text.js';
import {findPageLabel} from './page-labels.js';
import type {Box, TextLine} from './pdf-lines.js';
import type {PdfReading} from './pdf-reading.js';
import {findBlock, hasRightToLeft, lastStrong, lettersOnly, normaliseText, visualToLogical} from './text-match.js';

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
 * Every block of the source is in the body text, in one of the orders a reader may take
 * it in: poppler's reading order; pdf.js's drawing order; poppler's lines turned from
 * visual to reading order (in poppler's order of lines, or top to bottom: poppler may
 * read the short last line of a right-aligned paragraph before the lines above it); or
 * the page read row by row, the lines that share a row (poppler cuts a row where glyphs
 * sit on baselines a point apart, as Arabic fonts place some letters) joined left to
 * right and turned into reading order. Lines are turned with a right-to-left base, and
 * again with a left-to-right one for the code and Latin paragraphs of a right-to-left
 * document; lines turned are compared by their letters and digits (`lettersOnly`). A table's cells or a right-to-left line may come out of one reader in another
 * order while the text is all there. (A line alone does not say how its bidi runs were
 * held, see `visualToLogical`: each hold is a reading of its own.)
 *
 * @param blocks
 *   The text the Markdown says must be there.
 * @param reading
 *   The PDF read back.
 * @returns
 *   Problems: one per block not found.
 */
export function missingText(blocks: readonly ExpectedBlock[], reading: PdfReading): string[] {
  const body = reading.lines.map((page, index) => page.lines.filter((line) => inBody(reading, index, line)));
  const poppler = normaliseText(body.flat().map((line) => line.text).join(' '));
  const pdfjs = normaliseText(reading.geometry.flatMap((page, index) => page.text.filter((run) => inBody(reading, index, run)).map((run) => run.str)).join(''));
  const exact = [poppler, pdfjs];
  const turned: string[] = [];
  if (body.flat().some((line) => hasRightToLeft(line.text))) {
    const downward = body.map((lines) =>
      lines
        .map((line, order) => ({line, order}))
        .sort((a, b) => Math.round(a.line.yMax) - Math.round(b.line.yMax) || a.order - b.order)
        .map(({line}) => line)
    );
    const byRow = body.map((lines) => rows(lines));
    for (const [direction, hold] of [['rtl', 'reversed'], ['rtl', 'visual'], ['ltr', 'visual']] as const) {
      for (const order of [body, downward, byRow]) {
        turned.push(lettersOnly(order.flatMap((lines) => readLines(lines, direction, hold)).join(' ')));
      }
    }
  }
  const problems: string[] = [];
  for (const block of blocks) {
    const missing = findBlock(block, poppler);
    if (missing === undefined || exact.some((text) => findBlock(block, text) === undefined) || turned.some((text) => findBlock(block, text, lettersOnly) === undefined)) continue;
    const source = block.pieces.join('').replace(/\s+/g, ' ').trim();
    problems.push(`line ${block.line} (${block.kind}) “${excerpt(source, 70)}” is not in the text layer: ${missing}`);
  }
  return problems;
}

/**
 * Lines in visual order turned into reading order one after another, each with the last
 * strong direction of the line before it in the same poppler block (paragraph) as context.
 *
 * @param lines
 *   A page's lines (or rows), in the order to read them.
 * @param direction
 *   Their base direction.
 * @param hold
 *   Which string the bidi levels are resolved on.
 * @returns
 *   Each line in reading order.
 */
function readLines(lines: ReadonlyArray<{readonly text: string; readonly block: number}>, direction: 'rtl' | 'ltr', hold: 'reversed' | 'visual'): string[] {
  let previous: {text: string; block: number} | undefined;
  return lines.map((line) => {
    const context = previous && previous.block === line.block ? lastStrong(previous.text) : undefined;
    const text = visualToLogical(line.text, direction, hold, context);
    previous = {text, block: line.block};
    return text;
  });
}

/**
 * A page's words as rows, top to bottom, each row's words joined left to right (visual
 * order): a word belongs to the row whose first word's box its middle falls in, the
 * middle third of that box (rows of a paragraph are a box's height apart).
 *
 * @param lines
 *   A page's lines.
 * @returns
 *   Each row's text, and the poppler block of its first word.
 */
export function rows(lines: readonly TextLine[]): Array<{text: string; block: number}> {
  const words = lines.flatMap((line) => line.words.map((word) => ({...word, block: line.block}))).sort((a, b) => a.yMin + a.yMax - (b.yMin + b.yMax) || a.xMin - b.xMin);
  const groups: Array<{seed: Box & {block: number}; words: Array<Box & {text: string; block: number}>}> = [];
  for (const word of words) {
    const middle = (word.yMin + word.yMax) / 2;
    const group = groups.find(({seed}) => Math.abs(middle - (seed.yMin + seed.yMax) / 2) < (seed.yMax - seed.yMin) / 3);
    if (group) group.words.push(word);
    else groups.push({seed: word, words: [word]});
  }
  return groups.map((group) => ({block: group.seed.block, text: group.words.sort((a, b) => a.xMin - b.xMin).map((word) => word.text).join(' ')}));
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
      findPageLabel(margins.join(' '), reading.lang, index + 1, count) && findPageLabel(margins.map((margin) => visualToLogical(margin)).join(' '), reading.lang, index + 1, count);
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
