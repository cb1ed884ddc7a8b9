import type {BlockContent, Root} from 'mdast';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {remarkDepthLimit} from '../../src/markdown/remark-depth-limit.js';
import {messageLines} from '../helpers/markdown-html.js';
import {whole} from '../helpers/parse-chains.js';

const tooDeep = (max: number): string => `Markdown nested more than ${max} levels deep, expected a flatter structure [input-nesting]`;

async function limit(input: string, max?: number): Promise<{tree: Root; messages: string[]}> {
  const file = new VFile({path: 'm.md', value: input});
  const tree = await unified().use(remarkDepthLimit, max).run(whole.parse(file), file);
  return {tree: tree as Root, messages: messageLines(file)};
}

/** `depth` block quotes around a paragraph: the text is `depth + 2` levels below the root. */
function nested(depth: number): Root {
  let node: BlockContent = {type: 'paragraph', children: [{type: 'text', value: 'x'}]};
  for (let level = 0; level < depth; level++) node = {type: 'blockquote', children: [node]};
  return {type: 'root', children: [{type: 'yaml', value: 'title: T'}, node]};
}

describe('remarkDepthLimit', () => {
  it('keeps a tree as deep as the limit', async () => {
    // root > paragraph > emphasis > strong > text: four levels.
    const {tree, messages} = await limit('***x***\n', 4);
    expect(messages).toEqual([]);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });

  it('refuses one level more, at the first node past the limit, and empties the tree but for its front matter', async () => {
    const {tree, messages} = await limit('---\ntitle: T\n---\n\n> ***x***\n', 4);
    expect(messages).toEqual([`5:6-5:7 error ${tooDeep(4)}`]);
    expect(tree.children.map((node) => node.type)).toEqual(['yaml']);
  });

  it('allows 200 levels by default, and without recursion refuses deeper trees that would overflow later stages', async () => {
    const run = async (tree: Root): Promise<{tree: Root; fatal: boolean}> => {
      const file = new VFile({path: 'm.md'});
      const result = (await unified().use(remarkDepthLimit).run(tree, file)) as Root;
      return {tree: result, fatal: file.messages.some((message) => message.fatal && message.reason === tooDeep(200).replace(' [input-nesting]', ''))};
    };
    const fine = await run(nested(198));
    expect(fine.fatal).toBe(false);
    expect(fine.tree.children).toHaveLength(2);
    expect((await run(nested(199))).fatal).toBe(true);
    const far = await run(nested(100_000));
    expect(far.fatal).toBe(true);
    expect(far.tree.children.map((node) => node.type)).toEqual(['yaml']);
  });
});
