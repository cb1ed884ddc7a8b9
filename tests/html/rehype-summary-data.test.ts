import {describe, expect, it} from 'vitest';
import type {Data} from 'vfile';
import {rehypeSummaryData} from '../../src/html/rehype-summary-data.js';
import {rehypeHyphenate} from '../../src/html/rehype-hyphenate.js';
import {remarkSummary} from '../../src/markdown/remark-summary.js';
import {render} from '../helpers/markdown-html.js';

const matter = (summary?: string[]): Partial<Data> => ({matter: {title: 'T', authors: [], tags: [], lang: 'en', ...(summary && {summary})}});

/** Markdown (its summary box made by remarkSummary) → `file.data.summary`. */
const cases: Array<[string, string, Partial<Data>, Data['summary']]> = [
  ['a box with a label and formatted points', ':::summary[Key *judgements*]\n- One **strong** point.\n- Two, with `code`.\n:::\n\nText.', matter(), {label: 'Key judgements', points: ['One strong point.', 'Two, with code.']}],
  ['the default label', ':::summary\n- Only point.\n:::', matter(), {label: 'Summary', points: ['Only point.']}],
  ['a box from the front matter', 'Text.', matter(['From the front matter.']), {label: 'Summary', points: ['From the front matter.']}],
  ['a nested list: its items stay in their point, not points of their own', ':::summary\n- Outer\n  - Inner\n- Second\n:::', matter(), {label: 'Summary', points: ['Outer\nInner', 'Second']}],
  ['no box: nothing on the file', 'Just text.\n\n- A list outside a box.', matter(), undefined]
];

describe('rehypeSummaryData', () => {
  it.each(cases)('%s', async (_name, input, data, summary) => {
    const {file} = await render(`${input}\n`, [remarkSummary], [rehypeSummaryData], data);
    expect(file.data.summary).toEqual(summary);
  });

  it('gives the points without soft hyphens (the author\'s own: the box itself is never hyphenated)', async () => {
    const {html, file} = await render(':::summary\n- Extra&shy;ordinary negotiations continued.\n:::\n', [remarkSummary], [rehypeHyphenate, rehypeSummaryData], matter());
    expect(html).toContain('Extra\u00ADordinary negotiations');
    expect(file.data.summary).toEqual({label: 'Summary', points: ['Extraordinary negotiations continued.']});
  });
});
