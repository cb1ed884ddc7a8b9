import {createHash} from 'node:crypto';

/**
 * Where a print tab fetches a page's fonts from. The `.invalid` domain never resolves:
 * these requests are answered by the tab itself (see `PrintTab`), never by a network.
 */
export const fontOrigin = 'https://fonts.briefing.invalid';

/** A page rewritten to fetch its fonts, and the fonts it fetches, by URL. */
export interface FontRequests {
  readonly html: string;
  /** Base64 font data by URL. */
  readonly fonts: ReadonlyMap<string, string>;
}

const fontSources = /(font-src )data:(;)/;
const inlineFont = 'url(data:font/';

/**
 * Rewrite a self-contained page so that the browser fetches its fonts by URL instead
 * of decoding them from `data:` URLs. A tab keeps fetched fonts in its memory cache, so
 * from its second document on it parses no font again: that saves about a fifth of
 * Chromium's work on a short briefing, and most of the bytes sent to it. URLs are
 * named by content, so a font is fetched once whatever page uses it.
 *
 * Only the head is rewritten, where the template's styles are (a manuscript cannot put
 * a style there); the body, and any text in it that looks like a font URL, stay as they
 * are. The page's content security policy is widened to the font origin, and the page
 * is left untouched when it does not have the policy the template writes.
 *
 * @param {string} html
 *   A page from the HTML stage.
 * @returns {FontRequests}
 *   The page for printing and the fonts it will ask for.
 */
export function fontsAsRequests(html: string): FontRequests {
  const fonts = new Map<string, string>();
  const headEnd = html.indexOf('</head>');
  if (headEnd < 0) return {html, fonts};
  let head = html.slice(0, headEnd);
  if (!fontSources.test(head)) return {html, fonts};
  head = head.replace(fontSources, `$1data: ${fontOrigin}$2`);
  // A scan rather than a regular expression: the base64 runs are most of the page.
  let page = '';
  let from = 0;
  for (let at = head.indexOf(inlineFont); at >= 0; at = head.indexOf(inlineFont, from)) {
    const comma = head.indexOf(';base64,', at);
    const close = head.indexOf(')', at);
    const type = head.slice(at + inlineFont.length, comma);
    if (comma < 0 || close < comma || !/^[\w.+-]+$/.test(type)) break;
    const data = head.slice(comma + ';base64,'.length, close);
    const url = `${fontOrigin}/${createHash('sha256').update(data).digest('hex').slice(0, 32)}.${type}`;
    fonts.set(url, data);
    page += `${head.slice(from, at)}url(${url})`;
    from = close + 1;
  }
  return {html: page + head.slice(from) + html.slice(headEnd), fonts};
}
