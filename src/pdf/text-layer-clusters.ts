import {deflateSync, inflateSync} from 'node:zlib';
import type * as PdfLib from 'pdf-lib';
import type {PDFDocument} from 'pdf-lib';
import {decodedStream} from './page-contents.js';
import {isStream} from './pdf-object-text.js';

/*
 * Chrome (Skia) writes one ToUnicode entry per glyph. A shaped cluster whose glyphs do
 * not each stand for one character (Noto Sans Arabic draws `ن` as a dotless base and a
 * dot, `ة` as `ه` and two dots, `لا` as one glyph) gets `/ActualText` around it and
 * `<0000>` (or the base's presentation form) for its glyphs. Poppler and Acrobat read the
 * actual text; pdf.js (Firefox, and many other viewers) ignore it and copy, search and
 * extract U+0000 and stray letters. A glyph id cannot carry the cluster's text itself:
 * the same dotless base stands for `ب`, `ت`, `ن` and `ي`. So each such glyph is given a
 * new character code of its own, drawn with the same glyph (the font's `/CIDToGIDMap`)
 * and mapped in ToUnicode to what its cluster stands for: the cluster's widest glyph to
 * the actual text, the others (dots, marks) to U+200D ZERO WIDTH JOINER, a format
 * character that pdf.js leaves out of the text and that keeps Arabic letters joined
 * wherever else it is copied. In a right-to-left run, which Chrome draws in visual order
 * (`/ReversedChars`), the text goes in that order too (`لا` as `ال`), so that the run read
 * glyph by glyph and turned round comes out as written. Nothing drawn changes, and the marks stay for the readers
 * that use them. Presentation forms in ToUnicode (`ﻣ` for a medial meem) become the
 * letters they are forms of (NFKC), as a reader copies them.
 */

/** What the rewrite needs to know of a composite (Type 0) TrueType font. */
export interface ClusterFontInput {
  /** The decoded ToUnicode CMap. */
  readonly toUnicode: string;
  /** The descendant font's `/W` array, as written (`[0 [600] 8 [238 291]]`). */
  readonly widths: string;
  /** The descendant font's `/DW`. */
  readonly defaultWidth: number;
  /** Glyphs in the embedded font program: new codes start here. */
  readonly glyphCount: number;
}

/** A font's state while its pages are rewritten. */
export interface ClusterFont {
  readonly toUnicode: Map<number, string>;
  readonly widths: Map<number, number>;
  readonly input: ClusterFontInput;
  /** New codes by `glyph:text`. */
  readonly added: Map<string, number>;
  /** Glyph of each new code, in code order from `input.glyphCount`. */
  readonly glyphs: number[];
  /** Advance of each new code (thousandths of the font size), beside `glyphs`: the glyph's own, or one chosen to end its cluster. */
  readonly advances: number[];
}

/** What changes in a font whose text was completed. */
export interface CompletedFont {
  readonly toUnicode: string;
  /** The new `/W` array (unchanged when no code was added). */
  readonly widths: string;
  /** The `/CIDToGIDMap` stream's data (two bytes a code), or undefined to keep `/Identity`. */
  readonly cidToGid: Uint8Array | undefined;
}

const joiner = '\u200D';

/**
 * Read a font for the rewrite.
 *
 * @param {ClusterFontInput} input
 *   Its ToUnicode, widths and glyph count.
 * @returns {ClusterFont}
 *   Its state, with no code added yet.
 */
export function clusterFont(input: ClusterFontInput): ClusterFont {
  return {toUnicode: parseToUnicode(input.toUnicode), widths: parseWidths(input.widths), input, added: new Map(), glyphs: [], advances: []};
}

/**
 * Give each glyph of a cluster whose ToUnicode entries do not spell its actual text a
 * code of its own that does (see the module comment), then draw each cluster's glyphs
 * so that its text sits where a reader puts it (see `anchorSpan`).
 *
 * @param {string} content
 *   A page content stream's decoded data, as Latin-1 text.
 * @param {(name: string) => ClusterFont | undefined} fontNamed
 *   The page's composite fonts by resource name (`F5`); others are left alone.
 * @returns {string}
 *   The data with the clusters' glyphs recoded.
 */
