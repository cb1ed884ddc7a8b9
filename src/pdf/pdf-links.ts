/**
 * What a PDF can make a reader's viewer do: the targets of its links and the kinds of
 * its actions. Read from the dictionaries of the PDF Chrome prints (plain objects, one
 * cross-reference table); stream data is skipped, so text on a page is never mistaken for
 * a link.
 */
export interface PdfActions {
  /** Every `/URI` target, decoded. */
  readonly uris: readonly string[];
  /**
   * Every action type (`/S /URI`, `/S /GoTo`, …), other names that run or embed something,
   * and `ObjStm` when objects are compressed where they cannot be read.
   */
  readonly kinds: readonly string[];
}

/** Actions a briefing's PDF may hold: web and mail links, and jumps within the document. */
const allowedKinds = new Set(['URI', 'GoTo']);

/**
 * The action types of ISO 32000 (`/S` of an action dictionary). `/S` also names structure
 * types (`/S /P`, `/S /Link`) and transition styles, none of which shares a name with these.
 */
const actionTypes = new Set([
  'GoTo', 'GoToR', 'GoToE', 'GoToDp', 'Launch', 'Thread', 'URI', 'Sound', 'Movie', 'Hide', 'Named', 'SubmitForm', 'ResetForm',
  'ImportData', 'JavaScript', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView', 'RichMediaExecute'
]);

/** Names that mean code, embedded files or launching something, wherever they appear. */
const dangerousNames = /\/(JavaScript|JS|EmbeddedFiles?|Launch|GoToR|GoToE|SubmitForm|ImportData|RichMedia|OpenAction|AA)\b/g;

/**
 * Read a PDF's link targets and action kinds.
 *
 * @param {Uint8Array} pdf
 *   The PDF's bytes.
 * @returns {PdfActions}
 *   What it links to and what its actions are.
 */
export function pdfActions(pdf: Uint8Array): PdfActions {
  // Each stream's data is cut at its first `endstream`: data that happened to contain the
  // word would only make more text be read as dictionaries, never less.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').replace(/\bstream\r?\n[\s\S]*?endstream/g, 'stream endstream');
  const uris: string[] = [];
  const kinds: string[] = [];
  // Names are looked for outside strings: a link to MDN's `/docs/Web/JavaScript/…` is not
  // a script. When the strings cannot be told apart (one never closes), all is read.
  const names = withoutStrings(text) ?? text;
  for (const match of names.matchAll(/\/S\s*\/([A-Za-z0-9]+)/g)) if (actionTypes.has(match[1] as string)) kinds.push(match[1] as string);
  for (const match of names.matchAll(dangerousNames)) kinds.push(match[1] as string);
  // Objects inside compressed object streams cannot be read here: such a PDF is refused
  // rather than passed unread (Chrome writes none).
  if (/\/Type\s*\/ObjStm\b/.test(text)) kinds.push('ObjStm');
  for (let at = text.indexOf('/URI'); at >= 0; at = text.indexOf('/URI', at + 4)) {
    const value = /^\/URI\s*([(<])/.exec(text.slice(at, at + 16));
    if (!value) continue;
    const start = at + (value[0].length - 1);
    uris.push(value[1] === '(' ? literalString(text, start).value : hexString(text, start));
  }
  return {uris, kinds};
}

/**
 * Why a PDF may not be given to readers, or undefined when it may: it must link only to
 * web pages (`http:`, `https:`), to mail addresses (`mailto:` with at most a subject) and
 * within itself, and hold no script, launch, form or embedded file.
 *
 * @param {PdfActions} actions
 *   From `pdfActions`.
 * @returns {string | undefined}
 *   The reason, naming the first offending target.
 */
export function refusedAction(actions: PdfActions): string | undefined {
  const kind = actions.kinds.find((name) => !allowedKinds.has(name));
  if (kind === 'ObjStm') return 'compressed objects whose links cannot be checked';
  if (kind) return `an action of type /${kind}`;
  const uri = actions.uris.find((target) => !allowedUri(target));
  return uri === undefined ? undefined : `a link to \`${uri}\``;
}

function allowedUri(uri: string): boolean {
  if (/^https?:\/\/[^\s/\\]/i.test(uri)) return true;
  const mail = /^mailto:([^?#]*)(?:\?([^#]*))?$/i.exec(uri);
  if (!mail) return false;
  const fields = (mail[2] ?? '').split('&').filter(Boolean);
  return fields.every((field) => /^subject=/i.test(field));
}

/**
 * PDF text with every literal string `( … )` and hexadecimal string `< … >` emptied, by
 * the syntax's own rules (nested parentheses, backslash escapes, `<<` opening a dictionary).
 *
 * @param {string} text
 *   PDF objects as Latin-1 text, stream data already taken out.
 * @returns {string | undefined}
 *   The text without string contents, or undefined when a string does not end.
 */
function withoutStrings(text: string): string | undefined {
  let out = '';
  let copied = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '<') {
      if (text[index + 1] === '<') {
        index++;
        continue;
      }
      const end = text.indexOf('>', index);
      if (end < 0) return undefined;
      out += text.slice(copied, index) + '<>';
      index = end;
      copied = end + 1;
    } else if (character === '(') {
      const {end} = literalString(text, index);
      if (end < 0) return undefined;
      out += text.slice(copied, index) + '()';
      index = end;
      copied = end + 1;
    }
  }
  return out + text.slice(copied);
}

/**
 * A PDF literal string starting at `(`, with its escapes and nested parentheses: its
 * value, and where its closing `)` stands (-1 when it never closes).
 */
function literalString(text: string, start: number): {value: string; end: number} {
  let depth = 0;
  let value = '';
  for (let index = start; index < text.length; index++) {
    const character = text[index] as string;
    if (character === '\\') {
      const next = text[++index] ?? '';
      const octal = /^[0-7]{1,3}/.exec(text.slice(index, index + 3));
      if (octal) {
        value += String.fromCharCode(Number.parseInt(octal[0], 8));
        index += octal[0].length - 1;
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && text[index + 1] === '\n') index++;
      } else {
        value += {n: '\n', r: '\r', t: '\t', b: '\b', f: '\f'}[next] ?? next;
      }
      continue;
    }
    if (character === '(') {
      depth++;
      if (depth === 1) continue;
    } else if (character === ')') {
      depth--;
      if (depth === 0) return {value: decodeText(value), end: index};
    }
    value += character;
  }
  return {value: decodeText(value), end: -1};
}

/** A PDF hexadecimal string starting at `<`. */
function hexString(text: string, start: number): string {
  const end = text.indexOf('>', start);
  const digits = text.slice(start + 1, end < 0 ? undefined : end).replace(/\s/g, '');
  const bytes = Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex');
  return decodeText(bytes.toString('latin1'));
}

/** URIs are bytes; a UTF-16 text string (with its byte order mark) is decoded as such. */
function decodeText(value: string): string {
  if (value.startsWith('\u00fe\u00ff')) return Buffer.from(value.slice(2), 'latin1').swap16().toString('utf16le');
  return value;
}
