import {pageLabel, type PageLabel} from './page-label.js';

export interface PageCssOptions {
  readonly paper: 'a4' | 'letter';
  /** Running footer text: authors · publisher. */
  readonly running: string;
  /** Running header text. */
  readonly title: string;
  /** Running header date. */
  readonly date: string;
  /** The document's language: the words and digits of the page label. */
  readonly lang: string;
}

/** The class of the element `marginFontProbe` makes. */
export const marginProbeClass = 'briefing-margin-fonts';

/**
 * The per-document part of the stylesheet: paper size, and the manuscript's strings as
 * custom properties that the template's `@page` margin boxes show with `var()`:
 * `--briefing-running-title`, `--briefing-running-date`, `--briefing-running-byline`
 * and `--briefing-page-label` ("Page 3 of 7" in the document's language, counters
 * included). The label is set with no specificity, so a template's own `:root` rule
 * (or `:root:lang(de)`) replaces it.
 *
 * @param {PageCssOptions} options
 *   Values.
 * @returns {string}
 *   CSS.
 */
export function pageCss(options: PageCssOptions): string {
  const size = options.paper === 'letter' ? 'letter' : 'A4';
  const label = pageLabel(options.lang);
  return [
    `@page{size:${size}}`,
    `:root{--briefing-running-byline:${cssString(options.running)};--briefing-running-title:${cssString(options.title)};--briefing-running-date:${cssString(options.date)}}`,
    `:where(:root){--briefing-page-label:${pageLabelCss(label)}}`,
    marginProbeCss(label)
  ].join('\n');
}

/**
 * Chromium lays out `@page` margin boxes only as it prints, after the page has loaded
 * and its fonts are ready: a face that only a margin box needs (the Cyrillic of a
 * running title, a weight the article does not use) is fetched then, too late, and
 * while any face of a font is loading, Chromium draws no text in that font at all
 * (`font-display: block`). So a page number could vanish because of the title's script,
 * or come and go from run to run. The probe shows the margin boxes' strings, in every
 * face (see `marginFontProbe`), unseen and taking no room, so that the page fetches the
 * faces before it prints.
 */
function marginProbeCss(label: PageLabel): string {
  const strings = `var(--briefing-running-title) " " var(--briefing-running-date) " " var(--briefing-running-byline) " " var(--briefing-page-label) " " ${cssString(label.digits)}`;
  const probe = `.${marginProbeClass}`;
  return [
    `${probe}{position:absolute;width:0;height:0;overflow:hidden;visibility:hidden;white-space:nowrap}`,
    `${probe}>span::before{content:${strings}}`,
    `${probe}>span::after{content:${strings};text-transform:uppercase}`
  ].join('\n');
}

/**
 * A page label as a CSS `content` value: the pattern's text as strings, its
 * placeholders as `counter(page)` and `counter(pages)` in the language's digits.
 *
 * @param {PageLabel} label
 *   The label.
 * @returns {string}
 *   CSS.
 */
export function pageLabelCss(label: PageLabel): string {
  const style = label.counterStyle === 'decimal' ? '' : `, ${label.counterStyle}`;
  return label.pattern
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? `counter(page${style})` : part === '{pages}' ? `counter(pages${style})` : cssString(part)))
    .join(' ');
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
