import type {QuoteStyle} from './quote-style.js';

/** The apostrophe, in every language: never a closing quote (`geht’s`, `l’État`). */
export const apostrophe = '’';
const narrowNoBreakSpace = '\u202F';
const guillemets = new Set(['«', '»', '‹', '›']);
const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
const space = /\s/;

/**
 * Decide what each straight quote of a block's text becomes. Which quotes open and which
 * close is smartypants' call (`curly` is the text as it set it with English marks, one
 * character for one); this adds what it cannot tell: a `'` between two letters, or one
 * that closes no open single quote (`students'`, `'80s`), is an apostrophe, not a closing
 * quote, and each mark is then the language's, spaced as the language spaces it.
 *
 * @param {string} text
 *   The block's text, code counted as letters.
 * @param {string} curly
 *   The same text with smartypants' quotes: as long as `text`.
 * @param {QuoteStyle} style
 *   The language's marks.
 * @returns {Map<number, string>}
 *   Replacement of each straight quote, by offset in `text`.
 */
export function quoteReplacements(text: string, curly: string, style: QuoteStyle): Map<number, string> {
  const marks = new Map<number, string>();
  if (curly.length !== text.length) return marks;
  const openSingles: number[] = [];
  for (const {index} of text.matchAll(/["']/g)) {
    const opens = curly[index] === '“' || curly[index] === '‘';
    if (text[index] === '"') marks.set(index, opens ? style.open : style.close);
    else if (isWordCharacter(text[index - 1]) && isWordCharacter(text[index + 1])) marks.set(index, apostrophe);
    else if (opens) {
      openSingles.push(index);
      marks.set(index, style.nestedOpen);
    } else if (openSingles.pop() === undefined) marks.set(index, apostrophe);
    else marks.set(index, style.nestedClose);
  }
  // Never closed: an elision such as `'tis`.
  for (const index of openSingles) marks.set(index, apostrophe);
  if (style.spaced) {
    for (const [index, mark] of marks) {
      if (!guillemets.has(mark)) continue;
      const opens = mark === '«' || mark === '‹';
      const neighbour = opens ? text[index + 1] : text[index - 1];
      if (neighbour !== undefined && space.test(neighbour)) continue;
      marks.set(index, opens ? mark + narrowNoBreakSpace : narrowNoBreakSpace + mark);
    }
  }
  return marks;
}

/**
 * French spacing of text as typed: the space inside guillemets and before `; ! ?` becomes
 * a narrow no-break space, and the one before `:` a no-break space, so that no line
 * starts with a mark. Only existing spaces change; none is added or removed.
 *
 * @param {string} text
 *   Text.
 * @returns {string}
 *   The text with no-break spaces.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/(?<=[«‹]) | (?=[»›;!?])/g, narrowNoBreakSpace).replace(/ (?=:)/g, '\u00A0');
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && wordCharacter.test(character);
}
