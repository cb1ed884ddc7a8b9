import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject
} from 'pdf-lib';
import {operations} from '../../pdf/content-stream.js';
import {longestName} from '../../pdf/destination-names.js';
import {standardStructureTypes} from '../../pdf/structure-types.js';
import {conditions, type ConditionId} from './conditions.js';

/** One condition a PDF fails, and where. */
export interface PdfFinding {
  /** `13-004`, or a PDF/A-2 clause (`PDF/A-2 6.1.3 ID`). */
  readonly checkpoint: ConditionId;
  /** The condition as its standard words it. */
  readonly condition: string;
  /** Where it fails (`page 2`, `H3 "Costs"`), when it is something in the file; at most 10. */
  readonly where: readonly string[];
  /**
   * For a heading out of level (14-002, 14-003): which headings, by their place among the
   * document's headings in reading order (from 0), so that a build can point at their lines.
   */
  readonly headings?: readonly number[] | undefined;
}

export interface CheckPdfOptions {
  /** Check the PDF/A-2b rules too (default: when the file's XMP claims PDF/A). */
  readonly pdfA?: boolean | undefined;
}

/** Operators that set a device colour (DeviceGray, DeviceRGB, DeviceCMYK). */
const deviceOperators = new Set(['g', 'G', 'rg', 'RG', 'k', 'K']);
const drawing = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);

/**
 * Check a PDF against the machine-checkable conditions of PDF/UA-1 (Matterhorn Protocol)
 * that a briefing could break, and, for a file that claims PDF/A (or when asked), the
 * PDF/A-2b rules. Any PDF can be checked, not only briefing's.
 *
 * @param {Uint8Array} bytes
 *   The PDF.
 * @param {CheckPdfOptions} options
 *   Which rules.
 * @returns {Promise<PdfFinding[]>}
 *   The conditions it fails, in the order of their numbers; empty when it passes.
 */
export async function checkPdf(bytes: Uint8Array, options: CheckPdfOptions = {}): Promise<PdfFinding[]> {
  return (await checkPdfReport(bytes, options)).findings;
}

/** What `checkPdfReport` found, and against which standards. */
export interface PdfCheckReport {
  readonly findings: PdfFinding[];
  /** `PDF/UA-1`, and `PDF/A-2b` when its rules were checked too. */
  readonly standards: readonly string[];
  /** The level of each heading (`H1`…`H6`, after the role map) in reading order. */
  readonly headings: readonly number[];
}

/**
 * `checkPdf`, saying also which standards were checked.
 *
 * @param {Uint8Array} bytes
 *   The PDF.
 * @param {CheckPdfOptions} options
 *   Which rules.
 * @returns {Promise<PdfCheckReport>}
 *   The findings and the standards.
 */
