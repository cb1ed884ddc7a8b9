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

const whitespace = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const delimiters = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
/** Words that are operands, not operators. */
const operandWords = new Set(['true', 'false', 'null']);

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
    const character = content[at] as string;
    if (whitespace.has(character)) {
      at++;
      continue;
    }
    if (character === '%') {
      while (at < length && content[at] !== '\n' && content[at] !== '\r') at++;
      continue;
    }
    if (start < 0) start = at;
    if (character === '(') {
      const end = literalEnd(content, at);
      if (end < 0) return undefined;
      at = end;
    } else if (character === '<' && content[at + 1] !== '<') {
      const end = content.indexOf('>', at);
      if (end < 0) return undefined;
      at = end + 1;
    } else if (character === '<' || character === '>') {
      at += 2;
    } else if (character === '[' || character === ']' || character === '{' || character === '}') {
      at++;
    } else if (character === '/') {
      at++;
      while (at < length && !whitespace.has(content[at] as string) && !delimiters.has(content[at] as string)) at++;
    } else {
      const wordStart = at;
      while (at < length && !whitespace.has(content[at] as string) && !delimiters.has(content[at] as string)) at++;
      if (at === wordStart) return undefined;
      const word = content.slice(wordStart, at);
      if (/^[-+.\d]/.test(word) || operandWords.has(word)) continue;
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
    const character = content[at];
    if (character === '\\') at++;
    else if (character === '(') depth++;
    else if (character === ')' && --depth === 0) return at + 1;
  }
  return -1;
}
