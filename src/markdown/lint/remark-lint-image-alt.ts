import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {reportWarning} from '../../messages/messages.js';

/**
 * Warn about images without alt text: a screen reader has nothing to say for them,
 * and the tagged PDF carries an empty description. One warning per image.
 *
 * @returns
 *   Transform.
 */
export const remarkLintImageAlt: Plugin<[], Root> = function () {
  return function (tree, file) {
    // One warning per image, at its first use without alt text, however often it is used.
    const warned = new Set<string>();
    visit(tree, (node) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      if (node.alt?.trim()) return;
      const what = node.type === 'image' ? `\`${node.url}\`` : `\`[${node.label ?? node.identifier}]\``;
      if (warned.has(what)) return;
      warned.add(what);
      reportWarning(file, `Missing alt text for image ${what}, expected a description between the brackets: \`![what it shows](…)\``, node, 'image-alt');
    });
  };
};
