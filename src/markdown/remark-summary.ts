import type {ContainerDirective} from 'mdast-util-directive';
import type {List, Paragraph, PhrasingContent, Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {reportError} from '../messages/messages.js';
import {apparatusLabel, apparatusLabelLang} from './apparatus-labels.js';

/** Label used when the manuscript gives none. */

/**
 * Mark the summary box: a `:::summary[Label]` container, or the front matter's `summary`
 * list when the body has none. There is at most one, and it always leads the article, so
 * it is on the first page beside the masthead.
 *
 * Annotates only: the box becomes `<aside class="summary">` through `data.hName`.
 *
 * @returns
 *   Transform.
 */
export const remarkSummary: Plugin<[], Root> = function () {
  return function (tree, file) {
    const boxes: ContainerDirective[] = [];
    visit(tree, 'containerDirective', (node, _index, parent) => {
      if (node.name !== 'summary') return;
      if (parent === tree) boxes.push(node);
      else reportError(file, 'Unexpected `:::summary` inside another block, expected it at the top level of the article', node, 'summary-nested');
    });

    for (const extra of boxes.slice(1)) {
      const first = boxes[0]?.position?.start;
      reportError(
        file,
        `Unexpected second \`:::summary\`, expected at most one summary box (the first is at ${first?.line}:${first?.column})`,
        extra,
        'summary-duplicate'
      );
    }

    let box = boxes[0];
    if (box) {
      tree.children.splice(tree.children.indexOf(box), 1);
    } else if (file.data.matter?.summary?.length) {
      box = fromMatter(file.data.matter.summary);
    } else {
      return;
    }

    annotate(box, apparatusLabel(file.data.matter?.lang ?? 'en', 'summary'), apparatusLabelLang(file.data.matter?.lang ?? 'en'));
    tree.children.unshift(box);
  };
};

function annotate(box: ContainerDirective, defaultLabel: string, defaultLang: string | undefined): void {
  const [first] = box.children;
  let label: PhrasingContent[] = [{type: 'text', value: defaultLabel}];
  // The default label's language, when it is not the document's; an author's is the document's.
  let lang = defaultLang;
  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    box.children.shift();
    if (first.children.length > 0) {
      label = first.children;
      lang = undefined;
    }
  }
  const heading: Paragraph = {
    type: 'paragraph',
    children: label,
    data: {hName: 'h2', hProperties: lang ? {className: ['summary-label'], lang} : {className: ['summary-label']}}
  };
  box.children.unshift(heading);
  box.data = {...box.data, hName: 'aside', hProperties: {className: ['summary']}};
}

function fromMatter(points: readonly string[]): ContainerDirective {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: points.map((point) => ({
      type: 'listItem',
      spread: false,
      children: [{type: 'paragraph', children: [{type: 'text', value: point}]}]
    }))
  };
  return {type: 'containerDirective', name: 'summary', attributes: {}, children: [list]};
}