export function recodeClusters(content: string, fontNamed: (name: string) => ClusterFont | undefined): string {
  if (!content.includes('ActualText')) return content;
  // The recoded digits by where they stand (a sparse array: most content has none).
  const out: string[] = [];
  /** Each open marked-content sequence: the glyphs of an actual-text span, else undefined. */
  const open: Array<Span | 'reversed' | undefined> = [];
  const spans: Span[] = [];
  let font: ClusterFont | undefined;
  let size = 0;
  // The text line matrix's origin since the last `Tm` (text space), and whether the
  // text position is still there (no glyph shown since): Chrome moves with `Td` before
  // every glyph but the first after a `Tm`.
  let line = {x: 0, y: 0};
  let atLine = true;
  let lastMove: number | undefined;
  let beforeMove = line;
  // Text objects without an actual-text span are read for their marked content and fonts
  // only (`light`): most of a page's text (Latin, with no shaped cluster) needs no more,
  // and following every glyph's move through it cost seven times the pass.
  const light = /\/Span\s*<<\s*\/ActualText\s*<(feff(?:[\da-f]{4})*)>\s*>>\s*BDC|\/[^\s/<>[\]()]+\s*(?:<<[^>]*>>\s*)?BDC|\/([^\s/<>[\]()]+)\s+BMC|\bEMC\b|\/([^\s/<>[\]()]+)\s+([-+\d.]+)\s+Tf\b/gi;
  const token =
    /\/Span\s*<<\s*\/ActualText\s*<(feff(?:[\da-f]{4})*)>\s*>>\s*BDC|\/[^\s/<>[\]()]+\s*(?:<<[^>]*>>\s*)?BDC|\/([^\s/<>[\]()]+)\s+BMC|\bEMC\b|\/([^\s/<>[\]()]+)\s+([-+\d.]+)\s+Tf\b|<([\da-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ|(-?[\d.]+)\s+(-?[\d.]+)\s+Td\b|(?:-?[\d.]+\s+){4}(-?[\d.]+)\s+(-?[\d.]+)\s+Tm\b|\b(?:BT|T\*|TD|\'|")(?=\s)/gi;
  for (const match of tokens(content, light, token, () => open.some((entry) => typeof entry === 'object'))) {
    const [whole, actual, marked, fontName, fontSize, shown, array, moveX, moveY, originX, originY] = match;
    const at = match.index;
    if (whole.endsWith('BDC') || whole.endsWith('BMC')) {
      // Chrome draws a right-to-left run's glyphs in visual order, marked `/ReversedChars`.
      const reversed = open.includes('reversed');
      const span: Span | undefined =
        actual === undefined ? undefined : {text: decodeUtf16(actual.slice(4)), glyphs: [], reversed, body: at + whole.length, end: 0, simple: true};
      if (span) spans.push(span);
      for (const entry of open) if (typeof entry === 'object') entry.simple = false;
      open.push(span ?? (marked === 'ReversedChars' ? 'reversed' : undefined));
    } else if (whole === 'EMC') {
      const span = open.pop();
      if (typeof span !== 'object') continue;
      span.end = at;
      recodeSpan(span.reversed ? [...span.text].reverse().join('') : span.text, span.glyphs, out);
    } else if (fontName !== undefined) {
      font = fontNamed(fontName);
      size = Number(fontSize);
      // Chrome sets the font at a run's start, inside its first span: only a change between glyphs counts.
      for (const entry of open) if (typeof entry === 'object' && entry.glyphs.length > 0) entry.simple = false;
    } else if (moveX !== undefined) {
      beforeMove = line;
      line = {x: line.x + Number(moveX), y: line.y + Number(moveY)};
      atLine = true;
      lastMove = at;
    } else if (originX !== undefined) {
      line = {x: 0, y: 0};
      atLine = true;
      lastMove = undefined;
    } else if (shown === undefined && array === undefined) {
      // BT resets the matrices; other line moves and quote operators are not Chrome's:
      // the position is no longer known.
      line = {x: 0, y: 0};
      atLine = /^BT$/i.test(whole);
      lastMove = undefined;
      for (const entry of open) if (typeof entry === 'object') entry.simple = false;
    } else {
      const span = open.findLast((entry) => typeof entry === 'object');
      const moved = lastMove;
      const placed = atLine;
      atLine = false;
      lastMove = undefined;
      if (typeof span !== 'object' || !font) {
        if (typeof span === 'object') span.simple = false;
        continue;
      }
      const strings = shown === undefined ? [...(array ?? '').matchAll(/<([\da-f]*)>/gi)].map((part) => ({hex: part[1] ?? '', at: at + 1 + part.index + 1})) : [{hex: shown, at: at + 1}];
      if (shown === undefined || shown.length !== 4 || !placed) span.simple = false;
      for (const {hex, at: start} of strings) {
        for (let index = 0; index + 4 <= hex.length; index += 4) {
          // A move before the span began stays where it is: the glyph is then redrawn from where it left the line.
          const inside = moved !== undefined && moved >= span.body;
          span.glyphs.push({font, code: Number.parseInt(hex.slice(index, index + 4), 16), at: start + index, x: line.x, y: line.y, from: inside ? beforeMove : line, size, draw: inside ? moved : at, shown: at + whole.length});
        }
      }
    }
  }
  const recoded = withDigits(content, out);
  let result = '';
  let copied = 0;
  for (const span of spans) {
    const drawn = anchorSpan(span, recoded);
    if (drawn === undefined) continue;
    const first = span.glyphs[0] as Glyph;
    const last = span.glyphs.at(-1) as Glyph;
    result += recoded.slice(copied, first.draw) + drawn;
    copied = last.shown;
  }
  return copied === 0 ? recoded : result + recoded.slice(copied);
}

/**
 * The tokens of a content stream: `full` in the text objects (`BT` … `ET`) that hold an
 * actual-text span or begin inside one, `light` everywhere else.
 */
function* tokens(content: string, light: RegExp, full: RegExp, spanOpen: () => boolean): Generator<RegExpExecArray> {
  const objects = /\bBT\b[^]*?\bET\b/g;
  let from = 0;
  const scan = function* (pattern: RegExp, start: number, end: number): Generator<RegExpExecArray> {
    pattern.lastIndex = start;
    for (let match = pattern.exec(content); match && match.index < end; match = pattern.exec(content)) yield match;
  };
  for (let object = objects.exec(content); object; object = objects.exec(content)) {
    yield* scan(light, from, object.index);
    const end = object.index + object[0].length;
    yield* scan(object[0].includes('ActualText') || spanOpen() ? full : light, object.index, end);
    from = end;
  }
  yield* scan(light, from, content.length);
}

/** `content` with the characters `out` holds put in at their places. */
function withDigits(content: string, out: readonly string[]): string {
  let result = '';
  let copied = 0;
  for (const key of Object.keys(out)) {
    const at = Number(key);
    result += content.slice(copied, at) + (out[at] as string);
    copied = at + 1;
  }
  return copied === 0 ? content : result + content.slice(copied);
}

/** An actual-text span being read. */
interface Span {
  readonly text: string;
  readonly glyphs: Glyph[];
  readonly reversed: boolean;
  /** Where its body begins and its `EMC` stands. */
  readonly body: number;
  end: number;
  /** Whether its body is only glyphs shown one by one, each after a `Td` (or at the line origin): it may be redrawn. */
  simple: boolean;
}

/** A glyph shown in a span: its font, code, where its four digits stand, and where it is drawn. */
interface Glyph {
  readonly font: ClusterFont;
  readonly code: number;
  readonly at: number;
  /** Its origin in text space from the last `Tm`, and the font size. */
  readonly x: number;
  readonly y: number;
  /** The line origin its `Td` moved from (its own origin when it has no `Td` in the span). */
  readonly from: {readonly x: number; readonly y: number};
  readonly size: number;
  /** Where its `Td` (else its string) begins, and where its `Tj` ends. */
  readonly draw: number;
  readonly shown: number;
}

/**
 * A reader that honours `/ActualText` (poppler, Acrobat) puts the span's text at the first
 * glyph drawn in it, on that glyph's baseline, as wide as from there to the end of the last
 * one. Chrome draws a cluster's glyphs in visual order: in a right-to-left run the dots and
 * marks before their base (`آ` as madda, then alef), so the letter is read raised (poppler
 * then reads `آ` on a line of its own) and starting inside its base (poppler puts a space
 * before it: `ز مان ی`). So the base, the glyph on the line's baseline furthest left, is
 * drawn first and the others after it, each where it was; the last one gets a code whose
 * advance reaches the cluster's end (its advance moves nothing: every glyph is placed by
 * its own `Td`), and a last `Td` leaves the line where Chrome left it. What is drawn does
 * not change: the same glyphs at the same places, one cluster painted in another order.
 *
 * @param {Span} span
 *   A span read by `recodeClusters`.
 * @param {string} content
 *   The content with the clusters recoded (same positions as the original).
 * @returns {string | undefined}
 *   The text to put from its first glyph's `Td` to its last glyph's `Tj`, or undefined to leave it.
 */
function anchorSpan(span: Span, content: string): string | undefined {
  const {glyphs} = span;
  if (!span.simple || glyphs.length < 2 || !/^\s*$/.test(content.slice(glyphs.at(-1)?.shown, span.end))) return undefined;
  const font = (glyphs[0] as Glyph).font;
  if (glyphs.some((glyph) => glyph.font !== font || glyph.size !== (glyphs[0] as Glyph).size) || !(font.input.glyphCount > 0)) return undefined;
  // After the span, the next glyph must be placed by a `Td` or `Tm` of its own, not by the last glyph's advance.
  if (!/^(?:\s|EMC\b|\/[^\s/<>[\]()]+\s*(?:<<(?:[^<>]|<[\da-f]*>)*>>\s*)?BDC|\/[^\s/<>[\]()]+\s+BMC)*(?:-?[\d.]+\s+-?[\d.]+\s+Td\b|(?:-?[\d.]+\s+){4}-?[\d.]+\s+-?[\d.]+\s+Tm\b|ET\b)/i.test(content.slice(span.end))) return undefined;
  const codes = glyphs.map((glyph) => Number.parseInt(content.slice(glyph.at, glyph.at + 4), 16));
  const size = (glyphs[0] as Glyph).size;
  const ends = glyphs.map((glyph, index) => glyph.x + (widthOf(font, codes[index] as number) * size) / 1000);
  const end = Math.max(...ends);
  const lowest = Math.min(...glyphs.map((glyph) => Math.abs(glyph.y)));
  let anchor = -1;
  for (const [index, glyph] of glyphs.entries()) {
    if (Math.abs(Math.abs(glyph.y) - lowest) < 1e-3 && (anchor === -1 || glyph.x < (glyphs[anchor] as Glyph).x - 1e-3)) anchor = index;
  }
  const order = [anchor, ...[...glyphs.keys()].filter((index) => index !== anchor)];
  const lastIndex = order.at(-1) as number;
  const last = glyphs[lastIndex] as Glyph;
  if (anchor === 0 && (ends[lastIndex] as number) >= end - 1e-3) return undefined;
  const lastCode = codes[lastIndex] as number;
  const advance = Math.max(0, Math.round(((end - last.x) * 1000000) / size) / 1000);
  const widened = Math.abs(advance - widthOf(font, lastCode)) > 1e-3 ? codeFor(font, glyphOf(font, lastCode), font.toUnicode.get(lastCode) ?? '', advance) : lastCode;
  if (widened === undefined) return undefined;
  let from: {readonly x: number; readonly y: number} = (glyphs[0] as Glyph).from;
  let text = '';
  for (const index of order) {
    const glyph = glyphs[index] as Glyph;
    const code = index === lastIndex ? widened : (codes[index] as number);
    text += `${move(glyph.x - from.x, glyph.y - from.y)}<${code.toString(16).padStart(4, '0')}> Tj\n`;
    from = glyph;
  }
  const chrome = glyphs.at(-1) as Glyph;
  return text + move(chrome.x - from.x, chrome.y - from.y).trimEnd();
}

/** A `Td` by (x, y), with a line break, or nothing when it does not move. */
function move(x: number, y: number): string {
  const number = (value: number): string => {
    const rounded = Math.round(value * 1e6) / 1e6;
    return Object.is(rounded, -0) ? '0' : String(rounded);
  };
  return Math.abs(x) < 1e-6 && Math.abs(y) < 1e-6 ? '' : `${number(x)} ${number(y)} Td\n`;
}

function recodeSpan(actual: string, glyphs: readonly Glyph[], out: string[]): void {
  // Soft hyphens are the other module's (text-layer-soft-hyphens.ts): never mapped to a glyph.
  const text = actual.replaceAll('\u00AD', '');
  if (text === '' || glyphs.length === 0) return;
  const spelled = glyphs.map((glyph) => glyph.font.toUnicode.get(glyph.code) ?? '').join('');
  if (spelled.normalize('NFKC') === text.normalize('NFKC')) return;
  let main = glyphs[0] as Glyph;
  for (const glyph of glyphs) if (widthOf(glyph.font, glyph.code) > widthOf(main.font, main.code)) main = glyph;
  for (const glyph of glyphs) {
    const wanted = glyph === main ? text : joiner;
    if (glyph.font.toUnicode.get(glyph.code) === wanted) continue;
    const code = codeFor(glyph.font, glyph.code, wanted);
    if (code === undefined) continue;
    const digits = code.toString(16).padStart(4, '0');
    for (let index = 0; index < 4; index++) out[glyph.at + index] = digits[index] as string;
  }
}

/** The glyph a code draws: itself for the font's own codes (`/Identity`), else the one it was made for. */
function glyphOf(font: ClusterFont, code: number): number {
  return font.glyphs[code - font.input.glyphCount] ?? code;
}

function widthOf(font: ClusterFont, code: number): number {
  const added = font.advances[code - font.input.glyphCount];
  return added ?? font.widths.get(glyphOf(font, code)) ?? font.input.defaultWidth;
}

/** The code drawing `glyph` that stands for `text` (with `advance`, else the glyph's own), made when new; undefined when the font has no code left. */
function codeFor(font: ClusterFont, glyph: number, text: string, advance?: number): number | undefined {
  const key = `${glyph}:${text}:${advance ?? ''}`;
  let code = font.added.get(key);
  if (code === undefined) {
    code = font.input.glyphCount + font.glyphs.length;
    if (code > 0xffff) return undefined;
    font.added.set(key, code);
    font.glyphs.push(glyph);
    font.advances.push(advance ?? font.widths.get(glyph) ?? font.input.defaultWidth);
    font.toUnicode.set(code, text);
  }
  return code;
}

/**
 * What a font's dictionaries and ToUnicode become after its pages were rewritten.
 *
 * @param {ClusterFont} font
 *   The font's state.
 * @returns {CompletedFont | undefined}
 *   The changes, or undefined when there are none (no code added, no presentation form).
 */
export function completeFont(font: ClusterFont): CompletedFont | undefined {
  let folded = false;
  for (const [code, text] of font.toUnicode) {
    if (!/[\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text)) continue;
    font.toUnicode.set(code, text.normalize('NFKC'));
    folded = true;
  }
  if (!folded && font.glyphs.length === 0) return undefined;
  const toUnicode = writeToUnicode(font.toUnicode);
  if (font.glyphs.length === 0) return {toUnicode, widths: font.input.widths, cidToGid: undefined};
  const first = font.input.glyphCount;
  const added = font.advances;
  const widths = `${font.input.widths.replace(/\]\s*$/, '')} ${first} [${added.join(' ')}]]`;
  const map = Buffer.alloc((first + font.glyphs.length) * 2);
  for (let code = 0; code < first; code++) map.writeUInt16BE(code, code * 2);
  for (const [index, glyph] of font.glyphs.entries()) map.writeUInt16BE(glyph, (first + index) * 2);
  return {toUnicode, widths, cidToGid: new Uint8Array(map.buffer, map.byteOffset, map.byteLength)};
}

/**
 * The glyph count of a TrueType font program (its `maxp` table).
 *
 * @param {Uint8Array} program
 *   The decoded `/FontFile2`.
 * @returns {number | undefined}
 *   `numGlyphs`, or undefined when the data is not a TrueType font.
 */
export function glyphCount(program: Uint8Array): number | undefined {
  const data = Buffer.from(program.buffer, program.byteOffset, program.byteLength);
  if (data.length < 12) return undefined;
  const tables = data.readUInt16BE(4);
  for (let index = 0; index < tables; index++) {
    const record = 12 + index * 16;
    if (record + 16 > data.length) return undefined;
    if (data.toString('latin1', record, record + 4) !== 'maxp') continue;
    const offset = data.readUInt32BE(record + 8);
    return offset + 6 <= data.length ? data.readUInt16BE(offset + 4) : undefined;
  }
  return undefined;
}

/** Codes and texts of a ToUnicode CMap's `bfchar` and `bfrange` entries (two-byte codes, as Chrome writes). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([\da-f]+)>\s*<([\da-f]*)>/gi)) map.set(Number.parseInt(entry[1] ?? '', 16), decodeUtf16(entry[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([\da-f]+)>\s*<([\da-f]+)>\s*(<[\da-f]*>|\[[^\]]*\])/gi)) {
      const low = Number.parseInt(entry[1] ?? '', 16);
      const high = Number.parseInt(entry[2] ?? '', 16);
      const target = entry[3] ?? '';
      if (target.startsWith('[')) {
        [...target.matchAll(/<([\da-f]*)>/gi)].forEach((part, index) => map.set(low + index, decodeUtf16(part[1] ?? '')));
      } else {
        const units = decodeUtf16(target.slice(1, -1));
        for (let code = low; code <= high && code - low < 0x10000; code++) {
          map.set(code, units.slice(0, -1) + String.fromCharCode(units.charCodeAt(units.length - 1) + code - low));
        }
      }
    }
  }
  return map;
}

export function writeToUnicode(map: Map<number, string>): string {
  const entries = [...map].sort((a, b) => a[0] - b[0]).map(([code, text]) => `<${code.toString(16).padStart(4, '0').toUpperCase()}> <${encodeUtf16(text)}>`);
  const blocks: string[] = [];
  // A CMap block holds at most 100 entries.
  for (let index = 0; index < entries.length; index += 100) {
    const block = entries.slice(index, index + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo',
    '<<  /Registry (Adobe)',
    '/Ordering (UCS)',
    '/Supplement 0',
    '>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end'
  ].join('\n');
}

/** The widths of a `/W` array: `c [w1 w2 …]` and `first last w`. */
function parseWidths(array: string): Map<number, number> {
  const widths = new Map<number, number>();
  const tokens = array.replace(/^\s*\[|\]\s*$/g, '').match(/\[|\]|[-+\d.]+/g) ?? [];
  for (let index = 0; index < tokens.length; ) {
    const first = Number(tokens[index]);
    if (tokens[index + 1] === '[') {
      let code = first;
      index += 2;
      while (index < tokens.length && tokens[index] !== ']') widths.set(code++, Number(tokens[index++]));
      index++;
    } else {
      const last = Number(tokens[index + 1]);
      const width = Number(tokens[index + 2]);
      for (let code = first; code <= last && code - first < 0x10000; code++) widths.set(code, width);
      index += 3;
    }
  }
  return widths;
}

function decodeUtf16(hex: string): string {
  let text = '';
  for (let index = 0; index + 4 <= hex.length; index += 4) text += String.fromCharCode(Number.parseInt(hex.slice(index, index + 4), 16));
  return text;
}

function encodeUtf16(text: string): string {
  let hex = '';
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}

/** A stream object's text (`<< … >> stream … endstream`, Latin-1) taken apart. */
export interface StreamParts {
  readonly dictionary: string;
  readonly data: Buffer;
}

/** A stream's dictionary and decoded data, when it is unfiltered or Flate-compressed. */
export function openStream(object: string | undefined): StreamParts | undefined {
  const head = object === undefined ? null : /^<<([^]*?)>>\s*stream\r?\n/.exec(object);
  if (!object || !head) return undefined;
  const dictionary = head[1] ?? '';
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  if (!length) return undefined;
  const raw = Buffer.from(object.slice(head[0].length, head[0].length + Number(length[1])), 'latin1');
  const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(dictionary)?.[1];
  if (filter === undefined) return {dictionary, data: raw};
  if (filter.replace(/[[\]\s]/g, '') !== '/FlateDecode') return undefined;
  try {
    return {dictionary, data: inflateSync(raw)};
  } catch {
    return undefined;
  }
}

/** A Flate-compressed stream object's text with `data`. */
export function flateStream(data: Buffer, extra = ''): string {
  const compressed = deflateSync(data);
  return `<</Filter /FlateDecode${extra}\n/Length ${compressed.length}>>\nstream\n${compressed.toString('latin1')}\nendstream`;
}

/**
 * Complete the text of shaped clusters (see the module comment) in a PDF read as object
 * texts, as `rewriteChromePdf` reads Chrome's files: page content, the composite fonts'
 * ToUnicode, `/W` and `/CIDToGIDMap`. New objects (the glyph maps) are numbered from `size`.
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number, changed in place.
 * @param {number} size
 *   One more than the highest object number.
 * @returns {number}
 *   The new size.
 */
export function completeClusterText(objects: Map<number, string>, size: number): number {
  const fonts = new Map<number, {font: ClusterFont; descendant: number; toUnicode: number} | undefined>();
  const fontAt = (number: number): ClusterFont | undefined => {
    if (!fonts.has(number)) fonts.set(number, readFont(objects, number));
    return fonts.get(number)?.font;
  };
  for (const body of objects.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(body) || isStream(body)) continue;
    let resources = /\/Resources\s*(\d+)\s+0\s+R/.exec(body) ? (objects.get(Number(/\/Resources\s*(\d+)\s+0\s+R/.exec(body)?.[1])) ?? '') : body;
    const fontRef = /\/Font\s*(\d+)\s+0\s+R/.exec(resources);
    if (fontRef) resources = `/Font ${objects.get(Number(fontRef[1])) ?? ''}`;
    const names = new Map<string, number>();
    for (const entry of (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) names.set(entry[1] ?? '', Number(entry[2]));
    if (names.size === 0) continue;
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(body)?.[1] ?? '';
    for (const ref of contents.matchAll(/(\d+)\s+0\s+R/g)) {
      const stream = openStream(objects.get(Number(ref[1])));
      if (!stream) continue;
      const content = stream.data.toString('latin1');
      const recoded = recodeClusters(content, (name) => {
        const at = names.get(name);
        return at === undefined ? undefined : fontAt(at);
      });
      // Content held decoded for the passes after this one (`page-contents.ts`) stays so.
      if (recoded !== content) objects.set(Number(ref[1]), /\/Filter\b/.test(stream.dictionary) ? flateStream(Buffer.from(recoded, 'latin1')) : decodedStream(recoded));
    }
  }
  let next = size;
  for (const entry of fonts.values()) {
    const completed = entry && completeFont(entry.font);
    if (!entry || !completed) continue;
    objects.set(entry.toUnicode, flateStream(Buffer.from(completed.toUnicode, 'latin1')));
    if (!completed.cidToGid) continue;
    const map = next++;
    objects.set(map, flateStream(Buffer.from(completed.cidToGid)));
    const descendant = objects.get(entry.descendant) ?? '';
    objects.set(entry.descendant, replaceArray(descendant, 'W', completed.widths).replace(/\/CIDToGIDMap\s*\/Identity/, `/CIDToGIDMap ${map} 0 R`));
  }
  return next;
}

/** A composite TrueType font with an identity glyph map, ready for the rewrite; undefined for any other. */
function readFont(objects: Map<number, string>, number: number): {font: ClusterFont; descendant: number; toUnicode: number} | undefined {
  const type0 = objects.get(number) ?? '';
  const descendant = Number(/\/DescendantFonts\s*\[\s*(\d+)\s+0\s+R\s*\]/.exec(type0)?.[1]);
  const toUnicodeRef = Number(/\/ToUnicode\s*(\d+)\s+0\s+R/.exec(type0)?.[1]);
  if (!/\/Subtype\s*\/Type0/.test(type0) || !/\/Encoding\s*\/Identity-H/.test(type0) || !descendant || !toUnicodeRef) return undefined;
  const cidFont = objects.get(descendant) ?? '';
  if (!/\/Subtype\s*\/CIDFontType2/.test(cidFont) || !/\/CIDToGIDMap\s*\/Identity/.test(cidFont)) return undefined;
  const descriptor = objects.get(Number(/\/FontDescriptor\s*(\d+)\s+0\s+R/.exec(cidFont)?.[1])) ?? '';
  const program = openStream(objects.get(Number(/\/FontFile2\s*(\d+)\s+0\s+R/.exec(descriptor)?.[1])));
  const toUnicode = openStream(objects.get(toUnicodeRef));
  const count = program && glyphCount(program.data);
  if (!toUnicode || count === undefined) return undefined;
  const widths = arrayText(cidFont, 'W') ?? '[]';
  const defaultWidth = Number(/\/DW\s+([-+\d.]+)/.exec(cidFont)?.[1] ?? 1000);
  return {font: clusterFont({toUnicode: toUnicode.data.toString('latin1'), widths, defaultWidth, glyphCount: count}), descendant, toUnicode: toUnicodeRef};
}

/** The text of `/Key [ … ]` in a dictionary, brackets matched. */
function arrayText(dictionary: string, key: string): string | undefined {
  const start = new RegExp(`/${key}\\s*\\[`).exec(dictionary);
  if (!start) return undefined;
  const open = start.index + start[0].length - 1;
  let depth = 0;
  for (let index = open; index < dictionary.length; index++) {
    if (dictionary[index] === '[') depth++;
    else if (dictionary[index] === ']' && --depth === 0) return dictionary.slice(open, index + 1);
  }
  return undefined;
}

/** A dictionary with `/Key [ … ]` replaced by `/Key value`, or added when it had none. */
function replaceArray(dictionary: string, key: string, value: string): string {
  const old = arrayText(dictionary, key);
  if (old === undefined) return dictionary.replace(/>>\s*$/, `\n/${key} ${value}>>`);
  const at = dictionary.indexOf(old, new RegExp(`/${key}\\s*\\[`).exec(dictionary)?.index ?? 0);
  return dictionary.slice(0, at) + value + dictionary.slice(at + old.length);
}

/**
 * The same for a PDF that pdf-lib has loaded (the general path of `setPdfMetadata`): its
 * objects are written out as text, completed as above, and those that changed are parsed
 * back in.
 *
 * @param {PDFDocument} doc
 *   The loaded PDF, changed in place.
 * @param {Pick<typeof PdfLib, 'PDFRef' | 'PDFObjectParser'>} lib
 *   pdf-lib, as the caller loaded it.
 */
export function completeClusterTextWithPdfLib(doc: PDFDocument, lib: Pick<typeof PdfLib, 'PDFRef' | 'PDFObjectParser'>): void {
  const objects = new Map<number, string>();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (ref.generationNumber === 0) objects.set(ref.objectNumber, object.toString());
  }
  const before = new Map(objects);
  const size = completeClusterText(objects, doc.context.largestObjectNumber + 1);
  for (const [number, text] of objects) {
    if (before.get(number) === text) continue;
    const object = lib.PDFObjectParser.forBytes(Buffer.from(text, 'latin1'), doc.context).parseObject();
    doc.context.assign(lib.PDFRef.of(number), object);
  }
  if (size > doc.context.largestObjectNumber + 1) doc.context.largestObjectNumber = size - 1;
}
