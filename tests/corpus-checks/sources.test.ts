import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {corpusRoot, discoverDocuments} from '../helpers/corpus.js';
import {expectedBlocks} from '../helpers/manuscript-text.js';
import {pageMargins} from '../helpers/page-area.js';
import {findPageLabel} from '../helpers/page-labels.js';
import {parsePdffonts} from '../helpers/pdf-fonts.js';
import {normaliseText, visualToLogical} from '../helpers/text-match.js';

// The harness's readers of sources (Markdown, CSS, pdffonts, the corpus folder), in our words.

describe('expected text from the Markdown', () => {
  const text = (markdown: string): string[] => expectedBlocks(markdown).map((block) => block.pieces.join('|'));

  it('takes paragraphs, headings, list items, cells and code, and leaves front matter out', () => {
    const markdown = [
      '---',
      'title: The ferry timetable',
      '---',
      '',
      '## Winter service {#winter}',
      '',
      '- The first boat leaves at six.',
      '  - Later ones follow hourly.',
      '',
      '| Quay | Time |',
      '| --- | --- |',
      '| North | 06:00 |',
      '',
      '```',
      'ferry --depart 06:00',
      '```',
      ''
    ].join('\n');
    expect(text(markdown)).toEqual(['Winter service', 'The first boat leaves at six.', 'Later ones follow hourly.', 'Quay', 'Time', 'North', '06:00', 'ferry --depart 06:00']);
  });

  it('reads pandoc’s `...` closer and title block as front matter', () => {
    expect(text('---\ntitle: Harbour notes\n...\n\nThe tide turns at noon.\n')).toEqual(['The tide turns at noon.']);
    expect(text('% Harbour notes\n% Pat Tester\n\nThe tide turns at noon.\n')).toEqual(['The tide turns at noon.']);
  });

  it('requires a raw HTML block’s text and a remote image’s alt text, not a local image’s', () => {
    const markdown = '<aside>\n<p>Keep your ticket.</p><!-- note -->\n</aside>\n\n![The quay at dawn](quay.png)\n\n![Harbour map](https://example.org/map.png)\n';
    expect(expectedBlocks(markdown).map((block) => [block.kind, block.pieces.join('').trim()])).toEqual([
      ['html', 'Keep your ticket.'],
      ['image', 'Harbour map']
    ]);
  });

  it('reads a raw HTML block with kramdown’s markdown="1" as Markdown, its blocks at the block’s line', () => {
    const markdown = 'Intro.\n\n<aside markdown="1">\n  Keep your *ticket*.\n  <p markdown="1">\n— The crew, [timetable](https://example.org/t)\n  </p>\n</aside>\n';
    expect(expectedBlocks(markdown).map((block) => [block.kind, block.line, block.pieces])).toEqual([
      ['paragraph', 1, ['Intro.']],
      ['paragraph', 3, ['Keep your ticket.']],
      ['paragraph', 3, ['— The crew, timetable']]
    ]);
  });

  it('takes GitHub’s alert marks and the fences of Docusaurus’ containers for markup, a container’s label for text', () => {
    const markdown = '> [!TIP]\n> Take the early ferry.\n\n:::caution[Mind the gap]\nThe quay is wet.\n:::\n\n```\n:::kept in code\n```\n';
    expect(text(markdown)).toEqual(['Take the early ferry.', 'Mind the gap\nThe quay is wet.', ':::kept in code']);
  });

  it('reads a MkDocs admonition’s title as text and its indented body as Markdown, not as code', () => {
    const markdown = 'Before.\n\n!!! note "Timetable"\n    The ferry is **late**.\n\n    ```\n    code stays code\n    ```\n\nAfter.\n';
    expect(text(markdown)).toEqual(['Before.', 'Timetable', 'The ferry is late.', 'code stays code', 'After.']);
  });

  it('cuts a block after links and at footnote marks, and drops MDX heading ids', () => {
    expect(text('Read [the notice](https://example.org) before boarding[^1] today.\n\n[^1]: Boarding closes early.\n\n## Boarding {/*boarding*/}\n')).toEqual([
      'Read the notice| before boarding| today.',
      'Boarding closes early.',
      'Boarding'
    ]);
  });

  it('normalises typography away: quotes of every language, dashes, hyphens, spaces, case, ZWNJ', () => {
    expect(normaliseText('« Il a dit » — l’heure „gut“ 「はい」 Har\u00ADbour\u200C  ferry')).toBe(normaliseText('" Il a dit " - l\'heure "gut" "はい" harbour ferry'));
    expect(normaliseText('…')).toBe('...');
  });
});

