import {describe, expect, it} from 'vitest';
import {remarkCustomHeadingIds} from '../../src/markdown/remark-custom-heading-ids.js';
import {render} from '../helpers/markdown-html.js';

/** Input → expected HTML and the ids recorded on `file.data.customHeadingIds`. */
const cases: Array<[string, string, string, string[]]> = [
  ['pandoc / kramdown `{#id}`', '## Title {#custom-id}', '<h2 id="custom-id">Title</h2>', ['custom-id']],
  ['an id among other attributes', '## Title {#custom-id .class key=value}', '<h2 id="custom-id">Title</h2>', ['custom-id']],
  ['after inline formatting', '## The *API* {#api}', '<h2 id="api">The <em>API</em></h2>', ['api']],
  ['an MDX comment in braces', '## Title {/* mdx-id */}', '<h2 id="mdx-id">Title</h2>', ['mdx-id']],
  ['before a closing ATX sequence', '## Title {#a} ##', '<h2 id="a">Title</h2>', ['a']],
  ['a setext heading', 'Setext {#setext}\n---', '<h2 id="setext">Setext</h2>', ['setext']],
  ['only the last braces are the id', '## Title {#x}{#y}', '<h2 id="y">Title {#x}</h2>', ['y']],
  ['an empty id is text', '## Title {#}', '<h2>Title {#}</h2>', []],
  ['a class alone is no id', '## Title {.class}', '<h2>Title {.class}</h2>', []],
  ['braces in the middle are text', '## Title with {#id} in the middle', '<h2>Title with {#id} in the middle</h2>', []],
  ['braces inside inline code are code', '## `code {#x}`', '<h2><code>code {#x}</code></h2>', []],
  ['a paragraph is not a heading', 'Text {#x}', '<p>Text {#x}</p>', []]
];

describe('remarkCustomHeadingIds', () => {
  it.each(cases)('%s', async (_name, input, html, ids) => {
    const result = await render(`${input}\n`, [remarkCustomHeadingIds]);
    expect(result.html).toBe(html);
    expect(result.messages).toEqual([]);
    expect([...(result.file.data.customHeadingIds ?? [])]).toEqual(ids);
  });

  it('records every chosen id of the document, in order', async () => {
    const result = await render('## One {#one}\n\nText.\n\n### Two {#two}\n\n## Three\n', [remarkCustomHeadingIds]);
    expect(result.html).toBe('<h2 id="one">One</h2>\n<p>Text.</p>\n<h3 id="two">Two</h3>\n<h2>Three</h2>');
    expect([...(result.file.data.customHeadingIds ?? [])]).toEqual(['one', 'two']);
  });
});
