import {describe, expect, it} from 'vitest';
import {classifyUrl, remarkSafeUrls} from '../../src/markdown/remark-safe-urls.js';
import {render} from '../helpers/markdown-html.js';

const unsafe = (scheme: string, kind: 'link' | 'image', url: string): string =>
  `Unexpected \`${scheme}:\` ${kind} \`${url}\`, expected ${kind === 'link' ? 'http, https or mailto' : 'a relative path to an image file'}; it is not rendered [unsafe-url]`;
const remote = (url: string): string => `Remote image \`${url}\` is not fetched, expected a local image file next to the manuscript [remote-image]`;

/** Input → expected HTML and messages (remark-gfm's fixture style). */
const cases: Array<[string, string, string, string[]]> = [
  [
    'web, mailto and fragment links are kept',
    '[web](https://example.org/a) and [mail](mailto:desk@example.org?subject=Hi) and [here](#top)',
    '<p><a href="https://example.org/a">web</a> and <a href="mailto:desk@example.org?subject=Hi">mail</a> and <a href="#top">here</a></p>',
    []
  ],
  [
    'a javascript: link, in any case, keeps only its text',
    '[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(1))',
    '<p>x and y</p>',
    [`1:1-1:25 warning ${unsafe('javascript', 'link', 'javascript:alert(1)')}`, `1:30-1:54 warning ${unsafe('javascript', 'link', 'JaVaScRiPt:alert(1)')}`]
  ],
  ['a scheme with a tab in it, as a browser reads it', '[x](<java\tscript:alert(1)>)', '<p>x</p>', [`1:1-1:28 warning ${unsafe('java\tscript', 'link', 'java\tscript:alert(1)')}`]],
  [
    'file: and data: links',
    '[file](file:///etc/passwd) [data](data:text/html,hi)',
    '<p>file data</p>',
    [`1:1-1:27 warning ${unsafe('file', 'link', 'file:///etc/passwd')}`, `1:28-1:53 warning ${unsafe('data', 'link', 'data:text/html,hi')}`]
  ],
  [
    'a relative link is kept as text',
    '[notes](notes/other.md)',
    '<p>notes</p>',
    ['1:1-1:24 warning Relative link `notes/other.md` leads nowhere in a PDF, expected an absolute http(s) URL or a #fragment; kept as text [relative-link]']
  ],
  ['a protocol-relative link becomes https:', '[host](//example.org/path)', '<p><a href="https://example.org/path">host</a></p>', []],
  [
    'a mailto: link keeps its recipients and subject only',
    '[mail](mailto:desk@example.org?cc=boss@example.org&body=Hi&subject=Topic)',
    '<p><a href="mailto:desk@example.org?subject=Topic">mail</a></p>',
    [
      "1:1-1:74 warning Dropped `cc`, `body` from the `mailto:` link `mailto:desk@example.org?cc=boss@example.org&body=Hi&subject=…`, expected at most a `subject`: a link may not add recipients, text or attachments to a reader's message [mailto-fields]"
    ]
  ],
  [
    'a local image is kept; a web image leaves a trace with its address, a data: image one without',
    '![A map](map.png) ![Remote](https://example.org/map.png) ![](data:image/png;base64,AAAA)',
    '<p><img src="map.png" alt="A map"> <span class="image-trace">[image: Remote — https://example.org/map.png]</span> <span class="image-trace">[image]</span></p>',
    [`1:19-1:57 warning ${remote('https://example.org/map.png')}`, `1:58-1:89 warning ${unsafe('data', 'image', 'data:image/png;base64,AAAA')}`]
  ],
  [
    'a definition is checked as what uses it: fine for a link, refused for an image',
    '[a link][d] and ![an image][d]\n\n[d]: https://example.org/d.png',
    '<p><a href="https://example.org/d.png">a link</a> and <span class="image-trace">[image: an image — https://example.org/d.png]</span></p>',
    [`3:1-3:31 warning ${remote('https://example.org/d.png')}`]
  ],
  ['a refused link definition unwraps its references', '[a link][r]\n\n[r]: javascript:alert(1)', '<p>a link</p>', [`3:1-3:25 warning ${unsafe('javascript', 'link', 'javascript:alert(1)')}`]],
  [
    'a refused image definition leaves a trace at each reference',
    '![img][i]\n\n[i]: https://example.org/i.png',
    '<p><span class="image-trace">[image: img — https://example.org/i.png]</span></p>',
    [`3:1-3:31 warning ${remote('https://example.org/i.png')}`]
  ]
];

describe('remarkSafeUrls', () => {
  it.each(cases)('%s', async (_name, input, html, messages) => {
    const result = await render(`${input}\n`, [remarkSafeUrls]);
    expect(result.html).toBe(html);
    expect(result.messages).toEqual(messages);
  });

  it('classifies URLs as a browser parses them', () => {
    expect(['#x', ' #x', 'a/b.md', '../b', '?q=1'].map(classifyUrl)).toEqual(['fragment', 'fragment', 'relative', 'relative', 'relative']);
    expect(['https://x.org', 'HTTP://x.org', 'mailto:a@b.org', '//x.org/p'].map(classifyUrl)).toEqual(['web', 'web', 'web', 'web']);
    expect(['javascript:x', ' javascript:x', 'vbscript:x', 'file:///x', 'data:,x', 'ftp://x.org', 'http://[bad'].map(classifyUrl)).toEqual([
      'unsafe',
      'unsafe',
      'unsafe',
      'unsafe',
      'unsafe',
      'unsafe',
      'unsafe'
    ]);
  });
});
