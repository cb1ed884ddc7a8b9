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

  it('reads MkDocs’ admonitions: the body indented by four spaces as Markdown, over blank lines, with its title', async () => {
    const input = ['Before.', '', '!!! info "Our title"', '    The quay is **wet**.', '', '    Hold the rail.', '', '??? example', '    A folded one.', '', '!!! tip ""', '    No title, on purpose.', '', 'After.'].join('\n');
    const {html, messages} = await render(input, [remarkAdmonitions], [], inLanguage('en'));
    expect(html).toBe(
      [
        '<p>Before.</p>',
        aside('info', 'Our title', '<p>The quay is <strong>wet</strong>.</p>\n<p>Hold the rail.</p>'),
        aside('note', 'Example', '<p>A folded one.</p>'),
        '<aside class="callout callout-tip">\n<p>No title, on purpose.</p>\n</aside>',
        '<p>After.</p>'
      ].join('\n')
    );
    expect(messages).toEqual([]);
  });

  it('places a MkDocs body’s nodes at their lines in the manuscript, and leaves a mark without a body or inside a paragraph alone', async () => {
    const placed = await render('!!! warning\n    Body text.', [
      remarkAdmonitions,
      () => (root: import('mdast').Root) => {
        const quote = root.children[0] as import('mdast').Blockquote;
        expect(quote.children[1]?.position?.start).toEqual({line: 2, column: 5});
      }
    ]);
    expect(placed.html).toContain('callout-warning');
    // Prose the directive syntax would take (`:hasVersion`) stays as written in the body.
    const prose = await render('!!! note\n    Its inverse is dcat:hasVersion, at 10:30.\n\n    Next.', [remarkAdmonitions, remarkUnknownDirectives]);
    expect(prose.html).toContain('<p>Its inverse is dcat:hasVersion, at 10:30.</p>');
    expect((await render('Text with !!! note inside it.', [remarkAdmonitions])).html).toBe('<p>Text with !!! note inside it.</p>');
    expect((await render('!!! note\nNot indented.', [remarkAdmonitions])).html).toBe('<p>!!! note\nNot indented.</p>');
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
