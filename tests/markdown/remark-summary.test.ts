import {describe, expect, it} from 'vitest';
import type {Data} from 'vfile';
import {remarkSummary} from '../../src/markdown/remark-summary.js';
import {render} from '../helpers/markdown-html.js';

/** `file.data` with a front matter whose `summary` list is given. */
const matter = (summary: string[]): Partial<Data> => ({matter: {title: 'T', authors: [], tags: [], lang: 'en', summary}});
const box = (label: string, items: string[]): string => `<aside class="summary"><h2 class="summary-label">${label}</h2><ul>\n${items.map((item) => `<li>${item}</li>\n`).join('')}</ul></aside>`;

/** Input, front matter → expected HTML and messages. */
const cases: Array<[string, string, Partial<Data>, string, string[]]> = [
  ['the box leads the article, wherever it was written', 'Intro.\n\n:::summary\n- One.\n- Two.\n:::\n\nAfter.', {}, `${box('Summary', ['One.', 'Two.'])}\n<p>Intro.</p>\n<p>After.</p>`, []],
  ['its label, with inline formatting', ':::summary[Key *points*]\n- One.\n:::', {}, box('Key <em>points</em>', ['One.']), []],
  ['an empty label is the default one', ':::summary[]\n- One.\n:::', {}, box('Summary', ['One.']), []],
  ['the front matter\'s list, as text, when the body has no box', 'Text.', matter(['First point.', 'Second <b> point.']), `${box('Summary', ['First point.', 'Second &#x3C;b> point.'])}\n<p>Text.</p>`, []],
  ['the body\'s box wins over the front matter\'s list', ':::summary\n- From the body.\n:::', matter(['From matter.']), box('Summary', ['From the body.']), []],
  ['no box and an empty list: no summary', 'Text.', matter([]), '<p>Text.</p>', []],
  [
    'a box inside another block is an error and stays a plain block',
    '> :::summary\n> - Nested.\n> :::\n\nText.',
    {},
    '<blockquote>\n<div><ul>\n<li>Nested.</li>\n</ul></div>\n</blockquote>\n<p>Text.</p>',
    ['1:3-3:6 error Unexpected `:::summary` inside another block, expected it at the top level of the article [summary-nested]']
  ],
  [
    'a second box is an error; the first one is the summary',
    ':::summary\n- One.\n:::\n\nMiddle.\n\n:::summary\n- Two.\n:::',
    {},
    `${box('Summary', ['One.'])}\n<p>Middle.</p>\n<div><ul>\n<li>Two.</li>\n</ul></div>`,
    ['7:1-9:4 error Unexpected second `:::summary`, expected at most one summary box (the first is at 1:1) [summary-duplicate]']
  ]
];

describe('remarkSummary', () => {
  it.each(cases)('%s', async (_name, input, data, html, messages) => {
    const result = await render(`${input}\n`, [remarkSummary], [], data);
    expect(result.html).toBe(html);
    expect(result.messages).toEqual(messages);
  });
});
