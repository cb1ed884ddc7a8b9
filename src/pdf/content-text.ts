import {openStream, parseToUnicode} from './text-layer-clusters.js';

/** What a font's codes stand for. */
export interface FontText {
  /** The ToUnicode stream's object number. */
  readonly toUnicodeRef: number;
  /** Text by character code. */
  readonly toUnicode: Map<number, string>;
  /** Composite fonts (Type 0, as Chrome writes every font) have two-byte codes. */
  readonly twoByte: boolean;
}

/**
 * Read a font's ToUnicode map.
 *
 * @param {ReadonlyMap<number, string>} objects
 *   Each object's text by number.
 * @param {number} font
 *   The font's object number.
 * @returns {FontText | undefined}
 *   Its codes' text, or undefined when it has no readable ToUnicode.
 */
export function fontText(objects: ReadonlyMap<number, string>, font: number): FontText | undefined {
  const body = objects.get(font) ?? '';
  const ref = /\/ToUnicode\s*(\d+)\s+0\s+R/.exec(body);
  const stream = ref ? openStream(objects.get(Number(ref[1]))) : undefined;
  if (!ref || !stream) return undefined;
  return {toUnicodeRef: Number(ref[1]), toUnicode: parseToUnicode(stream.data.toString('latin1')), twoByte: /\/Subtype\s*\/Type0\b/.test(body)};
}

/**
 * The character codes a text-showing operation shows, from its strings (hexadecimal or
 * literal; numbers in a `TJ` array are spacing).
 *
 * @param {string} operands
 *   The operation's operands' text.
 * @param {boolean} twoByte
 *   Whether codes are two bytes.
 * @returns {number[]}
 *   The codes in order.
 */
export function shownCodes(operands: string, twoByte: boolean): number[] {
  const bytes: number[] = [];
  for (const match of operands.matchAll(/<([\da-fA-F\s]*)>|\(((?:\\[^]|[^\\)])*)\)/g)) {
    if (match[1] !== undefined) {
      const hex = match[1].replace(/\s/g, '');
      for (let index = 0; index + 2 <= hex.length; index += 2) bytes.push(Number.parseInt(hex.slice(index, index + 2), 16));
    } else {
      const literal = (match[2] ?? '').replace(/\\([0-7]{1,3}|[^])/g, (whole, escape: string) =>
        /^[0-7]/.test(escape) ? String.fromCharCode(Number.parseInt(escape, 8) & 0xff) : ({n: '\n', r: '\r', t: '\t', b: '\b', f: '\f'} as Record<string, string>)[escape] ?? escape
      );
      for (const character of literal) bytes.push(character.charCodeAt(0) & 0xff);
    }
  }
  if (!twoByte) return bytes;
  const codes: number[] = [];
  for (let index = 0; index + 1 < bytes.length; index += 2) codes.push(((bytes[index] as number) << 8) | (bytes[index + 1] as number));
  return codes;
}

/** A marked-content operator's tag (`/Span`) and, from its properties, MCID and actual text. */
export function markedContent(operands: string): {tag: string; mcid?: number; actualText?: string} {
  const tag = /\/([^\s/<>[\]()]+)/.exec(operands)?.[1] ?? '';
  const mcid = /\/MCID\s+(\d+)/.exec(operands);
  const actual = /\/ActualText\s*<(?:feff|FEFF)((?:[\da-fA-F]{4})*)>/.exec(operands);
  let actualText: string | undefined;
  if (actual) {
    actualText = '';
    for (let index = 0; index + 4 <= (actual[1] ?? '').length; index += 4) actualText += String.fromCharCode(Number.parseInt((actual[1] ?? '').slice(index, index + 4), 16));
  }
  return {tag, ...(mcid ? {mcid: Number(mcid[1])} : {}), ...(actualText === undefined ? {} : {actualText})};
}
