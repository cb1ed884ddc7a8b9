import {createHash} from 'node:crypto';
import {reference} from './pdf-object-text.js';

/**
 * The longest name a PDF may hold, in bytes: ISO 32000-1, Annex C, Table C.1, which
 * ISO 19005-2 (PDF/A-2), 6.1.13, makes a requirement.
 */
export const longestName = 127;

/** A name token in an object's text: `/` and its regular characters, `#xx` escaped. */
const nameToken = /\/([^\s/<>[\]()%{}]*)/g;

/**
 * Give the named destinations whose names are longer than the limit short ones, and
 * every link and action that names them the new name. Chrome names a destination after
 * the element id a link points at, percent-encoded: a heading in Persian, Arabic or
 * Chinese becomes a name of three to four hundred bytes, which poppler warns about and
 * PDF/A-2 forbids. The short name is the long one's start (whole escapes only) and a
 * digest of all of it, so the same document gets the same names and two headings that
 * start alike get different ones; a name that fits is kept as it is.
 *
 * Chrome keeps its destinations in the catalog's `/Dests` dictionary (PDF 1.1), named from
 * link annotations' `/Dest`; a name tree (`/Names /Dests`) has string keys, which may be
 * long, and the outline uses explicit destinations, so neither needs a change.
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number (Latin-1), changed in place.
 * @param {number} root
 *   The catalog's object number.
 * @returns {number}
 *   How many destinations were renamed.
 */
export function shortenDestinationNames(objects: Map<number, string>, root: number): number {
  const catalog = objects.get(root) ?? '';
  const number = reference(catalog, 'Dests');
  const dests = number === undefined ? undefined : objects.get(number);
  if (number === undefined || dests === undefined) return 0;
  const names = new Set<string>();
  for (const match of dests.matchAll(nameToken)) names.add(match[1] as string);
  const renamed = new Map<string, string>();
  for (const name of [...names].sort()) {
    if (nameBytes(name) <= longestName) continue;
    renamed.set(name, shortName(name, (candidate) => names.has(candidate) || [...renamed.values()].includes(candidate)));
  }
  if (renamed.size === 0) return 0;
  const rename = (text: string, context: RegExp): string =>
    text.replace(context, (whole, key: string, name: string) => {
      const short = renamed.get(name);
      return short === undefined ? whole : `${key}/${short}`;
    });
  // In the dictionary every long name is a key; elsewhere only a destination's value is renamed.
  objects.set(number, rename(dests, /()\/([^\s/<>[\]()%{}]+)(?=[\s/<>[\]()%{}]|$)/g));
  for (const [other, body] of objects) {
    if (other === number || !/\/Dest\b|\/D\b/.test(body) || body.endsWith('endstream')) continue;
    const changed = rename(body, /(\/(?:Dest|D)\s*)\/([^\s/<>[\]()%{}]+)(?=[\s/<>[\]()%{}]|$)/g);
    if (changed !== body) objects.set(other, changed);
  }
  return renamed.size;
}

/**
 * A name's length in bytes: each `#xx` escape is one byte, every other character one.
 *
 * @param {string} token
 *   The name as written, without its slash.
 * @returns {number}
 *   Its length.
 */
export function nameBytes(token: string): number {
  return token.replace(/#[\da-fA-F]{2}/g, '#').length;
}

/** The name's first bytes, a hyphen and twelve hex digits of its SHA-256, within the limit. */
function shortName(name: string, taken: (candidate: string) => boolean): string {
  const digest = createHash('sha256').update(name).digest('hex');
  for (let digits = 12; digits <= digest.length; digits += 4) {
    let start = '';
    // A percent-encoded byte (Chrome's `#25D8`) is not cut either.
    for (const piece of name.match(/(?:#25|%)[\da-fA-F]{2}|#[\da-fA-F]{2}|[^]/g) ?? []) {
      if (nameBytes(start + piece) + 1 + digits > longestName) break;
      start += piece;
    }
    const candidate = `${start}-${digest.slice(0, digits)}`;
    if (!taken(candidate)) return candidate;
  }
  return digest;
}
