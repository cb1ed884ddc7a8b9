/** One operator of a content stream and its operands, as offsets into the stream's text. */
export interface Operation {
  readonly operator: string;
  /** Where its first operand starts (or the operator, when it has none). */
  readonly start: number;
  /** Just after the operator (after the data `EI` ends, for an inline image). */
  readonly end: number;
  /** The operands' text. */
  readonly operands: string;
}

/** Character classes by code (ISO 32000-1, 7.2.2): 1 white space, 2 delimiter, 0 regular. */
const classes = new Uint8Array(256);
for (const code of [0, 9, 10, 12, 13, 32]) classes[code] = 1;
for (const character of '()<>[]{}/%') classes[character.charCodeAt(0)] = 2;
/** Words that are operands, not operators. */
const operandWords = new Set(['true', 'false', 'null']);

/** Whether a code is a regular character (neither white space nor a delimiter). */
function regular(code: number): boolean {
  return code > 255 || classes[code] === 0;
}

/**
 * Split a page content stream (decoded, as Latin-1 text) into operations. Strings,
 * hexadecimal strings, arrays, dictionaries, names and numbers are operands; any other
 * word is an operator. An inline image (`BI … ID data EI`) is one operation, its data
 * skipped.
 *
 * @param {string} content
 *   The decoded stream.
 * @returns {Operation[] | undefined}
 *   Its operations in order, or undefined when it cannot be read (an unterminated string,
 *   an inline image without its end).
 */
export function operations(content: string): Operation[] | undefined {
  const result: Operation[] = [];
  let start = -1;
  let at = 0;
  const length = content.length;
  while (at < length) {
    const code = content.charCodeAt(at);
    if (code < 256 && classes[code] === 1) {
      at++;
      continue;
    }
    if (code === 0x25 /* % */) {
      while (at < length && content.charCodeAt(at) !== 10 && content.charCodeAt(at) !== 13) at++;
      continue;
    }
    if (start < 0) start = at;
    if (code === 0x28 /* ( */) {
      const end = literalEnd(content, at);
      if (end < 0) return undefined;
      at = end;
    } else if (code === 0x3c /* < */ && content.charCodeAt(at + 1) !== 0x3c) {
      const end = content.indexOf('>', at);
      if (end < 0) return undefined;
      at = end + 1;
    } else if (code === 0x3c || code === 0x3e /* > */) {
      at += 2;
    } else if (code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d /* [ ] { } */) {
      at++;
    } else if (code === 0x2f /* / */) {
      at++;
      while (at < length && regular(content.charCodeAt(at))) at++;
    } else {
      const wordStart = at;
      while (at < length && regular(content.charCodeAt(at))) at++;
      if (at === wordStart) return undefined;
      // Numbers start with a digit, a sign or a point; every operator with a letter or a quote.
      if ((code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e) continue;
      const word = content.slice(wordStart, at);
      if (operandWords.has(word)) continue;
      if (word === 'BI') {
        // The image's data runs from one byte after `ID` to white space, `EI`, white space.
        const data = /\sID[\s]/g;
        data.lastIndex = at;
        const id = data.exec(content);
        const ei = id ? /\sEI(?=[\s]|$)/g : undefined;
        if (!id || !ei) return undefined;
        ei.lastIndex = id.index + id[0].length;
        const end = ei.exec(content);
        if (!end) return undefined;
        at = end.index + end[0].length;
      }
      result.push({operator: word, start, end: at, operands: content.slice(start, wordStart)});
      start = -1;
    }
  }
  return result;
}

/** The offset just after a literal string starting at `(`, or -1 when it does not end. */
function literalEnd(content: string, open: number): number {
  let depth = 0;
  for (let at = open; at < content.length; at++) {
    const code = content.charCodeAt(at);
    if (code === 0x5c /* \\ */) at++;
    else if (code === 0x28) depth++;
    else if (code === 0x29 && --depth === 0) return at + 1;
  }
  return -1;
}

/** A content stream object's decoded text and its operations. */
export interface ReadContent {
  readonly content: string;
  readonly operations: Operation[] | undefined;
}

/** Reads content stream objects, each once while its text stays the same. */
export type ContentReader = (objects: ReadonlyMap<number, string>, number: number) => ReadContent | undefined;

/**
 * A reader that decodes and splits each content stream once for all the passes over a
 * PDF (artifacts, ligatures, link texts): a stream is read again only when its object
 * text changed.
 *
 * @param {(object: string | undefined) => {data: Buffer} | undefined} open
 *   Decodes a stream object (`openStream`).
 * @returns {ContentReader}
 *   The reader.
 */
export function contentReader(open: (object: string | undefined) => {data: Buffer} | undefined): ContentReader {
  const read = new Map<number, {object: string; value: ReadContent | undefined}>();
  return (objects, number) => {
    const object = objects.get(number);
    const cached = read.get(number);
    if (object !== undefined && cached?.object === object) return cached.value;
    const stream = open(object);
    const content = stream?.data.toString('latin1');
    const value = content === undefined ? undefined : {content, operations: operations(content)};
    if (object !== undefined) read.set(number, {object, value});
    return value;
  };
}