describe('right-to-left lines extracted in visual order', () => {
  it('are put back in reading order, their Latin words and numbers kept', () => {
    expect(visualToLogical('12 زا 3 هحفص')).toBe('صفحه 3 از 12');
    expect(visualToLogical('ferry ىلع')).toBe('على ferry');
    expect(visualToLogical('۱۱ زا ۱ هٔحفص')).toBe('صفحهٔ ۱ از ۱۱');
    expect(visualToLogical('۱۱ زا ۱۰ هحفص')).toBe('صفحه ۱۰ از ۱۱');
    expect(visualToLogical('the harbour ferry')).toBe('the harbour ferry');
  });

  it('give punctuation after a Latin word or a number the line’s direction, and end a Latin run at an Arabic letter', () => {
    // Each visual string is its logical one laid out by the Unicode bidi algorithm.
    expect(visualToLogical('مسق :1 ةوطخلا')).toBe('الخطوة 1: قسم');
    expect(visualToLogical('لیاف :README لیاف')).toBe('فایل README: فایل');
    expect(visualToLogical('يذلا JSONـلا')).toBe('الـJSON الذي');
    expect(visualToLogical('عقوم example.org/a.b ىلع')).toBe('على example.org/a.b موقع');
    expect(visualToLogical('ةعاسلا 10:30 يف')).toBe('في 10:30 الساعة');
    // A bracket drawn mirrored keeps its own code point in the text layer (Chromium's ToUnicode).
    expect(visualToLogical('ضرعي)تاجتنملا لودج( ProductTable')).toBe('ProductTable (جدول المنتجات)يعرض');
    expect(visualToLogical('دیدرو )issue tracker( رکرت وشیا')).toBe('ایشو ترکر (issue tracker) وردید');
  });
});

describe('page labels', () => {
  it('accepts the forms of the document’s language, with its digits', () => {
    expect(findPageLabel('Seite 2 von 9', 'de', 2, 9)).toBeUndefined();
    expect(findPageLabel('第 3 页，共 7 页', 'zh-Hans', 3, 7)).toBeUndefined();
    expect(findPageLabel('صفحة ٣ من ٧', 'ar', 3, 7)).toBeUndefined();
    expect(findPageLabel('Page 3 of 7', 'xx', 3, 7)).toBeUndefined();
  });

  it('refuses another language’s form, another page and another count', () => {
    expect(findPageLabel('Page 2 of 9', 'de', 2, 9)).toBe('“Seite 2 von 9”');
    expect(findPageLabel('Page 2 of 9', 'en', 3, 9)).toBeDefined();
    expect(findPageLabel('Page 2 of 91', 'en', 2, 9)).toBeDefined();
  });
});

describe('page margins from the style sheet', () => {
  it('reads @page margins in cascade order, in any unit', () => {
    const html = '<html><head><style>@page { margin: 20mm 10mm 1in; } @page :first { margin-top: 36pt; } @page :left { margin-bottom: 2cm; }</style></head></html>';
    const margins = pageMargins(html);
    expect(margins(1).top).toBeCloseTo(36);
    expect(margins(1).bottom).toBeCloseTo(72);
    expect(margins(2).top).toBeCloseTo((20 * 72) / 25.4);
    expect(margins(2).bottom).toBeCloseTo((2 * 72) / 2.54);
  });

  it('fails when there is no @page margin to read', () => {
    expect(() => pageMargins('<style>p { margin: 0 }</style>')).toThrow(/No @page margin/);
  });
});

describe('pdffonts output', () => {
  it('reads rows whose long names push the columns right, and Type 3 fonts without a name', () => {
    const output = [
      'name                                 type              encoding         emb sub uni object ID',
      '------------------------------------ ----------------- ---------------- --- --- --- ---------',
      'AAAAAA+SourceSans3ExtraLight-SemiBold CID TrueType      Identity-H       yes yes yes      4  0',
      '[none]                               Type 3            Custom           yes no  yes     57  0',
      'Helvetica                            Type 1            WinAnsi          no  no  no       9  0',
      ''
    ].join('\n');
    expect(parsePdffonts(output)).toEqual([
      {name: 'AAAAAA+SourceSans3ExtraLight-SemiBold', type: 'CID TrueType', embedded: true},
      {name: '[none]', type: 'Type 3', embedded: true},
      {name: 'Helvetica', type: 'Type 1', embedded: false}
    ]);
  });
});

describe('the corpus folder', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'briefing-corpus-folder-'));
  });
  afterAll(async () => {
    await rm(root, {recursive: true, force: true});
  });

  it('finds each folder’s one Markdown file at any depth, and ignores files at the top', async () => {
    await mkdir(path.join(root, 'b-nested', 'docs'), {recursive: true});
    await mkdir(path.join(root, 'a-flat'), {recursive: true});
    await writeFile(path.join(root, 'README.md'), 'About the corpus.\n');
    await writeFile(path.join(root, 'a-flat', 'notes.md'), 'Flat.\n');
    await writeFile(path.join(root, 'b-nested', 'docs', 'guide.md'), 'Nested.\n');
    expect(discoverDocuments(root).map(({name, manuscript}) => [name, manuscript])).toEqual([
      ['a-flat', 'notes.md'],
      ['b-nested', path.join('docs', 'guide.md')]
    ]);
    await writeFile(path.join(root, 'a-flat', 'second.md'), 'Two.\n');
    expect(() => discoverDocuments(root)).toThrow(/holds 2 Markdown files, expected exactly one/);
  });

  it('is an error when it is missing, not an empty run', () => {
    const saved = process.env['BRIEFING_CORPUS'];
    process.env['BRIEFING_CORPUS'] = path.join(root, 'no-such-folder');
    try {
      expect(() => corpusRoot(root)).toThrow(/No corpus at .*no-such-folder: set BRIEFING_CORPUS/);
    } finally {
      if (saved === undefined) delete process.env['BRIEFING_CORPUS'];
      else process.env['BRIEFING_CORPUS'] = saved;
    }
  });
});
