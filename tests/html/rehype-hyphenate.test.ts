import {describe, expect, it} from 'vitest';
import type {Data} from 'vfile';
import {hyphenateProse, maxHyphenatedToken, maxHyphenatedWord, rehypeHyphenate} from '../../src/html/rehype-hyphenate.js';
import {render} from '../helpers/markdown-html.js';

/** `file.data` for a manuscript in `lang`. */
const lang = (tag: string): Partial<Data> => ({matter: {title: 'T', authors: [], tags: [], lang: tag}});
/** The HTML with soft hyphens shown as `~`. */
async function hyphenated(input: string, data: Partial<Data>): Promise<string> {
  return (await render(`${input}\n`, [], [rehypeHyphenate], data)).html.replace(/\u00AD/g, '~');
}

/** Markdown, language → expected HTML (`~` for U+00AD). */
const cases: Array<[string, string, Partial<Data>, string]> = [
  ['running text in English', 'Extraordinary negotiations continued.', lang('en'), '<p>Ex~tra~or~di~nary ne~go~ti~a~tions con~tin~ued.</p>'],
  ['English without a language', 'Extraordinary negotiations.', {}, '<p>Ex~tra~or~di~nary ne~go~ti~a~tions.</p>'],
  ['German compounds, with the 1996 patterns', 'Verhandlungsführungsverantwortung heute.', lang('de'), '<p>Ver~hand~lungs~füh~rungs~ver~ant~wor~tung heute.</p>'],
  ['British English has patterns of its own', 'Extraordinary negotiations.', lang('en-GB'), '<p>Ex~traordin~ary ne~go~ti~ations.</p>'],
  ['a tag in capitals', 'Extraordinary negotiations.', lang('EN'), '<p>Ex~tra~or~di~nary ne~go~ti~a~tions.</p>'],
  ['a language without patterns is left alone', 'Extraordinary negotiations.', lang('xx'), '<p>Extraordinary negotiations.</p>'],
  [
    'headings, code, links, URLs and words with digits stay whole',
    '## Extraordinary negotiations\n\n`extraordinary` [extraordinary](https://x.org) https://extraordinary.example.org 2025extraordinary',
    lang('en'),
    '<h2>Extraordinary negotiations</h2>\n<p><code>extraordinary</code> <a href="https://x.org">extraordinary</a> <a href="https://extraordinary.example.org">https://extraordinary.example.org</a> 2025extraordinary</p>'
  ],
  [
    'list items and table cells are prose; header cells are not',
    '- Extraordinary item\n\n| Extraordinary |\n| --- |\n| Extraordinary |',
    lang('en'),
    '<ul>\n<li>Ex~tra~or~di~nary item</li>\n</ul>\n<table>\n<thead>\n<tr>\n<th>Extraordinary</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Ex~tra~or~di~nary</td>\n</tr>\n</tbody>\n</table>'
  ],
  ['a block quote\'s paragraphs are prose; short words stay whole', '> Extraordinary words.', lang('en'), '<blockquote>\n<p>Ex~tra~or~di~nary words.</p>\n</blockquote>'],
  ['text outside prose elements is left alone', '![Extraordinary negotiations](a.png)', lang('en'), '<p><img src="a.png" alt="Extraordinary negotiations"></p>']
];

describe('rehypeHyphenate', () => {
  it.each(cases)('%s', async (_name, input, data, html) => {
    expect(await hyphenated(input, data)).toBe(html);
  });

  it('leaves a run of letters too long to be a word, and a run too long to be prose, whole', () => {
    const mark = (word: string): string => `<${word}>`;
    const longest = 'a'.repeat(maxHyphenatedWord);
    expect(hyphenateProse(`words ${longest} ${longest}b`, mark)).toBe(`words ${mark(longest)} ${longest}b`);
    const data = `${'word '.repeat(3)}${'x'.repeat(maxHyphenatedToken + 1)}`;
    expect(hyphenateProse(data, mark)).toBe(`${'word '.repeat(3)}${'x'.repeat(maxHyphenatedToken + 1)}`);
    expect(hyphenateProse('mail me@example.org or www.example.org, section 2a', mark)).toBe('mail me@example.org or www.example.org, <section> 2a');
    expect(hyphenateProse('long enough', mark)).toBe('long <enough>');
  });
});
