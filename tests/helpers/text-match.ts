import bidiModule from 'bidi-js';
import type {ExpectedBlock} from './manuscript-text.js';

/**
 * Text reduced to what survives typesetting, so that source and text layer compare:
 * compatibility forms folded (ligatures, presentation forms, `…`), case folded (templates
 * may set text in capitals), no white space, no format characters (ZWNJ, bidi marks, soft
 * hyphens: U+00AD is checked on its own), no hyphens or dashes (hyphenation breaks words
 * at line ends; `--` becomes `–`), and every quotation mark of every language's typography
 * one straight quote (`"` becomes `«`, `„`, `“` or `「`; `'` becomes `’`, `‘` or `ʼ`).
 *
 * @param text
 *   Text from a manuscript or a PDF.
 * @returns
 *   Normalised text.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Cf}\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/gu, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2039\u203A\u02BC\u300E\u300F`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u300C\u300D\u301D\u301E\u301F]/g, '"');
}

/**
 * Normalised text with its letters, marks and digits only. A line taken from visual
 * back to reading order is certain in its words, not in the neutral characters at its
 * ends: the bidi algorithm placed a `/`, `@` or `(` between a Latin run and the line's
 * edge by what came before and after it in the whole paragraph, which a single line no
 * longer shows. So those readings are compared without punctuation and symbols; the
 * readings in poppler's and pdf.js's own order still compare every character.
 *
 * @param text
 *   Text from a manuscript or a PDF.
 * @returns
 *   Its letters, marks and digits, normalised.
 */
export function lettersOnly(text: string): string {
  return normaliseText(text).replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/**
 * Whether a text holds a right-to-left letter.
 *
 * @param text
 *   Any text.
 * @returns
 *   Whether it has a letter of Hebrew, Arabic, Syriac, Thaana, N'Ko or their presentation forms.
 */
export function hasRightToLeft(text: string): boolean {
  return rtl.test(text);
}

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms), not the Arabic-Indic digits, which run left to right. */
const rtl = /(?![\u0660-\u0669\u06F0-\u06F9])[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

// bidi-js ships CommonJS types with an ES default export: the factory is the default
// export under Vite, and its `default` under TypeScript's reading of the types.
const bidiFactory: typeof bidiModule.default = typeof bidiModule === 'function' ? bidiModule : bidiModule.default;
const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('und', {granularity: 'grapheme'});

/**
 * A line extracted in visual order (glyphs left to right, as poppler gives lines a PDF
 * draws without marking their direction) put back into reading order by the Unicode bidi
 * algorithm (bidi-js) run backwards: levels are resolved on the line as a reader of its
 * base direction would hold it, and rule L2 reverses the runs again, grapheme by grapheme,
 * so that a combining mark stays on its letter. A line alone does not always say how it
 * was held: `Pull Requests 24` is drawn from `24 Pull Requests` and from itself, so the
 * levels come from one of two holds: the visual string turned round (`reversed`: its
 * right-to-left runs in reading order, its Latin runs reversed), or the visual string
 * itself (`visual`: its Latin runs in reading order, with their numbers and brackets).
 * Brackets need no mirroring: Chromium's ToUnicode keeps a mirrored bracket's own code point.
 *
 * @param line
 *   One line of extracted text.
 * @param direction
 *   The line's base direction: `rtl` for the prose of a right-to-left document, `ltr`
 *   for its code and its left-to-right paragraphs.
 * @param hold
 *   Which string the levels are resolved on.
 * @param context
 *   The last strong direction of the paragraph before this line (its line before, read), if any.
 * @returns
 *   The line in logical order.
 */
export function visualToLogical(line: string, direction: 'rtl' | 'ltr' = 'rtl', hold: 'reversed' | 'visual' = 'reversed', context?: 'L' | 'R'): string {
  // A left-to-right line with no right-to-left letter is in reading order; a right-to-left
  // one may not be (`24 Pull Requests` is drawn `Pull Requests 24`).
  if (direction === 'ltr' && !rtl.test(line)) return line;
  const visual = Array.from(graphemes.segment(line), (part) => part.segment);
  const turned = direction === 'rtl' && hold === 'reversed';
  const held = turned ? [...visual].reverse() : visual;
  // The paragraph's text before the line, which the algorithm saw (a number at a line's
  // start belongs to the Latin run the line before ended with), stands in as one letter.
  const before = context === 'L' ? 'a' : context === 'R' ? '\u0627' : '';
  const {levels} = bidi.getEmbeddingLevels(before + held.join(''), direction);
  let offset = before.length;
  const heldLevels = held.map((grapheme) => {
    const level = levels[offset] ?? 0;
    offset += grapheme.length;
    return level;
  });
  const visualLevels = turned ? heldLevels.reverse() : heldLevels;
  const order = [...visual];
  const highest = Math.max(...visualLevels);
  for (let level = highest; level >= 1; level--) {
    for (let start = 0; start < order.length; ) {
      if ((visualLevels[start] ?? 0) < level) {
        start++;
        continue;
      }
      let end = start;
      while (end < order.length && (visualLevels[end] ?? 0) >= level) end++;
      order.splice(start, end - start, ...order.slice(start, end).reverse());
      visualLevels.splice(start, end - start, ...visualLevels.slice(start, end).reverse());
      start = end;
    }
  }
  return order.join('');
}

/**
 * The direction of a text's last strongly directional character.
 *
 * @param text
 *   Text in reading order.
 * @returns
 *   `L`, `R` (Hebrew and Arabic letters alike), or undefined when it has none.
 */
export function lastStrong(text: string): 'L' | 'R' | undefined {
  for (let index = text.length - 1; index >= 0; index--) {
    const type = bidi.getBidiCharTypeName(text[index] as string);
    if (type === 'L') return 'L';
    if (type === 'R' || type === 'AL') return 'R';
  }
  return undefined;
}

/** Characters the renderer may put between two pieces of a block (a note mark like `[12]`). */
const maxGap = 8;

/**
 * Whether a block's text is in a document's text, its pieces in order with at most a
 * note mark between them.
 *
 * @param block
 *   An expected block.
 * @param text
 *   The document's text, normalised.
 * @param normalise
 *   How the text was normalised, to do the same to the block's pieces.
 * @returns
 *   `undefined` when found, else what went wrong (normalised excerpts), for the closest
 *   attempt: the most pieces placed.
 */
export function findBlock(block: ExpectedBlock, text: string, normalise: (text: string) => string = normaliseText): string | undefined {
  const pieces = block.pieces.map(normalise).filter((piece) => piece !== '');
  const [first, ...rest] = pieces;
  if (first === undefined) return undefined;
  let best: {placed: number; problem: string} = {placed: -1, problem: `“${cut(first)}” not found`};
  for (let start = text.indexOf(first); start !== -1; start = text.indexOf(first, start + 1)) {
    let end = start + first.length;
    let placed = 0;
    for (const piece of rest) {
      const at = text.indexOf(piece, end);
      if (at === -1 || at - end > maxGap) {
        if (placed > best.placed) {
          const gap = text.slice(end, end + Math.min(40, Math.max(piece.length, 12)));
          best = {placed, problem: `after “${cut(text.slice(Math.max(start, end - 30), end))}” came “${cut(gap)}”, expected “${cut(piece)}”`};
        }
        placed = -1;
        break;
      }
      end = at + piece.length;
      placed++;
    }
    if (placed !== -1) return undefined;
  }
  return best.problem;
}

/**
 * A normalised excerpt for messages.
 *
 * @param text
 *   Text.
 * @returns
 *   At most 40 characters.
 */
function cut(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
