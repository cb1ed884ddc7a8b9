import type {ContainerDirective, TextDirective} from 'mdast-util-directive';
import type {Blockquote, Paragraph, Parents, PhrasingContent, Root} from 'mdast';
import type {Plugin} from 'unified';
import {EXIT, SKIP, visitParents} from 'unist-util-visit-parents';
import {reportError, reportWarning} from '../messages/messages.js';

/**
 * Mark pull quotes.
 *
 * - `:pullquote[words]` keeps its words in the running text and lifts a copy into an
 *   `<aside class="pullquote">` placed just before the paragraph, for the template to
 *   set beside it. The copy starts with a capital letter, and is `aria-hidden`: a reader
 *   of the text hears the words once.
 * - `:::pullquote{cite="Who"}` is a standalone quote: `<figure class="pullquote">` with a
 *   `<blockquote>` and a `<figcaption>`.
 *
 * @returns
 *   Transform.
 */
export const remarkPullquote: Plugin<[], Root> = function () {
  return function (tree, file) {
    const lifts: Array<{paragraph: Paragraph; parent: Parents; quote: ContainerDirective}> = [];

    visitParents(tree, (node, ancestors) => {
      if (node.type === 'containerDirective' && node.name === 'pullquote') {
        if (!standalone(node)) {
          reportError(file, 'Unexpected empty `:::pullquote`, expected the quoted words inside', node, 'pullquote-empty');
        }
        return undefined;
      }
      if (node.type !== 'textDirective' || node.name !== 'pullquote') return undefined;

      const parent = ancestors.at(-1);
      const paragraph = ancestors.findLast((ancestor): ancestor is Paragraph => ancestor.type === 'paragraph');
      const container = paragraph ? ancestors[ancestors.indexOf(paragraph) - 1] : undefined;

      visitParents(node, 'textDirective', (inner, innerAncestors) => {
        if (inner === node || inner.name !== 'pullquote') return;
        reportWarning(file, 'Unexpected `:pullquote` inside another pull quote, expected them side by side', inner, 'pullquote-nested');
        unwrap(inner, innerAncestors.at(-1) as Parents);
      });

      if (node.children.length === 0) {
        reportWarning(file, 'Unexpected empty `:pullquote[]`, expected the words to lift between the brackets', node, 'pullquote-empty');
      } else if (!paragraph || !container) {
        reportWarning(file, 'Unexpected `:pullquote` outside a paragraph, expected it in running text; its words are kept but not lifted', node, 'pullquote-placement');
      } else {
        lifts.push({paragraph, parent: container, quote: lifted(node, file.data.matter?.lang ?? 'en')});
      }
      if (!parent) return SKIP;
      // The words replace the directive: go on after them (there may be none).
      const index = parent.children.indexOf(node as never);
      unwrap(node, parent);
      return [SKIP, index + node.children.length];
    });

    for (const {paragraph, parent, quote} of lifts) {
      const siblings = parent.children as Array<Paragraph | ContainerDirective>;
      // Just before its paragraph, so the template can set it beside that paragraph;
      // several quotes from one paragraph keep their order.
      siblings.splice(siblings.indexOf(paragraph), 0, quote);
    }
  };
};

/** Keep the words of an inline pull quote in the running text. */
function unwrap(node: TextDirective, parent: Parents): void {
  const siblings = parent.children as PhrasingContent[];
  siblings.splice(siblings.indexOf(node), 1, ...node.children);
}

function lifted(node: TextDirective, lang: string): ContainerDirective {
  const words: Paragraph = {type: 'paragraph', children: structuredClone(node.children)};
  // Lifted from mid-sentence, a quote still opens like a sentence.
  visitParents(words, 'text', (first) => {
    first.value = first.value.replace(/^\p{Ll}/u, (letter) => letter.toLocaleUpperCase(lang));
    return EXIT;
  });
  return {
    type: 'containerDirective',
    name: 'pullquote',
    attributes: {},
    children: [words],
    position: node.position,
    data: {hName: 'aside', hProperties: {className: ['pullquote'], ariaHidden: 'true'}}
  };
}

/** Shape a `:::pullquote` block; false when it has no words. */
function standalone(node: ContainerDirective): boolean {
  const cite = node.attributes?.['cite']?.trim();
  const body = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel));
  const quote: Blockquote = {type: 'blockquote', children: body as Blockquote['children']};
  const children: ContainerDirective['children'] = [quote];
  if (cite) {
    children.push({type: 'paragraph', children: [{type: 'text', value: cite}], data: {hName: 'figcaption'}});
  }
  node.children = children;
  node.data = {...node.data, hName: 'figure', hProperties: {className: ['pullquote', 'pullquote-standalone']}};
  return body.length > 0;
}
