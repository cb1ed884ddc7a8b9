import type {Parents, Root, RootContent} from 'mdast';
import type {Plugin} from 'unified';
import type {VFile} from 'vfile';
import {SKIP, visit} from 'unist-util-visit';
import {reportWarning} from '../messages/messages.js';

/** Directives briefing gives a meaning to, by kind. */
const known = {
  textDirective: new Set(['pullquote']),
  leafDirective: new Set<string>(),
  containerDirective: new Set(['summary', 'pullquote'])
};

/**
 * Give back what the directive syntax took by accident. Prose such as `Note:this` or
 * `at 10:30:00` parses as a text directive; unknown ones become their source text again,
 * silently. An unknown `::leaf` or `:::container` was meant as a block, so the author is
 * told; a container keeps its content, a leaf its source text.
 *
 * @returns
 *   Transform.
 */
export const remarkUnknownDirectives: Plugin<[], Root> = function () {
  return function (tree, file) {
    visit(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return undefined;
      if (known[node.type].has(node.name)) return undefined;

      if (node.type === 'containerDirective') {
        reportWarning(file, `Unknown block \`:::${node.name}\`, expected \`:::summary\` or \`:::pullquote\`; its label and content are kept as ordinary text`, node, 'directive-unknown');
        replace(parent, index, node.children);
        return [SKIP, index];
      }
      if (node.type === 'leafDirective') {
        reportWarning(file, `Unknown block \`::${node.name}\`, kept as text`, node, 'directive-unknown');
      }
      replace(parent, index, [{type: 'text', value: sourceOf(node, file)}]);
      return [SKIP, index + 1];
    });
  };
};

function replace(parent: Parents, index: number, nodes: RootContent[]): void {
  (parent.children as RootContent[]).splice(index, 1, ...nodes);
}

function sourceOf(node: RootContent, file: VFile): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  // Offsets do not count a byte-order mark; the value may still start with one.
  return String(file.value).replace(/^\uFEFF/, '').slice(start, end);
}
