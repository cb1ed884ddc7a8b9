import type {Root} from 'hast';
import {toText} from 'hast-util-to-text';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';

declare module 'vfile' {
  interface DataMap {
    /** The words of the page's links (`a` with an `href`) in document order: set by `rehypeLinkTexts`. */
    linkTexts?: string[];
  }
}

/**
 * Put the words of the finished page's links, in document order, on `file.data.linkTexts`:
 * the tagged PDF has one `/Link` element for each, in the same order, and each link
 * annotation's description (`/Contents`) is then the link's words as written. Read back
 * from the PDF's content, right-to-left words come in visual order, letters reversed.
 * Links hidden from readers (the pull quote's lifted copy) have no tag and are left out.
 * Runs after the template.
 *
 * @returns
 *   Transform.
 */
export const rehypeLinkTexts: Plugin<[], Root> = function () {
  return function (tree, file) {
    const texts: string[] = [];
    visit(tree, 'element', (node) => {
      if (String(node.properties['ariaHidden']) === 'true' || node.properties['hidden']) return SKIP;
      if (node.tagName === 'a' && node.properties['href'] !== undefined) texts.push(toText(node).replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim());
      return undefined;
    });
    file.data.linkTexts = texts;
  };
};
