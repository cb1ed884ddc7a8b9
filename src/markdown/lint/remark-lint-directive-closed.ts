import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {briefingLintRule} from './lint-rule.js';

/**
 * `directive-unclosed` (error): a `:::block` that is never closed. Markdown lets it run to
 * the end of the document (or of its container), so everything after it lands in the
 * summary box or the pull quote: the output builds, but not as the author meant.
 * Reported at the block's opening fence.
 */
export const remarkLintDirectiveClosed = briefingLintRule<Root>({id: 'directive-unclosed', severity: 'error'}, function (tree, file) {
  const text = String(file.value);
  visit(tree, 'containerDirective', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const lines = text.slice(start, end).trimEnd().split(/\r?\n/);
    // The closing fence is a line of colons, after any block-quote markers.
    if (lines.length > 1 && /^[\s>]*:{3,}\s*$/.test(lines.at(-1) ?? '')) return;
    file.message(`Unclosed \`:::${node.name}\`, expected a \`:::\` line after its content: everything to the end of the document is inside it now`, {
      place: node.position?.start
    });
  });
});
