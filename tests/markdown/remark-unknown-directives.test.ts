import type {Root} from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {remarkUnknownDirectives} from '../../src/markdown/remark-unknown-directives.js';

const pipeline = unified().use(remarkParse).use(remarkDirective).use(remarkUnknownDirectives).freeze();

async function run(value: string): Promise<{file: VFile; tree: Root}> {
  const file = new VFile({path: 'm.md', value});
  return {file, tree: await pipeline.run(pipeline.parse(file), file)};
}

/** Text of each top-level block. */
function texts(tree: Root): string[] {
  return tree.children.map((node) => {
    const parts: string[] = [];
    visit(node, 'text', (child) => {
      parts.push(child.value);
    });
    return parts.join('');
  });
}

describe('remarkUnknownDirectives', () => {
  const prose = 'Note:this at 10:30, 10:30:00 and :abbr[NATO]{title="alliance"} stay.';

  it('gives prose that parsed as text directives back, silently and exactly', async () => {
    const {file, tree} = await run(`${prose}\n`);
    expect(file.messages).toEqual([]);
    expect(texts(tree)).toEqual([prose]);
  });

  it('gives the exact text back when the manuscript starts with a byte-order mark', async () => {
    const {tree} = await run(`\uFEFF${prose}\n`);
    expect(texts(tree)).toEqual([prose]);
  });

  it('warns about an unknown leaf block and keeps its source text', async () => {
    const {file, tree} = await run('Before.\n\n::video[Talk]{src="x"}\n');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['3:1 directive-unknown']);
    expect(texts(tree)).toEqual(['Before.', '::video[Talk]{src="x"}']);
  });

  it('warns about an unknown container and keeps its label and content', async () => {
    const {file, tree} = await run(':::note[Label]\nFirst.\n\nSecond.\n:::\n');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['1:1 directive-unknown']);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(texts(tree)).toEqual(['Label', 'First.', 'Second.']);
  });

  it('leaves the known directives to their plugins', async () => {
    const {file, tree} = await run(':::summary\n- a\n:::\n\nA :pullquote[b] c.\n');
    expect(file.messages).toEqual([]);
    expect(tree.children[0]?.type).toBe('containerDirective');
    let inline = 0;
    visit(tree, 'textDirective', () => {
      inline++;
    });
    expect(inline).toBe(1);
  });
});
