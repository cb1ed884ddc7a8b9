import {describe, expect, it} from 'vitest';
import {defaults} from '../../src/config/config.js';
import {rehypeLinkNotes} from '../../src/html/rehype-link-notes.js';
import {render} from '../helpers/markdown-html.js';

const edition = (name: 'print' | 'screen') => ({settings: {...defaults, edition: name}});

const manuscript = 'See [a](https://a.org), [b](http://b.org/x), [a again](https://a.org), [mail](mailto:m@x.org), [top](#top) and a note[^1].\n\n[^1]: A [c](https://c.org).\n';
const footnoteRef = '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>';
const backref = '<a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a>';
const footnotes = (link: string): string =>
  `<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>\n<ol>\n<li id="user-content-fn-1">\n<p>A ${link}. ${backref}</p>\n</li>\n</ol>\n</section>`;

describe('rehypeLinkNotes', () => {
  it('print: a numbered mark after every web and mailto link (one number per address, footnotes too) and the list of addresses at the end', async () => {
    const result = await render(manuscript, [], [rehypeLinkNotes], edition('print'));
    expect(result.html).toBe(
      [
        '<p>See <a href="https://a.org">a</a><span class="link-note">[1]</span>, <a href="http://b.org/x">b</a><span class="link-note">[2]</span>, ',
        '<a href="https://a.org">a again</a><span class="link-note">[1]</span>, <a href="mailto:m@x.org">mail</a><span class="link-note">[3]</span>, ',
        `<a href="#top">top</a> and a note${footnoteRef}.</p>\n`,
        footnotes('<a href="https://c.org">c</a><span class="link-note">[4]</span>'),
        '<section class="link-notes"><h2>Links</h2><ol><li>https://a.org</li><li>http://b.org/x</li><li>m@x.org</li><li>https://c.org</li></ol></section>'
      ].join('')
    );
    expect(result.messages).toEqual([]);
  });

  it('screen (and no settings): the page is left as it is', async () => {
    const screen = await render(manuscript, [], [rehypeLinkNotes], edition('screen'));
    const expected = [
      '<p>See <a href="https://a.org">a</a>, <a href="http://b.org/x">b</a>, <a href="https://a.org">a again</a>, <a href="mailto:m@x.org">mail</a>, ',
      `<a href="#top">top</a> and a note${footnoteRef}.</p>\n`,
      footnotes('<a href="https://c.org">c</a>')
    ].join('');
    expect(screen.html).toBe(expected);
    expect((await render(manuscript, [], [rehypeLinkNotes])).html).toBe(expected);
  });

  it('print without web links: no marks and no list', async () => {
    const result = await render('Only [a fragment](#x) and text.\n', [], [rehypeLinkNotes], edition('print'));
    expect(result.html).toBe('<p>Only <a href="#x">a fragment</a> and text.</p>');
  });

  it('print: one mark after a link with formatted text, and schemes in capitals count', async () => {
    const result = await render('[**bold** link](HTTPS://A.ORG) and [Mail](MAILTO:m@x.org)\n', [], [rehypeLinkNotes], edition('print'));
    expect(result.html).toBe(
      '<p><a href="HTTPS://A.ORG"><strong>bold</strong> link</a><span class="link-note">[1]</span> and <a href="MAILTO:m@x.org">Mail</a><span class="link-note">[2]</span></p>' +
        '<section class="link-notes"><h2>Links</h2><ol><li>HTTPS://A.ORG</li><li>m@x.org</li></ol></section>'
    );
  });
});