export async function checkPdfReport(bytes: Uint8Array, options: CheckPdfOptions = {}): Promise<PdfCheckReport> {
  const found = new Map<ConditionId, string[]>();
  const headingsOf = new Map<ConditionId, number[]>();
  const failHeading = (id: ConditionId, index: number, where: string): void => {
    fail(id, where);
    headingsOf.set(id, [...(headingsOf.get(id) ?? []), index]);
  };
  const fail = (id: ConditionId, where?: string): void => {
    const list = found.get(id) ?? [];
    if (where !== undefined && list.length < 10 && !list.includes(where)) list.push(where);
    found.set(id, list);
  };
  const doc = await PDFDocument.load(bytes, {ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false});
  const {context} = doc;
  const lookup = (object: PDFObject | undefined): PDFObject | undefined => (object instanceof PDFRef ? context.lookup(object) : object);
  const dict = (object: PDFObject | undefined): PDFDict | undefined => {
    const value = lookup(object);
    return value instanceof PDFDict ? value : value instanceof PDFStream ? value.dict : undefined;
  };
  const name = (object: PDFObject | undefined): string | undefined => {
    const value = lookup(object);
    return value instanceof PDFName ? value.decodeText() : undefined;
  };
  const text = (object: PDFObject | undefined): string | undefined => {
    const value = lookup(object);
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
  };
  const get = (owner: PDFDict | undefined, key: string): PDFObject | undefined => lookup(owner?.get(PDFName.of(key)));
  const catalog = doc.catalog;
  const trailer = context.trailerInfo;
  const encrypt = dict(trailer.Encrypt);

  // Metadata (06), and the document's language (11).
  const metadataObject = lookup(catalog.get(PDFName.of('Metadata')));
  const xmp = metadataObject instanceof PDFRawStream ? streamText(metadataObject, 'utf8') : undefined;
  if (xmp === undefined) fail('06-001');
  else {
    if (!/pdfuaid:part(?:>\s*1\s*<|\s*=\s*["']1["'])/.test(xmp)) fail('06-002');
    if (!/<dc:title\b/.test(xmp)) fail('06-003');
  }
  const preferences = dict(catalog.get(PDFName.of('ViewerPreferences')));
  const displayTitle = get(preferences, 'DisplayDocTitle');
  if (displayTitle === undefined) fail('07-001');
  else if (displayTitle === PDFBool.False) fail('07-002');
  if (get(dict(catalog.get(PDFName.of('MarkInfo'))), 'Suspects') === PDFBool.True) fail('01-007');
  if (encrypt && get(encrypt, 'P') === undefined) fail('26-001');
  const lang = text(catalog.get(PDFName.of('Lang')))?.trim();
  if (!lang) {
    if (xmp !== undefined || trailer.Info) fail('11-006');
    if (catalog.get(PDFName.of('Outlines'))) fail('11-003');
  }

  // The structure tree: types, role map (02), figures (13), headings (14), tables (15), notes (19).
  const treeRoot = dict(catalog.get(PDFName.of('StructTreeRoot')));
  const roleMap = dict(get(treeRoot, 'RoleMap'));
  const roles = new Map<string, string>();
  for (const [key, value] of roleMap?.entries() ?? []) {
    const target = name(value);
    if (target) roles.set(key.decodeText(), target);
  }
  for (const from of roles.keys()) if (standardStructureTypes.has(from)) fail('02-004', from);
  const standardType = (type: string): string | undefined => {
    const seen = new Set<string>();
    let current = type;
    while (!standardStructureTypes.has(current)) {
      if (seen.has(current)) {
        fail('02-003', type);
        return undefined;
      }
      seen.add(current);
      const next = roles.get(current);
      if (next === undefined) return undefined;
      current = next;
    }
    return current;
  };
  const headings: string[] = [];
  const noteIds = new Map<string, number>();
  const visited = new Set<PDFObject>();
  let bareH = false;
  const walk = (object: PDFObject | undefined, langKnown: boolean): void => {
    const value = lookup(object);
    if (value instanceof PDFArray) {
      for (const kid of value.asArray()) walk(kid, langKnown);
      return;
    }
    if (!(value instanceof PDFDict) || visited.has(value)) return;
    visited.add(value);
    const rawType = name(value.get(PDFName.of('S')));
    if (rawType === undefined) return;
    const known = langKnown || Boolean(text(value.get(PDFName.of('Lang')))?.trim());
    const type = standardType(rawType);
    if (type === undefined) fail('02-001', rawType);
    const has = (key: string): boolean => value.get(PDFName.of(key)) !== undefined;
    if (type === 'Figure' && !has('Alt') && !has('ActualText')) fail('13-004', rawType === 'Figure' ? undefined : rawType);
    if (!known && (has('Alt') || has('ActualText') || has('E'))) fail('11-002', rawType);
    if (!known && ownsContent(value.get(PDFName.of('K')), lookup)) fail('11-001', rawType);
    if (type && /^H[1-6]$/.test(type)) headings.push(type);
    if (type === 'H') bareH = true;
    if (type === 'TH' && !has('Headers') && !attributeHas(value, 'Scope', lookup)) fail('15-003');
    if (type === 'Note') {
      const id = text(value.get(PDFName.of('ID')));
      if (id === undefined) fail('19-003');
      else noteIds.set(id, (noteIds.get(id) ?? 0) + 1);
    }
    walk(value.get(PDFName.of('K')), known);
  };
  if (treeRoot) walk(treeRoot.get(PDFName.of('K')), Boolean(lang));
  // Untagged text has only the catalog's language.
  else if (!lang) fail('11-001');
  for (const [id, count] of noteIds) if (count > 1) fail('19-004', id);
  if (headings.length > 0) {
    if (headings[0] !== 'H1') failHeading('14-002', 0, headings[0] ?? '');
    for (let index = 1; index < headings.length; index++) {
      const from = Number(headings[index - 1]?.slice(1));
      const to = Number(headings[index]?.slice(1));
      if (to > from + 1) failHeading('14-003', index, `H${from} → H${to}`);
    }
    if (bareH) fail('14-007');
  }

  // Annotations (28), through the parent tree: which structure element holds each.
  const parents = numberTree(get(treeRoot, 'ParentTree'), lookup);
  const pdfA = options.pdfA ?? (xmp !== undefined && /pdfaid:part/.test(xmp));
  let deviceColour = false;
  for (const [index, page] of doc.getPages().entries()) {
    const where = `page ${index + 1}`;
    const annotations = lookup(page.node.get(PDFName.of('Annots')));
    const list = annotations instanceof PDFArray ? annotations.asArray().map(dict) : [];
    if (list.length > 0) {
      const tabs = name(page.node.get(PDFName.of('Tabs')));
      if (tabs === undefined) fail('28-008', where);
      else if (tabs !== 'S') fail('28-009', where);
    }
    for (const annotation of list) {
      if (!annotation) continue;
      const subtype = name(annotation.get(PDFName.of('Subtype'))) ?? '';
      const key = lookup(annotation.get(PDFName.of('StructParent')));
      const parent = key instanceof PDFNumber ? dict(parents.get(key.asNumber())) : undefined;
      const parentType = parent && standardType(name(parent.get(PDFName.of('S'))) ?? '');
      if (subtype === 'Link') {
        if (parentType !== 'Link') fail('28-011', where);
        if (!text(annotation.get(PDFName.of('Contents')))?.trim() && !parent?.get(PDFName.of('Alt'))) fail('28-012', where);
      } else if (subtype === 'Widget') {
        if (parentType !== 'Form') fail('28-010', where);
      } else if (subtype !== 'PrinterMark' && subtype !== 'Popup' && parentType !== 'Annot') {
        fail('28-002', `${where}: ${subtype}`);
      }
      if (!lang && annotation.get(PDFName.of('Contents'))) fail('11-004', where);
      if (pdfA && subtype !== 'Popup') {
        const flags = lookup(annotation.get(PDFName.of('F')));
        const value = flags instanceof PDFNumber ? flags.asNumber() : 0;
        if ((value & 4) === 0 || (value & (1 | 2 | 32 | 256)) !== 0) fail('PDF/A-2 6.3.2', where);
      }
      const action = dict(annotation.get(PDFName.of('A')));
      if (pdfA && action && name(action.get(PDFName.of('S'))) === 'JavaScript') fail('PDF/A-2 6.6.1', where);
    }

    // Content (01): everything drawn is either tagged or an artifact, never both.
    const content = pageContent(page.node.get(PDFName.of('Contents')), lookup);
    const marks: string[] = [];
    for (const {operator, operands} of operations(content) ?? []) {
      if (operator === 'BMC' || operator === 'BDC') {
        const tag = /\/([^\s/<>[\]()]+)/.exec(operands)?.[1] ?? '';
        if (/\/MCID\b/.test(operands) && marks.includes('Artifact')) fail('01-004', where);
        marks.push(/\/MCID\b/.test(operands) ? 'tagged' : tag);
      } else if (operator === 'EMC') {
        marks.pop();
      } else if (deviceOperators.has(operator)) {
        deviceColour = true;
      }
      if (drawing.has(operator) && !marks.includes('Artifact') && !marks.includes('tagged')) {
        fail('01-005', where);
      }
    }

    // Fonts (31).
    const fonts = dict(get(dict(page.node.get(PDFName.of('Resources'))), 'Font'));
    for (const [, fontRef] of fonts?.entries() ?? []) {
      const font = dict(fontRef);
      if (!font) continue;
      const fontName = name(font.get(PDFName.of('BaseFont'))) ?? 'a Type 3 font';
      const subtype = name(font.get(PDFName.of('Subtype')));
      const descendant = subtype === 'Type0' ? dict((lookup(font.get(PDFName.of('DescendantFonts'))) as PDFArray | undefined)?.get(0)) : font;
      const descriptor = dict(descendant?.get(PDFName.of('FontDescriptor')));
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(PDFName.of(key)) !== undefined);
      if (subtype === 'Type0' && name(descendant?.get(PDFName.of('Subtype'))) === 'CIDFontType2') {
        const map = lookup(descendant?.get(PDFName.of('CIDToGIDMap')));
        if (map === undefined) fail('31-005', fontName);
        else if (!(map instanceof PDFRawStream) && name(map) !== 'Identity') fail('31-004', fontName);
      }
      if (subtype !== 'Type3' && !embedded) {
        fail('31-009', fontName);
        if (pdfA) fail('PDF/A-2 6.2.11.4', fontName);
      }
      const toUnicode = lookup(font.get(PDFName.of('ToUnicode')));
      if (toUnicode instanceof PDFRawStream) {
        if (mapsToZero(streamText(toUnicode, 'latin1') ?? '')) fail('31-028', fontName);
      } else if (!unicodeKnown(font, subtype, descendant, name, lookup)) {
        fail('31-027', fontName);
      }
    }
    const xObjects = dict(get(dict(page.node.get(PDFName.of('Resources'))), 'XObject'));
    for (const [, xObject] of xObjects?.entries() ?? []) if (get(dict(xObject), 'Ref') !== undefined) fail('30-001', where);
  }

  // Names (ISO 32000-1, Annex C), in every object: a reader may refuse a longer one.
  for (const token of longNames(context.enumerateIndirectObjects().map(([, object]) => object))) {
    fail('PDF 1.7 Annex C', token);
    if (pdfA) fail('PDF/A-2 6.1.13', token);
  }

  if (pdfA) {
    const head = Buffer.from(bytes.subarray(0, 32)).toString('latin1');
    if (!/^%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}/.test(head)) fail('PDF/A-2 6.1.2');
    if (!trailer.ID) fail('PDF/A-2 6.1.3 ID');
    if (trailer.Encrypt) fail('PDF/A-2 6.1.3 Encrypt');
    const intents = lookup(catalog.get(PDFName.of('OutputIntents')));
    const intentList = intents instanceof PDFArray ? intents.asArray().map(dict) : [];
    const hasProfile = intentList.some((intent) => name(intent?.get(PDFName.of('S'))) === 'GTS_PDFA1' && lookup(intent?.get(PDFName.of('DestOutputProfile'))) instanceof PDFRawStream);
    if (deviceColour && !hasProfile) fail('PDF/A-2 6.2.3');
    if (!(metadataObject instanceof PDFRawStream) || metadataObject.dict.get(PDFName.of('Filter')) !== undefined) fail('PDF/A-2 6.6.2.1');
    if (xmp !== undefined && !(/pdfaid:part(?:>\s*2\s*<|\s*=\s*["']2["'])/.test(xmp) && /pdfaid:conformance(?:>\s*[BbAaUu]\s*<|\s*=\s*["'][BbAaUu]["'])/.test(xmp))) fail('PDF/A-2 6.6.4');
    if (get(dict(catalog.get(PDFName.of('Names'))), 'JavaScript') !== undefined || dict(catalog.get(PDFName.of('OpenAction')))?.get(PDFName.of('JS'))) fail('PDF/A-2 6.6.1');
    const info = dict(trailer.Info);
    if (xmp !== undefined && info) {
      const pairs: Array<[string, string]> = [['Title', 'dc:title'], ['Author', 'dc:creator'], ['Subject', 'dc:description'], ['Keywords', 'pdf:Keywords']];
      for (const [key, property] of pairs) {
        const value = text(info.get(PDFName.of(key)));
        if (value !== undefined && xmpValue(xmp, property) !== value) fail('PDF/A-2 6.6.3', key);
      }
    }
  }

  const findings = [...found]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([checkpoint, where]) => {
      const indexes = headingsOf.get(checkpoint);
      return indexes ? {checkpoint, condition: conditions[checkpoint], where, headings: indexes} : {checkpoint, condition: conditions[checkpoint], where};
    });
  return {findings, standards: pdfA ? ['PDF/UA-1', 'PDF/A-2b'] : ['PDF/UA-1'], headings: headings.map((type) => Number(type.slice(1)))};
}

/** The names longer than 127 bytes in these objects (their dictionaries' keys and values, at any depth), as `/start… (n bytes)`. */
function longNames(objects: readonly PDFObject[]): string[] {
  const found: string[] = [];
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFName) {
      const bytes = object.asBytes().length;
      if (bytes > longestName) found.push(`${object.toString().slice(0, 24)}… (${bytes} bytes)`);
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item);
    } else if (object instanceof PDFDict || object instanceof PDFStream) {
      for (const [key, value] of (object instanceof PDFStream ? object.dict : object).entries()) {
        visit(key);
        visit(value);
      }
    }
  };
  for (const object of objects) visit(object);
  return found;
}

/** Whether a structure element's attributes (`/A`, a dictionary or an array of them) hold `key`. */
function attributeHas(element: PDFDict, key: string, lookup: (object: PDFObject | undefined) => PDFObject | undefined): boolean {
  const attributes = lookup(element.get(PDFName.of('A')));
  const list = attributes instanceof PDFArray ? attributes.asArray() : [attributes];
  return list.some((entry) => {
    const value = lookup(entry);
    return value instanceof PDFDict && value.get(PDFName.of(key)) !== undefined;
  });
}

/** Whether a structure element's kids include marked content of its own (an MCID). */
function ownsContent(kids: PDFObject | undefined, lookup: (object: PDFObject | undefined) => PDFObject | undefined): boolean {
  const value = lookup(kids);
  const list = value instanceof PDFArray ? value.asArray().map(lookup) : [value];
  return list.some((kid) => kid instanceof PDFNumber || (kid instanceof PDFDict && kid.get(PDFName.of('MCID')) !== undefined));
}

/** A number tree's values by key (ISO 32000-1, 7.9.7). */
function numberTree(root: PDFObject | undefined, lookup: (object: PDFObject | undefined) => PDFObject | undefined): Map<number, PDFObject> {
  const values = new Map<number, PDFObject>();
  const seen = new Set<PDFObject>();
  const visit = (node: PDFObject | undefined): void => {
    const value = lookup(node);
    if (!(value instanceof PDFDict) || seen.has(value)) return;
    seen.add(value);
    const nums = lookup(value.get(PDFName.of('Nums')));
    if (nums instanceof PDFArray) {
      for (let index = 0; index + 1 < nums.size(); index += 2) {
        const key = lookup(nums.get(index));
        if (key instanceof PDFNumber) values.set(key.asNumber(), nums.get(index + 1));
      }
    }
    const kids = lookup(value.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) visit(kid);
  };
  visit(root);
  return values;
}

/** A page's content streams, decoded and joined. */
function pageContent(contents: PDFObject | undefined, lookup: (object: PDFObject | undefined) => PDFObject | undefined): string {
  const value = lookup(contents);
  const streams = value instanceof PDFArray ? value.asArray().map(lookup) : [value];
  return streams.map((stream) => (stream instanceof PDFRawStream ? (streamText(stream, 'latin1') ?? '') : '')).join('\n');
}

function streamText(stream: PDFRawStream, encoding: BufferEncoding): string | undefined {
  try {
    return Buffer.from(decodePDFRawStream(stream).decode()).toString(encoding);
  } catch {
    return undefined;
  }
}

/** Whether a ToUnicode CMap maps any code to U+0000. */
function mapsToZero(cmap: string): boolean {
  for (const section of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    const strings = [...(section[1] ?? '').matchAll(/<([\da-fA-F\s]*)>/g)].map((match) => (match[1] ?? '').replace(/\s/g, ''));
    for (let index = 1; index < strings.length; index += 2) if (/^0+$/.test(strings[index] ?? '')) return true;
  }
  for (const section of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const range of (section[1] ?? '').matchAll(/<[\da-fA-F\s]*>\s*<[\da-fA-F\s]*>\s*<([\da-fA-F\s]*)>/g)) {
      if (/^0+$/.test((range[1] ?? '').replace(/\s/g, ''))) return true;
    }
  }
  return false;
}

