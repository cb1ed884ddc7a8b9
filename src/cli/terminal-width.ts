import stringWidth from 'string-width';

/** What a cut line ends with: one column wide. */
const ellipsis = '…';

let graphemes: Intl.Segmenter | undefined;

/**
 * Cut text to at most `columns` columns of a terminal, ending in `…` when cut. Widths
 * are display columns as `string-width` counts them (a CJK character or an emoji takes
 * two, a combining mark none), and the cut falls between grapheme clusters, so it never
 * splits a surrogate pair, an emoji ZWJ sequence or a letter from its accents.
 *
 * @param {string} text
 *   One line, without control characters.
 * @param {number} columns
 *   Room on the line (at least 1).
 * @returns {string}
 *   The text, or its longest start that fits with the ellipsis.
 */
export function fitWidth(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  const room = columns - stringWidth(ellipsis);
  graphemes ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  let kept = '';
  let width = 0;
  for (const {segment} of graphemes.segment(text)) {
    const next = stringWidth(segment);
    if (width + next > room) break;
    kept += segment;
    width += next;
  }
  return `${kept}${ellipsis}`;
}

/**
 * Pad text with spaces on the right to `columns` display columns.
 *
 * @param {string} text
 *   A table cell.
 * @param {number} columns
 *   The column's width.
 * @returns {string}
 *   The cell, left-aligned.
 */
export function padEndWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - stringWidth(text)));
}

/**
 * Pad text with spaces on the left to `columns` display columns.
 *
 * @param {string} text
 *   A table cell.
 * @param {number} columns
 *   The column's width.
 * @returns {string}
 *   The cell, right-aligned.
 */
export function padStartWidth(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - stringWidth(text))) + text;
}
