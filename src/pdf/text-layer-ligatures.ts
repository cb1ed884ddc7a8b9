import {contentReader, type ContentReader} from './content-stream.js';
import {fontText, markedContent, shownCodes, type FontText} from './content-text.js';
import {isPage, pageResources} from './page-resources.js';
import {flateStream, openStream, writeToUnicode} from './text-layer-clusters.js';

const textShowing = new Set(['Tj', 'TJ', "'", '"']);

const zeroFonts = new WeakMap<FontText, boolean>();

/** Whether a font's ToUnicode maps any code to U+0000 (or to nothing). */
function hasZero(font: FontText): boolean {
  let zero = zeroFonts.get(font);
  if (zero === undefined) {
    zero = [...font.toUnicode.values()].some((text) => /^\0*$/.test(text));
    zeroFonts.set(font, zero);
  }
  return zero;
}

/**
 * What the one zero-mapped glyph of a span stands for: the span's actual text without its
 * soft hyphens, less what the span's other glyphs stand for, before or after it. Chrome
 * draws a soft hyphen as an invisible space (whose marks may already be gone, see
 * `text-layer-soft-hyphens.ts`), so spaces the actual text does not have are theirs.
 */
function ligatureText(actual: string, others: readonly string[]): string | undefined {
  const text = actual.replaceAll('\u00AD', '');
  let rest = others.join('');
  if (actual.includes('\u00AD') || !text.includes(' ')) rest = rest.replaceAll(' ', '');
  if (rest === '') return text || undefined;
  if (text.startsWith(rest) && text.length > rest.length) return text.slice(rest.length);
  if (text.endsWith(rest) && text.length > rest.length) return text.slice(0, -rest.length);
  return undefined;
}

/**
 * Give a glyph that ToUnicode maps to U+0000 the text its `/ActualText` spans say. Chrome
 * draws a ligature shaped across a soft hyphen (`f`, U+00AD, `fi` drawn as one `ffi` glyph)
 * in an `/ActualText` span and maps the glyph to 0 in ToUnicode, which PDF/UA-1 forbids
 * (Matterhorn 31-028) and which pdf.js, ignoring actual text, reads as U+0000. Where the
 * font can be given new codes (TrueType outlines), `text-layer-clusters.ts` does so; a CFF
 * font (Source Serif, Source Sans) cannot, but a ligature glyph always stands for the same
 * letters: when every span that shows the glyph alone says the same (soft hyphens aside),
 * that text becomes its ToUnicode entry. Zero entries for codes no page shows go.
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number, changed in place.
 * @param {ContentReader} read
 *   Reads content streams (shared with the other passes).
 */
export function completeLigatureText(objects: Map<number, string>, read: ContentReader = contentReader(openStream)): void {
  const fonts = new Map<number, FontText | undefined>();
  /** Per font, per zero-mapped code: the texts its spans give it. */
  const candidates = new Map<number, Map<number, Set<string>>>();
  /** Per font, the codes its pages show. */
  const used = new Map<number, Set<number>>();
  for (const body of objects.values()) {
    if (!isPage(body)) continue;
    const {contents, fonts: names} = pageResources(objects, body);
    for (const number of contents) {
      const list = read(objects, number)?.operations;
      if (!list) continue;
      let font: number | undefined;
      const spans: Array<{text: string; shown: Array<[number, number]>} | undefined> = [];
      for (const {operator, operands} of list) {
        if (operator === 'Tf') {
          font = names.get(/\/([^\s/<>[\]()]+)/.exec(operands)?.[1] ?? '');
        } else if (operator === 'BDC' || operator === 'BMC') {
          const actualText = operands.includes('ActualText') ? markedContent(operands).actualText : undefined;
          spans.push(actualText === undefined ? undefined : {text: actualText, shown: []});
        } else if (operator === 'EMC') {
          const span = spans.pop();
          if (!span) continue;
          const zero = span.shown.filter(([fontNumber, code]) => /^\0*$/.test(fonts.get(fontNumber)?.toUnicode.get(code) ?? 'x'));
          const [only] = zero;
          if (zero.length !== 1 || !only) continue;
          const text = ligatureText(span.text, span.shown.filter((glyph) => glyph !== only).map(([fontNumber, code]) => fonts.get(fontNumber)?.toUnicode.get(code) ?? ''));
          if (!text) continue;
          const codes = candidates.get(only[0]) ?? new Map<number, Set<string>>();
          candidates.set(only[0], codes);
          codes.set(only[1], (codes.get(only[1]) ?? new Set()).add(text));
        } else if (textShowing.has(operator) && font !== undefined) {
          if (!fonts.has(font)) fonts.set(font, fontText(objects, font));
          const text = fonts.get(font);
          // Only fonts with a zero entry have anything to complete or drop.
          if (!text || !hasZero(text)) continue;
          const span = spans.findLast((entry) => entry !== undefined);
          const codes = shownCodes(operands, text.twoByte);
          const seen = used.get(font) ?? new Set<number>();
          used.set(font, seen);
          for (const code of codes) seen.add(code);
          if (span) for (const code of codes) span.shown.push([font, code]);
        }
      }
    }
  }
  for (const [fontNumber, font] of fonts) {
    if (!font) continue;
    let changed = false;
    for (const [code, texts] of candidates.get(fontNumber) ?? []) {
      if (texts.size !== 1) continue;
      font.toUnicode.set(code, [...texts][0] as string);
      changed = true;
    }
    // A zero entry no page shows any more (`text-layer-clusters.ts` gave its glyph new
    // codes) is dropped: it maps nothing, and PDF/UA allows none.
    for (const [code, text] of font.toUnicode) {
      if (!/^\0*$/.test(text) || used.get(fontNumber)?.has(code)) continue;
      font.toUnicode.delete(code);
      changed = true;
    }
    if (changed) objects.set(font.toUnicodeRef, flateStream(Buffer.from(writeToUnicode(font.toUnicode), 'latin1')));
  }
}
