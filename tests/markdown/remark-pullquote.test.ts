import type {Root} from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {remarkPullquote} from '../../src/markdown/remark-pullquote.js';

const pipeline = unified().use(remarkParse).use(remarkDirective).use(remarkPullquote).freeze();

async function run(value: string): Promise<{file: VFile; tree: Root}> {
  const file = new VFile({path: 'm.md', value});
  return {file, tree: await pipeline.run(pipeline.parse(file), file)};
}

/** The top-level blocks, as `p:text` for paragraphs and `aside:text` for lifted quotes. */
function outline(tree: Root): string[] {
  return tree.children.map((node) => {
    const text: string[] = [];
    visit(node, 'text', (child) => {
      text.push(child.value);
    });
    const name = node.type === 'paragraph' ? 'p' : String(node.data?.hName ?? node.type);
    return `${name}:${text.join('')}`;
  });
}

function remainingPullquoteDirectives(tree: Root): number {
  let count = 0;
  visit(tree, 'textDirective', (node) => {
    if (node.name === 'pullquote') count++;
  });
  return count;
}

describe('remarkPullquote', () => {
  it('keeps the words in the text and lifts an aria-hidden copy, capitalised, just before the paragraph', async () => {
    const {file, tree} = await run('A :pullquote[lifted words] b.\n\nNext.\n');
    expect(file.messages).toEqual([]);
    expect(outline(tree)).toEqual(['aside:Lifted words', 'p:A lifted words b.', 'p:Next.']);
    const aside = tree.children[0];
    expect(aside?.data?.hProperties).toEqual({className: ['pullquote'], ariaHidden: 'true'});
  });

  it('copies the words: changing the lifted copy leaves the running text alone', async () => {
    const {tree} = await run('A :pullquote[*emphasis* here] b.\n\nNext.\n');
    const [aside, paragraph] = tree.children;
    expect(paragraph?.type === 'paragraph' && paragraph.children.some((child) => child.type === 'emphasis')).toBe(true);
    visit(aside ?? {type: 'root', children: []}, 'text', (node) => {
      node.value = 'changed';
    });
    expect(outline(tree)[1]).toBe('p:A emphasis here b.');
  });

  it('sets several quotes from one paragraph before it, in order', async () => {
    const {tree} = await run('First.\n\nEnd :pullquote[one] and :pullquote[two].\n');
    expect(outline(tree)).toEqual(['p:First.', 'aside:One', 'aside:Two', 'p:End one and two.']);
  });

  it('lifts quotes inside a list item into that list item', async () => {
    const {tree} = await run('- Item :pullquote[inside] text.\n- Other.\n');
    const [list] = tree.children;
    expect(list?.type).toBe('list');
    const item = list?.type === 'list' ? list.children[0] : undefined;
    expect(item?.children.map((child) => child.data?.hName ?? child.type)).toEqual(['aside', 'paragraph']);
  });

  it('warns about a pull quote outside a paragraph and keeps its words', async () => {
    const {file, tree} = await run('# Head :pullquote[words]\n');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['1:8 pullquote-placement']);
    expect(outline(tree)).toEqual(['heading:Head words']);
  });

  it('lifts a quote that directly follows an empty one', async () => {
    const {file, tree} = await run('A :pullquote[]:pullquote[second words] end.\n\nNext.\n');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['1:3 pullquote-empty']);
    expect(remainingPullquoteDirectives(tree)).toBe(0);
    expect(outline(tree)).toEqual(['aside:Second words', 'p:A second words end.', 'p:Next.']);
  });

  it('shapes :::pullquote as a figure with its cite as the caption', async () => {
    const {file, tree} = await run(':::pullquote{cite=" Xi Jinping "}\nWords.\n:::\n');
    expect(file.messages).toEqual([]);
    const [figure] = tree.children;
    expect(figure?.data).toEqual({hName: 'figure', hProperties: {className: ['pullquote', 'pullquote-standalone']}});
    expect(figure?.type === 'containerDirective' && figure.children.map((child) => child.data?.hName ?? child.type)).toEqual([
      'blockquote',
      'figcaption'
    ]);
    expect(outline(tree)).toEqual(['figure:Words.Xi Jinping']);
  });

  it('reports an empty :::pullquote (only a label) as an error', async () => {
    const {file} = await run('Text.\n\n:::pullquote[Label only]\n:::\n');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${String(message.fatal)}`)).toEqual([
      '3:1 pullquote-empty true'
    ]);
  });
});
