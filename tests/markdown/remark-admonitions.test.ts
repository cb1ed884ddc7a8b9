import {describe, expect, it} from 'vitest';
import type {Data} from 'vfile';
import {kindName, remarkAdmonitions} from '../../src/markdown/remark-admonitions.js';
import {remarkUnknownDirectives} from '../../src/markdown/remark-unknown-directives.js';
import {render} from '../helpers/markdown-html.js';

const inLanguage = (lang: string): Partial<Data> => ({matter: {title: 'T', authors: [], tags: [], lang}});
const aside = (kind: string, title: string, body: string, lang = ''): string =>
  `<aside class="callout callout-${kind}">\n<p class="callout-title"${lang ? ` lang="${lang}"` : ''}>${title}</p>\n${body}\n</aside>`;

describe('remarkAdmonitions', () => {
  it.each([
    ['NOTE', 'note', 'Note'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['WARNING', 'warning', 'Warning'],
    ['caution', 'caution', 'Caution']
  ])('reads GitHub’s > [!%s] as a callout titled with its kind', async (mark, kind, title) => {
    const {html, messages} = await render(`> [!${mark}]\n> Take the nine o’clock ferry.\n> Keep your ticket.`, [remarkAdmonitions], [], inLanguage('en'));
    expect(html).toBe(aside(kind, title, '<p>Take the nine o’clock ferry.\nKeep your ticket.</p>'));
    expect(messages).toEqual([]);
  });

  it('keeps every paragraph of an alert, and leaves other block quotes and a mark inside a line alone', async () => {
    expect((await render('> [!NOTE]\n>\n> One.\n>\n> Two.', [remarkAdmonitions])).html).toBe(aside('note', 'Note', '<p>One.</p>\n<p>Two.</p>'));
    expect((await render('> A plain quotation.', [remarkAdmonitions])).html).toBe('<blockquote>\n<p>A plain quotation.</p>\n</blockquote>');
    expect((await render('> [!TIP] on the same line', [remarkAdmonitions])).html).toBe('<blockquote>\n<p>[!TIP] on the same line</p>\n</blockquote>');
    expect((await render('> [!SHOUT]\n> Not a kind.', [remarkAdmonitions])).html).toContain('<blockquote>');
  });

  it('reads Docusaurus’ and VuePress’ containers, with the author’s label as title, and no unknown-block warning', async () => {
    const {html, messages} = await render(':::caution\nThe quay is slippery.\n:::\n\n:::tip[Our *own* title]\nHold the rail.\n:::', [remarkAdmonitions, remarkUnknownDirectives], [], inLanguage('en'));
    expect(html).toBe(`${aside('caution', 'Caution', '<p>The quay is slippery.</p>')}\n${aside('tip', 'Our <em>own</em> title', '<p>Hold the rail.</p>')}`);
    expect(messages).toEqual([]);
    expect((await render(':::shout\nLoud.\n:::', [remarkAdmonitions, remarkUnknownDirectives])).messages).toHaveLength(1);
  });

  it('titles a callout in the document’s language, or in English marked as such', async () => {
    expect((await render('> [!TIP]\n> Prenez le bac.', [remarkAdmonitions], [], inLanguage('fr'))).html).toBe(aside('tip', 'Astuce', '<p>Prenez le bac.</p>'));
    expect((await render(':::warning\n足元に注意。\n:::', [remarkAdmonitions], [], inLanguage('ja'))).html).toBe(aside('warning', '警告', '<p>足元に注意。</p>'));
    // Swahili has no words in Docusaurus' translations, and `important` none in any.
    expect((await render('> [!TIP]\n> Shika reli.', [remarkAdmonitions], [], inLanguage('sw'))).html).toBe(aside('tip', 'Tip', '<p>Shika reli.</p>', 'en'));
    expect(kindName('de', 'important')).toEqual({text: 'Important', lang: 'en'});
    expect(kindName('zh-TW', 'note')).toEqual({text: '備註', lang: undefined});
  });
});
