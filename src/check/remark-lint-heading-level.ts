import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {reportWarning} from '../messages.js';

/**
 * Warn about headings that skip a level (`##` then `####`) or use the title's level:
 * the masthead title is the page's only level-1 heading, so sections start at `##`.
 * The PDF's outline and tags follow the heading levels, so a skip shows up there.
 *
 * @returns
 *   Transform.
 */
export const remarkLintHeadingLevel: Plugin<[], Root> = function () {
  return function (tree, file) {
    let previous = 1;
    visit(tree, 'heading', (node) => {
      if (node.depth === 1) {
        reportWarning(file, 'Unexpected level-1 heading `#`, expected `##`: the title is the only level-1 heading of a briefing', node, 'heading-level');
      } else if (node.depth > previous + 1) {
        reportWarning(
          file,
          `Unexpected heading level ${node.depth} after level ${previous}, expected level ${previous + 1} (\`${'#'.repeat(previous + 1)}\`) at most`,
          node,
          'heading-level'
        );
      }
      previous = node.depth;
    });
  };
};
