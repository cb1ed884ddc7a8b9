import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {briefingLintRule} from './lint-rule.js';

/**
 * `image-alt` (warning): images without alt text: a screen reader has nothing to say for
 * them, and the tagged PDF carries an empty description. One warning per image, at its
 * first use without alt text, however often it is used.
 */
export const remarkLintImageAlt = briefingLintRule<Root>({id: 'image-alt', severity: 'warn'}, function (tree, file) {
  const warned = new Set<string>();
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    if (node.alt?.trim()) return;
    const what = node.type === 'image' ? `\`${node.url}\`` : `\`[${node.label ?? node.identifier}]\``;
    if (warned.has(what)) return;
    warned.add(what);
    file.message(`Missing alt text for image ${what}, expected a description between the brackets: \`![what it shows](…)\``, {place: node.position});
  });
});
