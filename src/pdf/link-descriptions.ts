import {contentReader, type ContentReader} from './content-stream.js';
import {fontText, markedContent, shownCodes, type FontText} from './content-text.js';
import {pageResources} from './page-resources.js';
import {reference} from './pdf-object-text.js';
import {openStream} from './text-layer-clusters.js';

const textShowing = new Set(['Tj', 'TJ', "'", '"']);

/** The page's links, to describe the PDF's by. */
export interface PageLinks {
  /** The catalog's object number. */
  readonly root: number;
  /** Each link's words as written on the page (logical order), in document order. */
  readonly texts: readonly string[];
}

/**
 * Give every link annotation without one a `/Contents`: the link's words, else its web
 * address. PDF/UA-1 wants an alternate description on every link annotation (Matterhorn
 * 28-012); Chrome writes none. The words are the page's own when it gives them (`links`)
 * and it has as many links as the structure tree has `/Link` elements, one for each in
 * reading order; else the text of the `/Link` element as drawn, which for right-to-left
 * words is in visual order, letters reversed.
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number, changed in place.
 * @param {ContentReader} read
 *   Reads content streams (shared with the other passes).
 * @param {PageLinks} [links]
 *   The page's links.
 */
export function describeLinks(objects: Map<number, string>, read: ContentReader = contentReader(openStream), links?: PageLinks): void {
  const written = new Map<number, string>();
  if (links) {
    const elements = linkElements(objects, links.root);
    if (elements.length === links.texts.length) for (const [index, number] of elements.entries()) written.set(number, links.texts[index] ?? '');
  }
  const fonts = new Map<number, FontText | undefined>();
  const pageTexts = new Map<number, Map<number, string>>();
  const textOnPage = (page: number, mcid: number): string => {
    if (!pageTexts.has(page)) pageTexts.set(page, markedText(objects, objects.get(page) ?? '', fonts, read));
    return pageTexts.get(page)?.get(mcid) ?? '';
  };
  for (const [element, body] of objects) {
    if (!/\/Type\s*\/StructElem\b/.test(body) || !/\/S\s*\/Link\b/.test(body)) continue;
    const annotations = [...body.matchAll(/\/Obj\s+(\d+)\s+0\s+R/g)].map((match) => Number(match[1]));
    if (annotations.length === 0) continue;
    const words: string[] = [];
    for (const [page, mcid] of contentOf(objects, body, pageOf(body), new Set())) words.push(textOnPage(page, mcid));
    for (const number of annotations) {
      const annotation = objects.get(number) ?? '';
      if (!/\/Subtype\s*\/Link\b/.test(annotation) || /\/Contents\b/.test(annotation)) continue;
      const uri = /\/URI\s*\(((?:\\[^]|[^\\)])*)\)/.exec(annotation)?.[1]?.replace(/\\([^])/g, '$1');
      const description = written.get(element)?.replace(/\s+/g, ' ').trim() || words.join('').replace(/[\0\s]+/g, ' ').trim() || uri;
      if (description) objects.set(number, annotation.replace(/>>\s*$/, `\n/Contents ${textString(description)}>>`));
    }
  }
}

/** The `/Link` structure elements, in reading order (the structure tree depth first). */
function linkElements(objects: ReadonlyMap<number, string>, root: number): number[] {
  const tree = reference(objects.get(root) ?? '', 'StructTreeRoot');
  const found: number[] = [];
  const seen = new Set<number>();
  const visit = (number: number): void => {
    const body = objects.get(number) ?? '';
    if (seen.has(number)) return;
    seen.add(number);
    if (number !== tree && !/\/Type\s*\/StructElem\b/.test(body)) return;
    if (/\/S\s*\/Link\b/.test(body)) found.push(number);
    const kids = /\/K\s*(\[(?:<<[^]*?>>|[^\]])*\]|<<[^]*?>>|\d+\s+0\s+R|\d+)/.exec(body)?.[1] ?? '';
    // Marked-content and object references are dictionaries: skipped whole.
    for (const kid of kids.matchAll(/<<[^]*?>>|(\d+)\s+0\s+R/g)) if (kid[1] !== undefined) visit(Number(kid[1]));
  };
  if (tree !== undefined) visit(tree);
  return found;
}

/** The page (`/Pg`) of a structure element or marked-content reference, if it names one. */
function pageOf(body: string): number | undefined {
  const match = /\/Pg\s+(\d+)\s+0\s+R/.exec(body);
  return match ? Number(match[1]) : undefined;
}

/** The marked content under a structure element, as [page, MCID] in order. */
function contentOf(objects: ReadonlyMap<number, string>, element: string, page: number | undefined, seen: Set<number>): Array<[number, number]> {
  const kids = /\/K\s*(\[(?:<<[^]*?>>|[^\]])*\]|<<[^]*?>>|\d+\s+0\s+R|\d+)/.exec(element)?.[1] ?? '';
  const result: Array<[number, number]> = [];
  for (const kid of kids.matchAll(/<<([^]*?)>>|(\d+)\s+0\s+R|(\d+)/g)) {
    if (kid[1] !== undefined) {
      const mcid = /\/MCID\s+(\d+)/.exec(kid[1]);
      const at = pageOf(kid[1]) ?? page;
      if (mcid && at !== undefined) result.push([at, Number(mcid[1])]);
    } else if (kid[2] !== undefined) {
      const number = Number(kid[2]);
      const child = objects.get(number) ?? '';
      if (seen.has(number) || !/\/Type\s*\/StructElem\b/.test(child)) continue;
      seen.add(number);
      result.push(...contentOf(objects, child, pageOf(child) ?? page, seen));
    } else if (page !== undefined) {
      result.push([page, Number(kid[3])]);
    }
  }
  return result;
}

/** The text each MCID of a page shows. */
function markedText(objects: ReadonlyMap<number, string>, page: string, fonts: Map<number, FontText | undefined>, read: ContentReader): Map<number, string> {
  const texts = new Map<number, string>();
  const {contents, fonts: names} = pageResources(objects, page);
  for (const number of contents) {
    const list = read(objects, number)?.operations;
    let font: number | undefined;
    const open: Array<number | undefined> = [];
    for (const {operator, operands} of list ?? []) {
      if (operator === 'Tf') font = names.get(/\/([^\s/<>[\]()]+)/.exec(operands)?.[1] ?? '');
      else if (operator === 'BDC' || operator === 'BMC') open.push(markedContent(operands).mcid);
      else if (operator === 'EMC') open.pop();
      else if (textShowing.has(operator) && font !== undefined) {
        const mcid = open.findLast((entry) => entry !== undefined);
        if (mcid === undefined) continue;
        if (!fonts.has(font)) fonts.set(font, fontText(objects, font));
        const text = fonts.get(font);
        if (!text) continue;
        texts.set(mcid, (texts.get(mcid) ?? '') + shownCodes(operands, text.twoByte).map((code) => text.toUnicode.get(code) ?? '').join(''));
      }
    }
  }
  return texts;
}

/** A PDF text string in UTF-16BE with a byte order mark, as hexadecimal. */
function textString(value: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < value.length; index++) hex += value.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
