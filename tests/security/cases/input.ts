import type {Expected} from '../helpers/messages.js';

/**
 * Input that is not a manuscript, or is one built to exhaust the parser: binary, broken
 * encodings, nothing at all, pathological nesting, too much. Each must end with a
 * positioned error and exit status 1 (never a stack trace), within its budget.
 */
export interface InputCase {
  readonly name: string;
  readonly input: string | Buffer;
  /** The error that must be reported. */
  readonly error: Expected;
}

const head = '---\ntitle: Input\n---\n\n';
const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
const encoding = (at: `${number}:${number}` | `${number}`): Expected => ({rule: 'input-encoding', at, severity: 'error'});
const nesting = (at?: `${number}:${number}` | `${number}`): Expected => (at === undefined ? {rule: 'input-nesting', severity: 'error'} : {rule: 'input-nesting', at, severity: 'error'});

/** The eight bytes every PNG starts with, then its header chunk: NUL on line 3. */
const pngStart = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];

export const inputCases: readonly InputCase[] = [
  // Not text.
  {name: 'binary-png', input: bytes(pngStart, 'rest of an image'), error: encoding('3:1')},
  {name: 'nul-byte', input: bytes(head, 'Hello', [0], 'world\n'), error: encoding('5:6')},
  {name: 'utf16-with-bom', input: Buffer.from(`\uFEFF${head}Body.\n`, 'utf16le'), error: encoding('1')},

  // Invalid UTF-8: the place is the first byte that is not UTF-8.
  {name: 'latin1-e-acute', input: bytes(head, 'caf', [0xe9], ' au lait\n'), error: encoding('5:4')},
  {name: 'latin1-in-front-matter', input: bytes('---\ntitle: caf', [0xe9], '\n---\n\nBody.\n'), error: encoding('2:11')},
  {name: 'lone-continuation-byte', input: bytes(head, 'ab', [0x80], 'cd\n'), error: encoding('5:3')},
  {name: 'lead-byte-then-ascii', input: bytes(head, 'wor', [0xc3, 0x28], 'ld\n'), error: encoding('5:4')},
  {name: 'overlong-slash', input: bytes(head, 'a', [0xc0, 0xaf], 'b\n'), error: encoding('5:2')},
  {name: 'utf16-surrogate-in-utf8', input: bytes(head, 'ab', [0xed, 0xa0, 0x80], '\n'), error: encoding('5:3')},
  {name: 'truncated-at-end', input: bytes(head, 'ab', [0xe2, 0x82]), error: encoding('5:3')},
  {name: 'above-unicode', input: bytes(head, 'a', [0xf4, 0x90, 0x80, 0x80], '\n'), error: encoding('5:2')},

  // Nothing to build.
  {name: 'empty', input: '', error: {rule: 'front-matter-missing', at: '1:1', severity: 'error'}},
  {name: 'only-white-space', input: '  \n\n\t\n', error: {rule: 'front-matter-missing', at: '1:1', severity: 'error'}},
  {name: 'only-bom', input: '\uFEFF', error: {rule: 'front-matter-missing', at: '1:1', severity: 'error'}},

  // Pathological nesting: a positioned error, not `RangeError: Maximum call stack size exceeded`.
  {name: 'block-quotes-5000', input: `${head}${'> '.repeat(5000)}a\n`, error: nesting('5:1')},
  {name: 'block-quotes-5000-tight', input: `${head}${'>'.repeat(5000)}a\n`, error: nesting('5:1')},
  {name: 'lists-5000-one-line', input: `${head}${'- '.repeat(5000)}a\n`, error: nesting('5:1')},
  {name: 'ordered-lists-5000-one-line', input: `${head}${'1. '.repeat(5000)}a\n`, error: nesting('5:1')},
  {name: 'quotes-and-lists-5000', input: `${head}${'> - '.repeat(2500)}a\n`, error: nesting('5:1')},
  {name: 'lists-1000-indented', input: `${head}${Array.from({length: 1000}, (_, level) => `${' '.repeat(2 * level)}- a`).join('\n')}\n`, error: nesting()},
  {name: 'lists-1000-tab-indented', input: `${head}${Array.from({length: 1000}, (_, level) => `${'\t'.repeat(level)}- a`).join('\n')}\n`, error: nesting()},
  {name: 'footnote-definitions-5000', input: `${head}${'[^a]: '.repeat(5000)}x\n`, error: nesting()},
  {name: 'emphasis-3000-deep', input: `${head}${'*'.repeat(3000)}a${'*'.repeat(3000)}\n`, error: nesting()},
  // 5,000 nested `:::` containers is 25 KB: a block nesting the line scan must see too.
  {name: 'directive-containers-5000', input: `${head}${':::note\n'.repeat(5000)}x\n${':::\n'.repeat(5000)}`, error: nesting()},

  // Too much.
  {name: 'over-5-mb', input: `${head}${'a'.repeat(5 * 1024 * 1024)}\n`, error: {rule: 'input-size', at: '1:1', severity: 'error'}}
];
