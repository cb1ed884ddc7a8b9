export interface PageCssOptions {
  readonly paper: 'a4' | 'letter';
  /** Running footer text: authors · publisher. */
  readonly running: string;
  /** Running header text. */
  readonly title: string;
  /** Running header date. */
  readonly date: string;
}

/**
 * The per-document part of the stylesheet: paper size, and the manuscript's strings as
 * custom properties that the template's `@page` margin boxes show with `var()`.
 *
 * @param {PageCssOptions} options
 *   Values.
 * @returns {string}
 *   CSS.
 */
export function pageCss(options: PageCssOptions): string {
  const size = options.paper === 'letter' ? 'letter' : 'A4';
  return [
    `@page{size:${size}}`,
    `:root{--briefing-running-byline:${cssString(options.running)};--briefing-running-title:${cssString(options.title)};--briefing-running-date:${cssString(options.date)}}`
  ].join('\n');
}

/**
 * Quote text as a CSS string. Backslashes, quotes, line breaks and `<` are escaped, so a
 * value can neither leave the string nor close the `<style>` element.
 *
 * @param {string} value
 *   Text.
 * @returns {string}
 *   CSS string literal.
 */
export function cssString(value: string): string {
  const escaped = value.replace(/[\\"<>\u0000-\u001F\u007F]/g, (character) => `\\${character.codePointAt(0)?.toString(16)} `);
  return `"${escaped}"`;
}
