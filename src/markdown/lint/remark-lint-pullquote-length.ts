import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {briefingLintRule} from './lint-rule.js';

/** Longest inline pull quote, in words: it is set large beside the text. */
const maxWords = 40;

/**
 * `pullquote-length` (warning): an inline pull quote too long to lift: set in large
 * type, it would fill the column it is meant to break up.
 */
export const remarkLintPullquoteLength = briefingLintRule<Root>({id: 'pullquote-length', severity: 'warn'}, function (tree, file) {
  visit(tree, 'textDirective', (node) => {
    if (node.name !== 'pullquote') return;
    let text = '';
    visit(node, (child) => {
      if (child.type === 'text' || child.type === 'inlineCode') text += ` ${child.value}`;
    });
    const words = text.split(/\s+/).filter(Boolean).length;
    if (words <= maxWords) return;
    file.message(`Pull quote of ${words} words, expected at most ${maxWords}: lift a short, striking excerpt`, {place: node.position});
  });
});
