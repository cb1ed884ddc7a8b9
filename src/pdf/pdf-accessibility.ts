import type * as PdfLib from 'pdf-lib';
import type {PDFDocument} from 'pdf-lib';
import {markArtifacts} from './artifact-marks.js';
import {contentReader, type ContentReader} from './content-stream.js';
import {shortenDestinationNames} from './destination-names.js';
import {setOutlineTitles} from './outline-titles.js';
import {describeLinks} from './link-descriptions.js';
import {completeLigatureText} from './text-layer-ligatures.js';
import {roleMapFor} from './structure-types.js';
import {flateStream, openStream} from './text-layer-clusters.js';
import {withoutSoftHyphenMarks} from './text-layer-soft-hyphens.js';
import {metadataStream, xmpPacket, type XmpFields} from './xmp-metadata.js';
import {isDictionary, isStream, reference} from './pdf-object-text.js';
import {srgbProfile} from './srgb-profile.js';

/** The words of the page a PDF was printed from, as written (logical order), where Chrome's are as drawn. */
export interface PageText {
  /** Each heading's text in document order: the outline's titles. */
  readonly headings?: readonly string[] | undefined;
  /** Each link's words in document order: the link annotations' descriptions. */
  readonly links?: readonly string[] | undefined;
}

/**
 * What Chrome's tagged PDF lacks for PDF/UA-1, added to a PDF read as object texts (the
 * form `rewriteChromePdf` reads; see `makeAccessibleWithPdfLib` for any other PDF):
 * - an XMP metadata stream in the catalog (`xmp-metadata.ts`);
 * - page furniture drawn outside marked content marked as artifacts (`artifact-marks.ts`);
 * - a role map for the PDF 2.0 structure types Chrome writes (`structure-types.ts`);
 * - ligature glyphs that ToUnicode maps to U+0000 given their text (`text-layer-ligatures.ts`);
 * - every link annotation a `/Contents`, the link's words (`link-descriptions.ts`);
 * - named destinations no longer than a name may be (`destination-names.ts`);
 * - the outline's titles as the page's headings are written (`outline-titles.ts`);
 * - a `/Figure` without alternative text that groups other elements (Chrome's `<figure>`)
 *   retagged `/Div`: only the image's own `/Figure` carries its alternative text;
 * - for PDF/A-2, an sRGB output intent and the print flag on every annotation.
 * Tag tree, outline, links and text are otherwise untouched.
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number (Latin-1), changed in place.
 * @param {number} size
 *   One more than the highest object number: new objects are numbered from here.
 * @param {number} root
 *   The catalog's object number.
 * @param {XmpFields} fields
 *   The metadata and the standards claimed.
 * @param {PageText} [page]
 *   The page's headings and links as written, for the outline's titles and the links' descriptions.
 * @returns {number}
 *   The new size.
 */
export function makeAccessible(objects: Map<number, string>, size: number, root: number, fields: XmpFields, page?: PageText): number {
  const catalog = objects.get(root);
  if (catalog === undefined || !isDictionary(catalog)) return size;
  let next = size;
  const read = contentReader(openStream);
  completeLigatureText(objects, read);
  describeLinks(objects, read, page?.links ? {root, texts: page.links} : undefined);
  shortenDestinationNames(objects, root);
  if (page?.headings) setOutlineTitles(objects, root, page.headings);
  const elements: number[] = [];
  for (const [number, body] of objects) {
    if (isStream(body)) continue;
    if (/\/Type\s*\/Page\b(?!s)/.test(body)) markPageArtifacts(objects, body, read);
    else if (/\/Type\s*\/StructElem\b/.test(body)) elements.push(number);
    if (fields.pdfA && /\/Type\s*\/Annot\b/.test(body)) objects.set(number, withPrintFlag(body));
  }
  const types: string[] = [];
  for (const number of elements) {
    const element = retagGroupingFigure(objects.get(number) ?? '');
    objects.set(number, element);
    const type = /\/S\s*\/([^\s/<>[\]()]+)/.exec(element)?.[1];
    if (type) types.push(type);
  }
  const treeRoot = reference(catalog, 'StructTreeRoot');
  const tree = treeRoot === undefined ? undefined : objects.get(treeRoot);
  const roles = roleMapFor(types);
  if (treeRoot !== undefined && tree && isDictionary(tree) && roles.size > 0 && !/\/RoleMap\b/.test(tree)) {
    const entries = [...roles].map(([from, to]) => `/${from} /${to}`).join(' ');
    objects.set(treeRoot, withEntry(tree, 'RoleMap', `<<${entries}>>`));
  }

  const metadata = next++;
  objects.set(metadata, metadataStream(xmpPacket(fields)));
  let updated = withEntry(catalog, 'Metadata', `${metadata} 0 R`);
  // A file that has output intents already (none of Chrome's) keeps them.
  if (fields.pdfA && !/\/OutputIntents\b/.test(updated)) {
    const profile = next++;
    objects.set(profile, flateStream(Buffer.from(srgbProfile()), '\n/N 3'));
    const intent = `[<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile ${profile} 0 R>>]`;
    updated = withEntry(updated, 'OutputIntents', intent);
  }
  objects.set(root, updated);
  return next;
}

