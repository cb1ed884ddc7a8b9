import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {reportWarning} from '../../messages/messages.js';

/** Longest inline pull quote, in words: it is set large beside the text. */
const maxWords = 40;

/**
 * Warn about an inline pull quote too long to lift: set in large type, it would fill
 * the column it is meant to break up.
 *
 * @returns
 *   Transform.
 */
export const remarkLintPullquoteLength: Plugin<[], Root> = function () {
  return function (tree, file) {
    visit(tree, 'textDirective', (node) => {
      if (node.name !== 'pullquote') return;
      let text = '';
      visit(node, (child) => {
        if (child.type === 'text' || child.type === 'inlineCode') text += ` ${child.value}`;
      });
      const words = text.split(/\s+/).filter(Boolean).length;
      if (words <= maxWords) return;
      reportWarning(file, `Pull quote of ${words} words, expected at most ${maxWords}: lift a short, striking excerpt`, node, 'pullquote-length');
    });
  };
};
