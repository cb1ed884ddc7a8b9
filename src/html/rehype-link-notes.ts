import type {Element, ElementContent, Root} from 'hast';
import {h} from 'hastscript';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';
import {apparatusLabel, apparatusLabelLang} from '../markdown/apparatus-labels.js';

/**
 * For the print edition: paper cannot be clicked, so every link to the web gets a
 * numbered note mark, and the article ends with the list of their addresses. The same
 * address keeps one number. Internal `#` links and footnote marks are left alone.
 *
 * @returns
 *   Transform.
 */
export const rehypeLinkNotes: Plugin<[], Root> = function () {
  return function (tree, file) {
    if (file.data.settings?.edition !== 'print') return;
    const numbers = new Map<string, number>();
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'a' || index === undefined || !parent) return undefined;
      const href = typeof node.properties['href'] === 'string' ? node.properties['href'] : '';
      if (!/^(?:https?|mailto):/i.test(href)) return SKIP;
      let number = numbers.get(href);
      if (number === undefined) {
        number = numbers.size + 1;
        numbers.set(href, number);
      }
      (parent.children as ElementContent[]).splice(index + 1, 0, h('span.link-note', `[${number}]`));
      return [SKIP, index + 2];
    });
    if (numbers.size === 0) return;
    const list: Element = h(
      'section.link-notes',
      h('h2', {lang: apparatusLabelLang(file.data.matter?.lang ?? 'en')}, apparatusLabel(file.data.matter?.lang ?? 'en', 'links')),
      h(
        'ol',
        [...numbers.keys()].map((href) => h('li', href.replace(/^mailto:/i, '')))
      )
    );
    tree.children.push(list);
  };
};
