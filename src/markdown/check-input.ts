import type {VFile} from 'vfile';
import {reportError} from '../messages/messages.js';

export interface InputLimits {
  /** Largest manuscript, in bytes. */
  readonly maxBytes: number;
  /** Deepest nesting of block quotes and lists on one line. */
  readonly maxNesting: number;
}

export const defaultLimits: InputLimits = Object.freeze({maxBytes: 5 * 1024 * 1024, maxNesting: 64});

/** Block-container openers at the start of a line: `>`, `-`, `*`, `+`, `1.`, `1)`. */
const opener = /^[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/**
 * Check a manuscript before it is parsed, so bad input gets a positioned error instead
 * of a parser that runs for minutes or overflows the stack: size, binary content,
 * invalid UTF-8, and block nesting depth. On success the value is decoded text with
 * any byte-order mark removed.
 *
 * @param {VFile} file
 *   The manuscript; its value may be bytes or text.
 * @param {InputLimits} limits
 *   Limits.
 * @returns {boolean}
 *   Whether it may be parsed.
 */
export function checkInput(file: VFile, limits: InputLimits = defaultLimits): boolean {
  const bytes = typeof file.value === 'string' ? Buffer.from(file.value) : Buffer.from(file.value ?? new Uint8Array());
  if (bytes.byteLength > limits.maxBytes) {
    reportError(file, `Manuscript is ${(bytes.byteLength / 1048576).toFixed(1)} MB, expected at most ${(limits.maxBytes / 1048576).toFixed(0)} MB`, {line: 1, column: 1}, 'input-size');
    return false;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    reportError(file, 'Unexpected binary content (a NUL byte), expected a UTF-8 text manuscript', pointAt(bytes, nul), 'input-encoding');
    return false;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes);
  } catch {
    reportError(file, 'Invalid UTF-8, expected the manuscript to be saved as UTF-8', pointAt(bytes, firstInvalidUtf8(bytes)), 'input-encoding');
    return false;
  }
  file.value = text;

  // `:::` containers nest across lines, which the per-line scan below cannot see.
  let containers = 0;
  for (const [index, line] of text.split(/\r?\n|\r/).entries()) {
    if (/^[ \t]*:{3,}[ \t]*[A-Za-z]/.test(line)) containers++;
    else if (/^[ \t]*:{3,}[ \t]*$/.test(line)) containers = Math.max(0, containers - 1);
    if (containers > limits.maxNesting) {
      reportError(file, `\`:::\` blocks nested more than ${limits.maxNesting} deep, expected a flatter structure`, {line: index + 1, column: 1}, 'input-nesting');
      return false;
    }
  }

  const lines = text.split(/\r?\n|\r/);
  for (const [index, line] of lines.entries()) {
    const indent = /^[ \t]*/.exec(line)?.[0].replaceAll('\t', '    ').length ?? 0;
    let rest = line.slice(Math.max(0, indent - 3));
    // Lists also nest by indentation: two columns per level at the least.
    let depth = Math.floor(Math.max(0, indent - 3) / 2);
    for (let match = opener.exec(rest); match && depth <= limits.maxNesting; match = opener.exec(rest)) {
      depth++;
      rest = rest.slice(match[0].length);
    }
    if (depth > limits.maxNesting) {
      reportError(file, `Block quotes or lists nested more than ${limits.maxNesting} deep, expected a flatter structure`, {line: index + 1, column: 1}, 'input-nesting');
      return false;
    }
  }
  return true;
}

function pointAt(bytes: Buffer, offset: number): {line: number; column: number} {
  const before = bytes.subarray(0, offset).toString('utf8');
  const lines = before.split('\n');
  return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1};
}

function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.byteLength;
  // The longest valid prefix, by bisection (decoding is all-or-nothing).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      // Streaming: a prefix that stops inside a character is not an error.
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, middle), {stream: true});
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  // A prefix may end inside the broken character (streaming accepts a lead byte that
  // might still be completed): step back to where that character starts.
  for (let start = low; start >= Math.max(0, low - 3); start--) {
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, start));
      return start;
    } catch {
      // Still inside the broken character.
    }
  }
  return low;
}
