import {isPage, pageResources} from './page-resources.js';

/*
 * The rewrite's passes (clusters, ligatures, link texts, artifacts) each read every page
 * content stream, and Chrome writes a move and a string for every glyph: the sample's four
 * pages are 330 KB of content once inflated. So the streams are inflated once, their soft
 * hyphens' marks removed once (`text-layer-soft-hyphens.ts`), and kept decoded, as
 * unfiltered streams, while the passes run; a pass that changes one writes it compressed
 * as before. At the end every stream still decoded is compressed once, or, when no pass
 * changed it, given back its own bytes, so the file is what the passes would have made
 * reading and writing compressed streams.
 */

/** The page content streams held decoded: each one's object text before, and as decoded. */
export type DecodedContents = ReadonlyMap<number, {readonly original: string; readonly decoded: string; readonly cleaned: boolean}>;

/**
 * Decode every page's content streams in place, each as an unfiltered stream object with
 * `clean` applied to its data.
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number (Latin-1), changed in place.
 * @param {(object: string | undefined) => {data: Buffer} | undefined} open
 *   Decodes a stream object (`openStream`); a stream it cannot decode is left as it is.
 * @param {(content: string) => string} clean
 *   What every pass should see of a stream's data (`withoutSoftHyphenMarks`).
 * @returns {DecodedContents}
 *   The streams decoded.
 */
export function decodeContents(
  objects: Map<number, string>,
  open: (object: string | undefined) => {data: Buffer} | undefined,
  clean: (content: string) => string
): DecodedContents {
  const decoded = new Map<number, {original: string; decoded: string; cleaned: boolean}>();
  for (const body of objects.values()) {
    if (!isPage(body)) continue;
    for (const number of pageResources(objects, body).contents) {
      const original = objects.get(number);
      if (original === undefined || decoded.has(number)) continue;
      const stream = open(original);
      if (!stream) continue;
      const content = stream.data.toString('latin1');
      const cleaned = clean(content);
      const object = decodedStream(cleaned);
      decoded.set(number, {original, decoded: object, cleaned: cleaned !== content});
      objects.set(number, object);
    }
  }
  return decoded;
}

/**
 * Compress the streams `decodeContents` left decoded: a stream no pass changed, whose data
 * `clean` left as it was, gets its own bytes back; any other still decoded is compressed
 * as a pass writes one (`flateStream`). A pass that changes a stream held decoded may
 * write it compressed, or decoded again (`decodedStream`).
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number, changed in place.
 * @param {DecodedContents} decoded
 *   What `decodeContents` returned.
 * @param {(data: Buffer) => string} compress
 *   A compressed stream object's text with this data (`flateStream`).
 */
export function encodeContents(objects: Map<number, string>, decoded: DecodedContents, compress: (data: Buffer) => string): void {
  for (const [number, entry] of decoded) {
    const object = objects.get(number);
    if (object === entry.decoded && !entry.cleaned) objects.set(number, entry.original);
    else if (object?.startsWith(decodedHead)) objects.set(number, compress(Buffer.from(object.slice(object.indexOf('\nstream\n') + 8, -'\nendstream'.length), 'latin1')));
  }
}

const decodedHead = '<</Length ';

/**
 * A stream object's text holding `data` as it is, unfiltered: how `decodeContents` holds
 * page content while the passes run.
 *
 * @param {string} data
 *   The stream's data (Latin-1).
 * @returns {string}
 *   `<</Length n>> stream … endstream`.
 */
export function decodedStream(data: string): string {
  return `${decodedHead}${data.length}>>\nstream\n${data}\nendstream`;
}