/** Mark the bare content of a page's content streams as artifacts. */
function markPageArtifacts(objects: Map<number, string>, page: string, read: ContentReader): void {
  const box = /\/MediaBox\s*\[\s*([-+\d.]+)\s+([-+\d.]+)\s+([-+\d.]+)\s+([-+\d.]+)\s*\]/.exec(page);
  const height = box ? Number(box[4]) - Number(box[2]) : undefined;
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page)?.[1] ?? '';
  for (const ref of contents.matchAll(/(\d+)\s+0\s+R/g)) {
    const number = Number(ref[1]);
    const stream = read(objects, number);
    if (!stream) continue;
    const {content} = stream;
    // Soft-hyphen marks go here too, so the stream is compressed once (the emitting pass then
    // finds none to remove).
    const cleaned = withoutSoftHyphenMarks(content);
    const marked = markArtifacts(cleaned, cleaned === content ? stream.operations : undefined, height);
    if (marked !== content) objects.set(number, flateStream(Buffer.from(marked, 'latin1')));
  }
}

/**
 * A `/Figure` with no alternative text that holds other structure elements is a grouping,
 * not a graphic, and becomes a `/Div`: Chrome's `<figure>` around an `<img>` (which is the
 * `/Figure` with the alternative text), or a standalone pull quote's `<figure>` around its
 * `<blockquote>` (its own content is the box's rule).
 */
function retagGroupingFigure(element: string): string {
  if (!/\/S\s*\/Figure\b/.test(element) || /\/(Alt|ActualText)\b/.test(element)) return element;
  const kids = /\/K\s*(\[[^\]]*\]|\d+\s+0\s+R|\d+)/.exec(element)?.[1] ?? '';
  // Marked-content and object references are dictionaries; structure elements are references.
  if (!/\d+\s+\d+\s+R/.test(kids.replace(/<<[^]*?>>/g, ''))) return element;
  return element.replace(/\/S\s*\/Figure\b/, '/S /Div');
}

/** An annotation with the print flag (bit 3) set and the hidden and no-view flags (1, 2, 6) cleared. */
function withPrintFlag(annotation: string): string {
  const flags = /\/F\s+(\d+)/.exec(annotation);
  if (!flags) return withEntry(annotation, 'F', '4');
  const value = (Number(flags[1]) | 4) & ~(1 | 2 | 32);
  return annotation.replace(/\/F\s+\d+/, `/F ${value}`);
}

/** A dictionary's text with `/Key value` set: replaced when it holds a reference or a name, else added. */
function withEntry(dictionary: string, key: string, value: string): string {
  const existing = new RegExp(`/${key}\\s*(\\d+\\s+\\d+\\s+R|/[^\\s/<>[\\]()]+)`);
  if (existing.test(dictionary)) return dictionary.replace(existing, `/${key} ${value}`);
  return dictionary.replace(/>>\s*$/, `\n/${key} ${value}>>`);
}

/**
 * The same for a PDF that pdf-lib has loaded (the general path of `setPdfMetadata`): its
 * objects are written out as text, made accessible as above, and those that changed or
 * are new are parsed back in.
 *
 * @param {PDFDocument} doc
 *   The loaded PDF, changed in place.
 * @param {Pick<typeof PdfLib, 'PDFRef' | 'PDFObjectParser'>} lib
 *   pdf-lib, as the caller loaded it.
 * @param {XmpFields} fields
 *   The metadata and the standards claimed.
 * @param {PageText} [page]
 *   The page's headings and links as written.
 */
export function makeAccessibleWithPdfLib(doc: PDFDocument, lib: Pick<typeof PdfLib, 'PDFRef' | 'PDFObjectParser'>, fields: XmpFields, page?: PageText): void {
  const objects = new Map<number, string>();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (ref.generationNumber === 0) objects.set(ref.objectNumber, object.toString());
  }
  const before = new Map(objects);
  const root = doc.context.trailerInfo.Root;
  if (!(root instanceof lib.PDFRef)) return;
  const size = makeAccessible(objects, doc.context.largestObjectNumber + 1, root.objectNumber, fields, page);
  for (const [number, text] of objects) {
    if (before.get(number) === text) continue;
    const object = lib.PDFObjectParser.forBytes(Buffer.from(text, 'latin1'), doc.context).parseObject();
    doc.context.assign(lib.PDFRef.of(number), object);
  }
  if (size > doc.context.largestObjectNumber + 1) doc.context.largestObjectNumber = size - 1;
}
