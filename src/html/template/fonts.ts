import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';

/** A font family from an `@fontsource/*` package, as a template's `template.json` names it. */
export interface FontSpec {
  /** Package name, e.g. `@fontsource/source-serif-4`. */
  readonly package: string;
  /** Upright weights to bundle. */
  readonly weights: readonly number[];
  /** Italic weights to bundle. */
  readonly italics?: readonly number[];
  /**
   * A fallback family (CJK, Arabic, emoji): its faces are inlined only for characters
   * that no main family covers.
   */
  readonly fallback?: boolean;
  /**
   * The elements this family is for (a CSS selector, e.g. `pre, code` for a monospace
   * family): its faces are inlined only for the characters of those elements. Without
   * it, for every character of the page.
   */
  readonly for?: string;
}

/** One `@font-face`: a weight and style of one Unicode subset, in one WOFF2 file. */
export interface FontFace {
  readonly family: string;
  readonly style: 'normal' | 'italic';
  readonly weight: number;
  /** The `unicode-range` value, as written by fontsource. */
  readonly unicodeRange: string;
  /** Inclusive code-point ranges parsed from `unicodeRange`. */
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  /** Absolute path of the WOFF2 file. */
  readonly file: string;
  /** From a fallback family. */
  readonly fallback: boolean;
  /** The elements its family is for, when the template names them (see `FontSpec.for`). */
  readonly for?: string | undefined;
}

const require = createRequire(import.meta.url);

/**
 * Read the faces of the given fontsource packages. fontsource ships one CSS file per
 * weight and style, with one `@font-face` per Unicode subset (latin, cyrillic, greek…).
 *
 * @param {readonly FontSpec[]} specs
 *   Families to load.
 * @returns {Promise<FontFace[]>}
 *   Every face, in declaration order.
 */
export async function loadFontFaces(specs: readonly FontSpec[]): Promise<FontFace[]> {
  const lists = await Promise.all(
    specs.flatMap((spec) => {
      const root = path.dirname(require.resolve(`${spec.package}/package.json`));
      const sheets = [...spec.weights.map((weight) => `${weight}.css`), ...(spec.italics ?? []).map((weight) => `${weight}-italic.css`)];
      return sheets.map(async (sheet) =>
        // Assigned, not spread: a face's ranges are read only when needed (see `lazyRanges`).
        parseFontsourceCss(await readFile(path.join(root, sheet), 'utf8'), root).map((face) => Object.assign(face, {fallback: spec.fallback === true, for: spec.for}))
      );
    })
  );
  return lists.flat();
}

/**
 * Parse fontsource's generated `@font-face` rules.
 *
 * @param {string} css
 *   A fontsource stylesheet.
 * @param {string} root
 *   The package folder its `url(./files/…)` are relative to.
 * @returns {FontFace[]}
 *   Its faces.
 */
export function parseFontsourceCss(css: string, root: string): Array<Omit<FontFace, 'fallback' | 'for'>> {
  return css
    .split('@font-face')
    .slice(1)
    .map((block) => {
      const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
      const style = /font-style:\s*(normal|italic)/.exec(block)?.[1] as FontFace['style'] | undefined;
      const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1]);
      const file = /url\(([^)]+\.woff2)\)/.exec(block)?.[1];
      const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
      if (!family || !style || !weight || !file || !unicodeRange) {
        throw new Error(`Unexpected @font-face rule in ${root}, expected fontsource's format`);
      }
      return lazyRanges({family, style, weight, unicodeRange, file: path.resolve(root, file)});
    });
}

/**
 * A face whose `ranges` are parsed from its `unicodeRange` when first read. A template's
 * fallback families (CJK, Arabic, Hebrew, emoji) are 750 faces with 50,000 ranges, which
 * took 40-80 ms to parse at every start of the HTML stage; a page needs those of the
 * faces its characters fall in, most pages none of the fallbacks'.
 */
function lazyRanges(face: Omit<FontFace, 'ranges' | 'fallback' | 'for'>): Omit<FontFace, 'fallback' | 'for'> {
  let ranges: Array<[number, number]> | undefined;
  return Object.defineProperty(face, 'ranges', {enumerable: true, get: () => (ranges ??= parseUnicodeRange(face.unicodeRange))}) as Omit<FontFace, 'fallback' | 'for'>;
}

/**
 * Parse a CSS `unicode-range` value (`U+0000-00FF,U+0131,U+02??`).
 *
 * @param {string} value
 *   The value.
 * @returns {Array<[number, number]>}
 *   Inclusive ranges.
 */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
    if (from.includes('?')) return [Number.parseInt(from.replaceAll('?', '0'), 16), Number.parseInt(from.replaceAll('?', 'F'), 16)];
    const start = Number.parseInt(from, 16);
    return [start, to === undefined ? start : Number.parseInt(to, 16)];
  });
}

/**
 * The faces a text needs: those whose subset covers at least one of its characters.
 * Inlining only these keeps the HTML small; the PDF embeds only the glyphs used anyway.
 *
 * @param {readonly FontFace[]} faces
 *   Candidate faces.
 * @param {string} text
 *   Every character the page shows.
 * @returns {FontFace[]}
 *   The faces to inline.
 */
export function facesFor(faces: readonly FontFace[], text: string): FontFace[] {
  const codePoints = new Set<number>();
  for (let index = 0; index < text.length; index++) {
    const point = text.codePointAt(index) ?? 0;
    codePoints.add(point);
    if (point > 0xffff) index++;
  }
  const points = [...codePoints];
  const main = faces.filter((face) => !face.fallback);
  const needed = main.filter((face) => points.some((point) => covers(face, point)));
  const uncovered = points.filter((point) => !main.some((face) => covers(face, point)));
  const fallbacks = faces.filter((face) => face.fallback && uncovered.some((point) => covers(face, point)));
  return [...needed, ...fallbacks];
}

function covers(face: FontFace, point: number): boolean {
  return face.ranges.some(([from, to]) => point >= from && point <= to);
}

/**
 * Characters of a text that none of the faces covers (white space and controls aside):
 * they would print in whatever font the machine has, or as empty boxes.
 *
 * @param {readonly FontFace[]} faces
 *   Available faces.
 * @param {string} text
 *   Text.
 * @returns {string[]}
 *   Distinct uncovered characters, in order of appearance.
 */
export function uncoveredCharacters(faces: readonly FontFace[], text: string): string[] {
  const checked = new Set<string>();
  const missing: string[] = [];
  for (const character of text) {
    if (checked.has(character)) continue;
    checked.add(character);
    if (/[\s\p{Cc}\p{Cf}]/u.test(character)) continue;
    const point = character.codePointAt(0) ?? 0;
    if (!faces.some((face) => face.ranges.some(([from, to]) => point >= from && point <= to))) missing.push(character);
  }
  return missing;
}

/**
 * `@font-face` rules for faces, each loaded from the URL `urlFor` gives its file: a
 * `data:` URL for the self-contained page, a request URL for the print tab.
 *
 * @param {readonly FontFace[]} faces
 *   Faces to use.
 * @param {(file: string) => Promise<string>} urlFor
 *   The URL of a font file (callers cache it).
 * @returns {Promise<string>}
 *   CSS.
 */
export async function fontFaceCss(faces: readonly FontFace[], urlFor: (file: string) => Promise<string>): Promise<string> {
  const rules = await Promise.all(
    faces.map(
      async (face) =>
        `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
        `src:url(${await urlFor(face.file)}) format('woff2');unicode-range:${face.unicodeRange}}`
    )
  );
  return rules.join('\n');
}
