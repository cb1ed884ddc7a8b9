import type {Element, Root} from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {rehypeFigure} from '../../src/html/rehype-figure.js';
import {render} from '../helpers/markdown-html.js';

/** Markdown → expected HTML after `rehypeFigure`. */
const cases: Array<[string, string, string]> = [
  ['an image alone in its paragraph, with its title as caption', '![A map](map.png "The map of the region")', '<figure><img src="map.png" alt="A map"><figcaption>The map of the region</figcaption></figure>'],
  ['without a title: a figure without caption', '![A map](map.png)', '<figure><img src="map.png" alt="A map"></figure>'],
  ['alone but for white space', '  ![A map](map.png)  ', '<figure><img src="map.png" alt="A map"></figure>'],
  ['an inline image stays inline, with its title', 'Text ![A map](map.png "Cap") text', '<p>Text <img src="map.png" alt="A map" title="Cap"> text</p>'],
  ['two images in a paragraph stay inline', '![a](a.png) ![b](b.png)', '<p><img src="a.png" alt="a"> <img src="b.png" alt="b"></p>'],
  ['an image in a tight list item is not in a paragraph', '- ![A map](map.png "Cap")', '<ul>\n<li><img src="map.png" alt="A map" title="Cap"></li>\n</ul>'],
  ['a linked image stays a link', '[![A map](map.png "Cap")](https://x.org)', '<p><a href="https://x.org"><img src="map.png" alt="A map" title="Cap"></a></p>'],
  ['a caption is text, never markup', '![A map](map.png "<b>bold</b> & more")', '<figure><img src="map.png" alt="A map"><figcaption>&#x3C;b>bold&#x3C;/b> &#x26; more</figcaption></figure>']
];

describe('rehypeFigure', () => {
  it.each(cases)('%s', async (_name, input, html) => {
    const result = await render(`${input}\n`, [], [rehypeFigure]);
    expect(result.html).toBe(html);
    expect(result.messages).toEqual([]);
  });

  it('keeps the paragraph\'s position on the figure', async () => {
    const file = new VFile({path: 'm.md', value: 'Intro.\n\n![A map](map.png "Cap")\n'});
    const chain = unified().use(remarkParse).use(remarkRehype).use(rehypeFigure);
    const tree = (await chain.run(chain.parse(file), file)) as Root;
    const figure = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'figure');
    expect(figure?.position?.start).toMatchObject({line: 3, column: 1});
    expect(figure?.position?.end).toMatchObject({line: 3, column: 24});
  });
});
