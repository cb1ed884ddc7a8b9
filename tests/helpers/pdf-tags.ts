import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {StructTreeContent, StructTreeNode, TextItem, TextMarkedContent} from 'pdfjs-dist/types/src/display/api.js';

/** An element of a PDF's tag tree, with the text of the content it marks. */
export interface Tag {
  readonly role: string;
  /** The text of everything inside it, runs joined as laid out. */
  readonly text: string;
  readonly children: readonly Tag[];
}

/**
 * Read the tag tree of every page with pdf.js, each element with its text: the marked
 * content of the page's text layer, matched to the tree by its marked-content id.
 *
 * @param bytes
 *   The PDF.
 * @returns
 *   One root per page.
 */
export async function readTags(bytes: Uint8Array): Promise<Tag[]> {
  const document = await getDocument({data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0}).promise;
  try {
    const pages: Tag[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = new Map<string, string>();
      const open: string[] = [];
      for (const item of (await page.getTextContent({includeMarkedContent: true})).items as Array<TextItem | TextMarkedContent>) {
        if ('str' in item) {
          for (const id of open) content.set(id, (content.get(id) ?? '') + item.str + (item.hasEOL ? '\n' : ''));
        } else if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          open.push(item.id ?? '');
        } else if (item.type === 'endMarkedContent') {
          open.pop();
        }
      }
      const tree = await page.getStructTree();
      if (tree) pages.push(toTag(tree, content));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

function toTag(node: StructTreeNode, content: ReadonlyMap<string, string>): Tag {
  const children: Tag[] = [];
  let text = '';
  for (const child of node.children) {
    if ('role' in child) {
      const tag = toTag(child, content);
      children.push(tag);
      text += tag.text;
    } else {
      text += content.get((child as StructTreeContent).id) ?? '';
    }
  }
  return {role: node.role, text, children};
}

/**
 * Every element below `tag` (itself included), depth first, in reading order.
 *
 * @param tag
 *   Where to start.
 * @returns
 *   The elements.
 */
export function allTags(tag: Tag): Tag[] {
  return [tag, ...tag.children.flatMap(allTags)];
}
