import type {Element, ElementContent, Root} from 'hast';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';

/**
 * A run of text that reads as an address: it is set with break points, not hyphens.
 * Every quantifier that can fail is bounded, so that no attempt scans more than a few
 * dozen characters and the search stays linear in the text: a scheme has at most 32
 * characters, an e-mail's local part at most 64 and each domain label at most 63 (RFC
 * 5321's limits). Unbounded, the local part and the scheme were rescanned from every
 * position of a long token (60 k characters of `a.a.…`: 14 s).
 */
const addressLike = /(?:[a-z][a-z\d+.-]{0,31}:\/\/|www\.|mailto:)\S+|[^\s@]{1,64}@[^\s@.]{1,63}(?:\.[^\s@.]{1,63})+/gi;

/**
 * Longest address that gets break points. Longer runs (past the 2,048 characters that
 * sitemaps and many servers allow a URL) are data, not an address a reader follows; the
 * templates' `overflow-wrap: break-word` still wraps them, and breaking them at every
 * joint would add thousands of nodes to the page.
 */
export const maxBrokenAddress = 2048;

/**
 * Let long addresses, in text and in inline code, break at their natural joints (after `/`, before `.`, around `?`,
 * `&`, `=`) by inserting `<wbr>`, which adds no character to the text, so a URL neither
 * runs off the page nor stretches a justified line into wide gaps.
 *
 * @returns
 *   Transform.
 */
export const rehypeUrlBreaks: Plugin<[], Root> = function () {
  return function (tree) {
    visit(tree, 'element', (node) => {
      // A listing keeps its lines as written (it wraps anywhere); inline code does not
      // wrap, so an address in it breaks at its joints too, or a table cell holding one
      // grows wider than the page.
      if (node.tagName === 'pre') return SKIP;
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
    if (match[0].length > maxBrokenAddress) continue;
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
