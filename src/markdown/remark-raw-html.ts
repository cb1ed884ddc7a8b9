import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {reportWarning} from '../messages.js';

/** How much of the markup to quote in the message. */
const excerptLength = 40;

/**
 * Tell the author about raw HTML. It is never rendered (a manuscript may come from
 * anyone, and the output is mailed and printed), but dropping it silently would lose
 * content without a word.
 *
 * @returns
 *   Transform.
 */
export const remarkRawHtml: Plugin<[], Root> = function () {
  return function (tree, file) {
    visit(tree, 'html', (node) => {
      // Exactly one comment, nothing else (`<!-- a --><img …><!-- b -->` is not a comment).
      if (/^<!--(?:(?!-->)[\s\S])*-->$/.test(node.value.trim())) return;
      const excerpt = node.value.trim().replace(/\s+/g, ' ');
      const shown = excerpt.length > excerptLength ? `${excerpt.slice(0, excerptLength)}…` : excerpt;
      reportWarning(file, `Raw HTML \`${shown}\` is not rendered, expected Markdown or a directive`, node, 'raw-html');
    });
  };
};
