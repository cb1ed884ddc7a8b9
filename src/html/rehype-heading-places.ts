import type {Root} from 'hast';
import {toText} from 'hast-util-to-text';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';

/** A heading of the finished page: its level and, when the manuscript wrote it, where. */
export interface PageHeading {
  /** 1 to 6. */
  readonly level: number;
  /** Its text as written (in logical order), without soft hyphens, spaces collapsed. */
  readonly text: string;
  /** The heading's start in the manuscript; none for the template's own (the masthead title, a label). */
  readonly place?: {readonly line: number; readonly column: number} | undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** The page's headings in document order, as a reader meets them: set by `rehypeHeadingPlaces`. */
    headings?: PageHeading[];
  }
}

/**
 * Put the finished page's headings, in document order, on `file.data.headings`, each with
 * its place in the manuscript. The tagged PDF has one `H1`…`H6` for each, in the same
 * order, and no positions; a check of the PDF that finds a heading out of level (PDF/UA,
 * Matterhorn 14-003) finds its line here, and the outline gets its titles from here. Headings hidden from readers (`aria-hidden`, the
 * pull quote's lifted copy) have no tag and are left out. Runs after the template.
 *
 * @returns
 *   Transform.
 */
export const rehypeHeadingPlaces: Plugin<[], Root> = function () {
  return function (tree, file) {
    const headings: PageHeading[] = [];
    visit(tree, 'element', (node) => {
      if (String(node.properties['ariaHidden']) === 'true' || node.properties['hidden']) return SKIP;
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level === undefined) return undefined;
      const start = node.position?.start;
      const text = toText(node).replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
      headings.push(start ? {level: Number(level), text, place: {line: start.line, column: start.column}} : {level: Number(level), text});
      return undefined;
    });
    file.data.headings = headings;
  };
};
