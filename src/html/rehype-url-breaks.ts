import type {Element, ElementContent, Root} from 'hast';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';

/**
 * A run of text that reads as an address: it is set with break points, not hyphens.
 * The e-mail part has no overlapping repetitions, so it cannot backtrack (`\S+@\S+\.\S+`
 * took minutes on `a@a@a@…`).
 */
const addressLike = /(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:)\S+|[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+/gi;

/**
 * Let long addresses break at their natural joints (after `/`, before `.`, around `?`,
 * `&`, `=`) by inserting `<wbr>`, which adds no character to the text, so a URL neither
 * runs off the page nor stretches a justified line into wide gaps.
 *
 * @returns
 *   Transform.
 */
export const rehypeUrlBreaks: Plugin<[], Root> = function () {
  return function (tree) {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'pre' || node.tagName === 'code') return SKIP;
      node.children = node.children.flatMap((child) => (child.type === 'text' ? withBreaks(child.value) : [child]));
      return undefined;
    });
  };
};

/**
 * Split text into text and `<wbr>` nodes at the joints of the addresses in it.
 *
 * @param {string} value
 *   Text.
 * @returns {ElementContent[]}
 *   Nodes.
 */
export function withBreaks(value: string): ElementContent[] {
  const nodes: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(addressLike)) {
    const start = match.index;
    if (start > last) nodes.push({type: 'text', value: value.slice(last, start)});
    const parts = match[0].split(/(?<=[^/]\/)(?!\/)|(?=[.?&=#])(?<!^)|(?<=[?&=])/);
    parts.forEach((part, index) => {
      if (index > 0) nodes.push(wbr());
      nodes.push({type: 'text', value: part});
    });
    last = start + match[0].length;
  }
  if (last === 0) return [{type: 'text', value}];
  if (last < value.length) nodes.push({type: 'text', value: value.slice(last)});
  return nodes;
}

function wbr(): Element {
  return {type: 'element', tagName: 'wbr', properties: {}, children: []};
}
