import type {Root} from 'hast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {apparatusLabel, apparatusLabelLang} from '../markdown/apparatus-labels.js';

/**
 * Name the footnotes' section in the document's language ("Notes", "Anmerkungen",
 * "注释"): `remark-rehype` takes one label for every document, and the processor is
 * built once. Reads `file.data.matter.lang`.
 *
 * @returns
 *   Transform.
 */
export const rehypeFootnoteLabel: Plugin<[], Root> = function () {
  return function (tree, file) {
    const label = apparatusLabel(file.data.matter?.lang ?? 'en', 'notes');
    const lang = apparatusLabelLang(file.data.matter?.lang ?? 'en');
    visit(tree, 'element', (node) => {
      // The section remark-rehype makes; an author's heading may carry the same id.
      if (node.properties['dataFootnotes'] === undefined) return undefined;
      const heading = node.children.find((child) => child.type === 'element' && /^h[1-6]$/.test(child.tagName));
      if (heading?.type === 'element') {
        heading.children = [{type: 'text', value: label}];
        if (lang) heading.properties['lang'] = lang;
      }
      return false;
    });
  };
};
