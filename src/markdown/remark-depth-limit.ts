import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import type {Node, Parent} from 'unist';
import {reportError} from '../messages/messages.js';

/** Deeper trees than this are refused: later stages walk the tree recursively. */
const defaultMaxDepth = 200;

/**
 * Refuse a syntax tree nested deeper than the later stages can walk (deep emphasis or
 * link nesting that the line scan of `checkInput` cannot see). Measured without
 * recursion; the tree is emptied (but for its front matter) so no later plugin overflows the stack on it.
 *
 * @param maxDepth
 *   Deepest nesting allowed.
 * @returns
 *   Transform.
 */
export const remarkDepthLimit: Plugin<[number?], Root> = function (maxDepth = defaultMaxDepth) {
  return function (tree, file) {
    const stack: Array<[Node, number]> = [[tree, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop() as [Node, number];
      if (depth > maxDepth) {
        reportError(file, `Markdown nested more than ${maxDepth} levels deep, expected a flatter structure`, node, 'input-nesting');
        tree.children = tree.children.filter((child) => child.type === 'yaml');
        return;
      }
      for (const child of (node as Parent).children ?? []) stack.push([child, depth + 1]);
    }
  };
};
