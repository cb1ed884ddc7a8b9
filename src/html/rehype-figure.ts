import type {Element, ElementContent, Root} from 'hast';
import {h} from 'hastscript';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';

/**
 * An image that stands alone in its paragraph is a figure: `![Alt](map.png "Caption")`
 * becomes `<figure><img><figcaption>Caption</figcaption></figure>`, sized to the column
 * and never split across pages. Inline images stay inline.
 *
 * @returns
 *   Transform.
 */
export const rehypeFigure: Plugin<[], Root> = function () {
  return function (tree) {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || index === undefined || !parent) return;
      const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      const [image] = content;
      if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return;
      const caption = typeof image.properties['title'] === 'string' ? image.properties['title'] : '';
      delete image.properties['title'];
      const figure: Element = h('figure', [image, ...(caption ? [h('figcaption', caption)] : [])]);
      figure.position = node.position;
      (parent.children as ElementContent[])[index] = figure;
    });
  };
};
