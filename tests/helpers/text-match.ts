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

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms), not the Arabic-Indic digits, which run left to right. */
const rtl = /(?![\u0660-\u0669\u06F0-\u06F9])[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A line extracted in visual order (glyphs left to right, as poppler gives lines a PDF
 * draws without marking their direction) put back into reading order when it holds
 * right-to-left letters: reversed grapheme by grapheme, with its runs of left-to-right letters and digits
 * turned back.
 *
 * @param line
 *   One line of extracted text.
 * @returns
 *   The line in logical order (unchanged when it has no right-to-left letter).
 */
export function visualToLogical(line: string): string {
  if (!rtl.test(line)) return line;
  // Reverse whole graphemes, so that a combining mark stays on its letter.
  return Array.from(graphemes.segment(line), (part) => part.segment)
    .reverse()
    .join('')
    .replace(ltrRun, (run) => [...run].reverse().join(''));
}

/** A letter or digit that runs left to right: not of a right-to-left script (Arabic-Indic digits do). */
const ltrCharacter = '(?:[\\u0660-\\u0669\\u06F0-\\u06F9]|(?![\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF])[\\p{L}\\p{N}])';

/**
 * A run of left-to-right letters and digits, with the spaces and punctuation inside it
 * (`issue tracker`, `a.b`, `1:2`, `example.org/x`) but not after it: the bidi algorithm gives a colon or full
 * stop after a Latin word in a right-to-left line the line's direction (`README:` is
 * drawn `:README`), and a right-to-left letter ends the run (`الـJSON`).
 */
const ltrRun = new RegExp(`${ltrCharacter}(?:${ltrCharacter}|(?![\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF])\\p{M}|[ .,:/_@#%+=-](?=${ltrCharacter}))*`, 'gu');

const graphemes = new Intl.Segmenter('und', {granularity: 'grapheme'});

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
 * @returns
 *   `undefined` when found, else what went wrong (normalised excerpts), for the closest
 *   attempt: the most pieces placed.
 */
export function findBlock(block: ExpectedBlock, text: string): string | undefined {
  const pieces = block.pieces.map(normaliseText).filter((piece) => piece !== '');
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
