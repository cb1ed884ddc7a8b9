import type {Root} from 'hast';
import {h} from 'hastscript';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {rehypeLintInternalLinks} from '../../src/html/rehype-lint-internal-links.js';
import {ruleUrl} from '../../src/markdown/lint/lint-rule.js';
import {remarkCustomHeadingIds} from '../../src/markdown/remark-custom-heading-ids.js';
import {render} from '../helpers/markdown-html.js';

const broken = (href: string, expected: string): string => `Broken link \`${href}\`: nothing in the briefing has this id, ${expected} [link-internal]`;
const noHeadings = 'expected the id of a heading, but the article has no headings';

/** Markdown (heading ids with `{#id}`) → the rule's messages, with each link's span. */
const cases: Array<[string, string, string[]]> = [
  ['a link to a heading\'s id', '## Known {#known}\n\n[ok](#known)', []],
  ['a link to no id', '## Known {#known}\n\nSee [bad](#missing).', [`3:5-3:20 warning ${broken('#missing', "expected a heading's id such as `#known`")}`]],
  ['a percent-encoded id is compared decoded', '## Café {#café}\n\n[enc](#caf%C3%A9)', []],
  ['an encoding that does not decode is compared as written', '## Known {#known}\n\n[bad](#%E0%A4%A)', [`3:1-3:17 warning ${broken('#%E0%A4%25A', "expected a heading's id such as `#known`")}`]],
  ['an empty fragment is the top of the page', '[top](#)', []],
  ['links to the web are not checked', '[web](https://example.org/#nowhere)', []],
  ['no headings at all', '[bad](#nowhere)', [`1:1-1:16 warning ${broken('#nowhere', noHeadings)}`]],
  [
    'at most four headings are suggested, in order',
    '## One {#one}\n## Two {#two}\n## Three {#three}\n## Four {#four}\n## Five {#five}\n\n[x](#six)',
    [`7:1-7:10 warning ${broken('#six', "expected a heading's id such as `#one`, `#two`, `#three`, `#four`")}`]
  ],
  [
    'any element\'s id is a target (a footnote\'s), and the footnotes\' heading is suggested too',
    '[a](#user-content-fn-1) [b](#x)\n\nRef[^1].\n\n[^1]: Note.',
    [`1:25-1:32 warning ${broken('#x', "expected a heading's id such as `#footnote-label`")}`]
  ]
];

describe('rehypeLintInternalLinks (link-internal)', () => {
  it.each(cases)('%s', async (_name, input, expected) => {
    const result = await render(`${input}\n`, [remarkCustomHeadingIds], [rehypeLintInternalLinks]);
    expect(result.messages).toEqual(expected);
  });

  it('skips footnote marks the pipeline made, and links without a position', async () => {
    const tree: Root = h(null, [
      h('p', [h('a', {href: '#fn-gone', dataFootnoteRef: true}, '1'), h('a', {href: '#ref-gone', dataFootnoteBackref: ''}, '↑'), h('a', {href: '#made-later'}, 'x')])
    ]);
    const anchors = (tree.children[0] as import('hast').Element).children;
    for (const node of anchors.slice(0, 2)) node.position = {start: {line: 1, column: 1}, end: {line: 1, column: 2}};
    const file = new VFile();
    await unified().use(rehypeLintInternalLinks).run(tree, file);
    expect(file.messages).toEqual([]);
    // The same link, written by the author, is reported.
    const written: Root = h(null, [h('p', [h('a', {href: '#fn-gone'}, '1')])]);
    ((written.children[0] as import('hast').Element).children[0] as import('hast').Element).position = {start: {line: 1, column: 1}, end: {line: 1, column: 2}};
    const control = new VFile();
    await unified().use(rehypeLintInternalLinks).run(written, control);
    expect(control.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['1:1 link-internal']);
  });

  it('is a warning by default (a build still makes its PDF), an error with the level `error`', async () => {
    const warning = await render('[bad](#nowhere)\n', [], [rehypeLintInternalLinks]);
    expect(warning.file.messages[0]).toMatchObject({fatal: false, ruleId: 'link-internal', source: 'briefing-lint', url: ruleUrl('link-internal')});
    const error = await render('[bad](#nowhere)\n', [], [[rehypeLintInternalLinks, 'error']]);
    expect(error.file.messages[0]?.fatal).toBe(true);
  });
});
