import {describe, expect, it} from 'vitest';
import {toString} from 'mdast-util-to-string';
import {parseFragment} from '../../src/markdown/parse-fragment.js';

describe('parseFragment', () => {
  it('reads CommonMark with GitHub’s tables and strikethrough', () => {
    const tree = parseFragment('A **bold** ~~old~~ word.\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(tree.children.map((child) => child.type)).toEqual(['paragraph', 'table']);
    expect(toString(tree.children[0])).toBe('A bold old word.');
  });

  it('reads no directive: `dcat:hasVersion` and `10:30` stay text', () => {
    const tree = parseFragment('Its inverse is dcat:hasVersion, at 10:30.\n\n:::note\nkept\n:::');
    expect(toString(tree)).toContain('dcat:hasVersion, at 10:30.');
    expect(toString(tree)).toContain(':::note');
  });
});
