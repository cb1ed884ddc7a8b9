import {reference} from './pdf-object-text.js';

/**
 * Title the outline's entries with the page's headings as they are written. Chrome titles
 * each entry with the heading's text as laid out: a right-to-left heading comes out with
 * its words in visual order (`کنیم مشارکت … چگونه` for `چگونه … مشارکت کنیم`), its joiners
 * out of place, and a CJK heading that wraps is written twice. Its entries are the page's
 * headings, one each, in document order (depth first), so the page's texts replace them
 * one for one; when the two counts differ (a template that hides a heading from print),
 * nothing is changed.
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number (Latin-1), changed in place.
 * @param {number} root
 *   The catalog's object number.
 * @param {readonly string[]} titles
 *   The page's headings' texts, in document order.
 * @returns {boolean}
 *   Whether the titles were set.
 */
export function setOutlineTitles(objects: Map<number, string>, root: number, titles: readonly string[]): boolean {
  const outlines = reference(objects.get(root) ?? '', 'Outlines');
  const entries: number[] = [];
  const seen = new Set<number>();
  const visit = (first: number | undefined): void => {
    for (let entry = first; entry !== undefined && !seen.has(entry); entry = reference(objects.get(entry) ?? '', 'Next')) {
      seen.add(entry);
      entries.push(entry);
      visit(reference(objects.get(entry) ?? '', 'First'));
    }
  };
  if (outlines !== undefined) visit(reference(objects.get(outlines) ?? '', 'First'));
  if (entries.length === 0 || entries.length !== titles.length) return false;
  for (const [index, entry] of entries.entries()) {
    const body = objects.get(entry) ?? '';
    const title = textString(titles[index] ?? '');
    // Chrome writes each title as a UTF-16 hex string; a literal one is replaced all the same.
    const changed = body.replace(/\/Title\s*(<[\da-fA-F\s]*>|\((?:\\[^]|[^\\)])*\))/, () => `/Title ${title}`);
    if (changed !== body) objects.set(entry, changed);
  }
  return true;
}

/** A PDF text string in UTF-16BE with its byte order mark, as hexadecimal. */
function textString(value: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < value.length; index++) hex += value.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
