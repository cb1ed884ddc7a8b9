import type {Element, Root} from 'hast';
import {h} from 'hastscript';
import {toHtml} from 'hast-util-to-html';
import {toString} from 'hast-util-to-string';
import {unified} from 'unified';
import {describe, expect, it} from 'vitest';
import {maxBrokenAddress, rehypeUrlBreaks, withBreaks} from '../../src/html/rehype-url-breaks.js';

async function run(tree: Root): Promise<Root> {
  return (await unified().use(rehypeUrlBreaks).run(tree)) as Root;
}

describe('rehypeUrlBreaks', () => {
  it('breaks an address in text at its joints with <wbr>, adding no character', async () => {
    const tree = await run(h(null, [h('p', 'See https://example.org/a/b?x=1&y=2 now.')]));
    expect(toHtml(tree)).toBe('<p>See https://example<wbr>.org/<wbr>a/<wbr>b<wbr>?<wbr>x<wbr>=<wbr>1<wbr>&#x26;<wbr>y<wbr>=<wbr>2 now.</p>');
    expect(toString(tree)).toBe('See https://example.org/a/b?x=1&y=2 now.');
  });

  it('breaks an address in inline code too (a table cell holding one must not grow past the page), never in a listing', async () => {
    const tree = await run(h(null, [h('td', [h('code', 'https://example.org/long/path')]), h('pre', [h('code', 'https://example.org/long/path')])]));
    const [cell, listing] = tree.children as Element[];
    expect(toHtml(cell!)).toBe('<td><code>https://example<wbr>.org/<wbr>long/<wbr>path</code></td>');
    expect(toHtml(listing!)).toBe('<pre><code>https://example.org/long/path</code></pre>');
  });

  it('leaves words, and addresses longer than the limit, as they are', () => {
    expect(withBreaks('plain words only')).toEqual([{type: 'text', value: 'plain words only'}]);
    const long = `https://example.org/${'a/'.repeat(maxBrokenAddress)}`;
    expect(withBreaks(long)).toEqual([{type: 'text', value: long}]);
  });

  it('breaks an e-mail address before its dots, keeping every character', () => {
    const nodes = withBreaks('write to someone@mail.example.org please');
    expect(nodes.filter((node) => node.type === 'element')).toHaveLength(2);
    expect(nodes.map((node) => (node.type === 'text' ? node.value : '')).join('')).toBe('write to someone@mail.example.org please');
  });
});