/** Whether a font without ToUnicode still maps to Unicode by one of 31-027's exceptions. */
function unicodeKnown(
  font: PDFDict,
  subtype: string | undefined,
  descendant: PDFDict | undefined,
  name: (object: PDFObject | undefined) => string | undefined,
  lookup: (object: PDFObject | undefined) => PDFObject | undefined
): boolean {
  const standard = new Set(['MacRomanEncoding', 'MacExpertEncoding', 'WinAnsiEncoding']);
  const encoding = lookup(font.get(PDFName.of('Encoding')));
  const encodingName = encoding instanceof PDFName ? encoding.decodeText() : encoding instanceof PDFDict ? name(encoding.get(PDFName.of('BaseEncoding'))) : undefined;
  if (encodingName && standard.has(encodingName)) return true;
  if (subtype === 'Type0') {
    const info = lookup(descendant?.get(PDFName.of('CIDSystemInfo')));
    const ordering = info instanceof PDFDict ? lookup(info.get(PDFName.of('Ordering'))) : undefined;
    const collection = ordering instanceof PDFString || ordering instanceof PDFHexString ? ordering.decodeText() : '';
    return ['GB1', 'CNS1', 'Japan1', 'Korea1'].includes(collection);
  }
  if (subtype === 'TrueType') {
    const descriptor = lookup(font.get(PDFName.of('FontDescriptor')));
    const flags = descriptor instanceof PDFDict ? lookup(descriptor.get(PDFName.of('Flags'))) : undefined;
    // Bit 6: non-symbolic.
    return flags instanceof PDFNumber && (flags.asNumber() & 32) !== 0;
  }
  // A Type 1 or Type 3 font with an encoding names its glyphs; whether the names are in the
  // Adobe Glyph List is not checked here.
  return (subtype === 'Type1' || subtype === 'Type3' || subtype === 'MMType1') && encoding !== undefined;
}

/** A simple XMP property's value (the first `rdf:li`, or the element's own text), unescaped. */
function xmpValue(xmp: string, property: string): string | undefined {
  const element = new RegExp(`<${property}\\b[^>]*>([^]*?)</${property}>`).exec(xmp)?.[1];
  if (element === undefined) return undefined;
  const li = /<rdf:li\b[^>]*>([^]*?)<\/rdf:li>/.exec(element)?.[1] ?? element;
  return li.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([\da-fA-F]+));/g, (whole, entity: string, decimal?: string, hex?: string) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return ({lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"} as Record<string, string>)[entity] ?? whole;
  });
}

/**
 * Findings as lines: `x.pdf: 13-004 Figure tag alternative or replacement text missing. (page 2)`.
 *
 * @param {string} file
 *   The PDF's name, as given.
 * @param {readonly PdfFinding[]} findings
 *   From `checkPdf`.
 * @returns {string[]}
 *   One line per finding.
 */
export function findingLines(file: string, findings: readonly PdfFinding[]): string[] {
  return findings.map(({checkpoint, condition, where}) => `${file}: ${checkpoint} ${condition}${where.length > 0 ? ` (${where.join(', ')})` : ''}`);
}
