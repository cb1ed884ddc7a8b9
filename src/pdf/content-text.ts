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
  for (let at = 0; at < operands.length; at++) {
    const code = operands.charCodeAt(at);
    if (code === 0x3c /* < */) {
      let high = -1;
      for (at++; at < operands.length; at++) {
        const digit = hexValue(operands.charCodeAt(at));
        if (digit === -2) break;
        if (digit < 0) continue;
        if (high < 0) high = digit;
        else {
          bytes.push(high * 16 + digit);
          high = -1;
        }
      }
    } else if (code === 0x28 /* ( */) {
      let depth = 1;
      for (at++; at < operands.length; at++) {
        const character = operands[at] as string;
        if (character === '\\') {
          const octal = /^[0-7]{1,3}/.exec(operands.slice(at + 1, at + 4));
          if (octal) {
            bytes.push(Number.parseInt(octal[0], 8) & 0xff);
            at += octal[0].length;
          } else {
            const next = operands[++at] ?? '';
            bytes.push(({n: 10, r: 13, t: 9, b: 8, f: 12} as Record<string, number>)[next] ?? next.charCodeAt(0) & 0xff);
          }
          continue;
        }
        if (character === '(') depth++;
        else if (character === ')' && --depth === 0) break;
        bytes.push(character.charCodeAt(0) & 0xff);
      }
    }
  }
  if (!twoByte) return bytes;
  const codes: number[] = [];
  for (let index = 0; index + 1 < bytes.length; index += 2) codes.push(((bytes[index] as number) << 8) | (bytes[index + 1] as number));
  return codes;
}

/** A hexadecimal digit's value; -1 for white space, -2 for `>` (or anything else, which ends the string). */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c || code === 0 ? -1 : -2;
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
