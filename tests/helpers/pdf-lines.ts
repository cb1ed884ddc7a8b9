import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import type {Element} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {selectAll} from 'hast-util-select';
import {toString} from 'hast-util-to-string';

const run = promisify(execFile);

/** A box in points, origin at the page's top left, y growing downwards (poppler's space). */
export interface Box {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** One line of text as poppler laid it out: its box and its words. */
export interface TextLine extends Box {
  readonly text: string;
  /** Its words, left to right as poppler gives them. */
  readonly words: ReadonlyArray<Box & {readonly text: string}>;
  /** Index of the poppler block (roughly a paragraph or cell) on its page. */
  readonly block: number;
}

/** A page of text lines. */
export interface LinePage {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly TextLine[];
  /** Poppler's blocks, each the union box of its lines, in reading order. */
  readonly blocks: readonly Box[];
}

/**
 * The text lines of every page, with their boxes, from `pdftotext -bbox-layout`
 * (poppler's reading order, in which a paragraph broken across pages continues at the
 * top of the next one).
 *
 * @param file
 *   A PDF on disk.
 * @returns
 *   One entry per page.
 */
export async function readLines(file: string): Promise<LinePage[]> {
  const {stdout} = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], {maxBuffer: 512 * 1024 * 1024});
  return parseBboxLayout(stdout);
}

/**
 * Parse poppler's `-bbox-layout` XHTML (a tree, not a text to cut up).
 *
 * @param xhtml
 *   What `pdftotext -bbox-layout` printed.
 * @returns
 *   One entry per page.
 */
export function parseBboxLayout(xhtml: string): LinePage[] {
  const tree = fromHtml(xhtml);
  return selectAll('page', tree).map((page) => {
    const lines: TextLine[] = [];
    const blocks = selectAll('block', page).map((block, index) => {
      for (const line of selectAll('line', block)) {
        const words = selectAll('word', line).map((word) => ({...box(word), text: toString(word)}));
        lines.push({...box(line), block: index, words, text: words.map((word) => word.text).join(' ')});
      }
      return box(block);
    });
    return {width: number(page, 'width'), height: number(page, 'height'), lines, blocks};
  });
}

/**
 * The box an element's attributes give.
 *
 * @param element
 *   A `block`, `line` or `word`.
 * @returns
 *   Its box.
 */
function box(element: Element): Box {
  return {xMin: number(element, 'xMin'), yMin: number(element, 'yMin'), xMax: number(element, 'xMax'), yMax: number(element, 'yMax')};
}

/**
 * A numeric attribute (the HTML parser lower-cases unknown attribute names).
 *
 * @param element
 *   The element.
 * @param name
 *   The attribute, as poppler writes it.
 * @returns
 *   Its value.
 */
function number(element: Element, name: string): number {
  const value = Number(element.properties[name.toLowerCase()] ?? element.properties[name]);
  if (!Number.isFinite(value)) throw new Error(`pdftotext -bbox-layout: <${element.tagName}> has no numeric ${name}`);
  return value;
}
