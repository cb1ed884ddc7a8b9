import type {Root} from 'mdast';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {describe, expect, it} from 'vitest';
import {remarkYamlFrontMatter} from '../../src/markdown/remark-yaml-front-matter.js';

const parser = unified().use(remarkParse).use(remarkYamlFrontMatter).freeze();

/** The root's children as `type@start-end`, with the front matter's value. */
function outline(tree: Root): string[] {
  return tree.children.map((node) => {
    const {start, end} = node.position ?? {start: {line: 0, column: 0}, end: {line: 0, column: 0}};
    return `${node.type}${node.type === 'yaml' ? JSON.stringify(node.value) : ''}@${start.line}:${start.column}-${end.line}:${end.column}`;
  });
}

/** Input → the root's children. */
const cases: Array<[string, string, string[]]> = [
  ['closed by ---', '---\na: 1\n---\nText', ['yaml"a: 1"@1:1-3:4', 'paragraph@4:1-4:5']],
  ['closed by ... (pandoc, YAML\'s end of document)', '---\na: 1\n...\nText', ['yaml"a: 1"@1:1-3:4', 'paragraph@4:1-4:5']],
  ['a ... line before a --- line closes it there', '---\na: 1\n...\nbody\n---\nmore', ['yaml"a: 1"@1:1-3:4', 'heading@4:1-5:4', 'paragraph@6:1-6:5']],
  ['a --- line before a ... line closes it there', '---\na: 1\n---\nx\n...\n', ['yaml"a: 1"@1:1-3:4', 'paragraph@4:1-5:4']],
  ['a closing ... with trailing spaces', '---\na: 1\n...  \nText', ['yaml"a: 1"@1:1-3:6', 'paragraph@4:1-4:5']],
  ['...x is no closing fence', '---\na: 1\n...x\n---\nT', ['yaml"a: 1\\n...x"@1:1-4:4', 'paragraph@5:1-5:2']],
  ['empty front matter', '---\n---\nT', ['yaml""@1:1-2:4', 'paragraph@3:1-3:2']],
  ['an opening fence with trailing spaces', '--- \na: 1\n---\n', ['yaml"a: 1"@1:1-3:4']],
  ['CRLF line ends', '---\r\na: 1\r\n...\r\nT', ['yaml"a: 1"@1:1-3:4', 'paragraph@4:1-4:2']],
  ['never closed: a thematic break and text', '---\na: 1\n', ['thematicBreak@1:1-1:4', 'paragraph@2:1-2:5']],
  ['only on the first line', 'Text\n\n---\na: 1\n---\n', ['paragraph@1:1-1:5', 'thematicBreak@3:1-3:4', 'heading@4:1-5:4']]
];

describe('remarkYamlFrontMatter', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(outline(parser.parse(input))).toEqual(expected);
  });
});
