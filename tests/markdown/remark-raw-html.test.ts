import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fromHtml} from 'hast-util-from-html';
import {selectAll} from 'hast-util-select';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadTemplate} from '../../src/html/template/load-template.js';
import {createProcessor, type BriefingProcessor} from '../../src/pipeline/processor.js';

let dir: string;
let processor: BriefingProcessor;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'raw-html-'));
  await writeFile(path.join(dir, 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
  const template = await loadTemplate('briefing');
  processor = createProcessor({templates: async () => template, root: dir});
});

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** The article of the page made from `body`, and the messages as `line:column rule reason`. */
async function render(body: string) {
  const file = new VFile({path: 'note.md', cwd: dir, value: `---\ntitle: Raw\n---\n\n${body}\n`});
  const html = String(await processor.process(file));
  const article = selectAll('main.article', fromHtml(html))[0];
  expect(article, 'the page has its article').toBeDefined();
  return {
    article: article as NonNullable<typeof article>,
    messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'} ${message.reason}`)
  };
}

function paragraphs(article: Parameters<typeof selectAll>[1]): string[] {
  return selectAll('p', article).map(textOf);
}

function textOf(node: unknown): string {
  const value = node as {type: string; value?: string; tagName?: string; children?: unknown[]};
  if (value.type === 'text') return (value.value ?? '').replaceAll('\u00AD', '');
  if (value.tagName === 'br') return '\n';
  return (value.children ?? []).map(textOf).join('');
}

describe('remarkRawHtml: content kept, markup dropped', () => {
  it('keeps a block’s text as paragraphs, with one warning saying so', async () => {
    const {article, messages} = await render('<aside class="quote">\n  Short notes are kind.\n  <p class="credit">— Someone, in a letter</p>\n</aside>');
    expect(paragraphs(article)).toEqual(['Short notes are kind.', '— Someone, in a letter']);
    expect(selectAll('aside', article)).toEqual([]);
    expect(messages).toEqual([
      '5:1 raw-html warning Raw HTML `<aside class="quote"> Short notes are ki…` is not rendered: its text is kept as plain text, expected Markdown or a directive'
    ]);
  });

  it('reads a block that asks with markdown="1" as Markdown: links, emphasis and lists of the page', async () => {
    const {article, messages} = await render(
      [
        '<aside markdown="1" class="quote">',
        '  Short notes are *kind*.',
        '  <p markdown="1" class="credit">',
        '— Someone, [in a letter](https://example.org/letter)',
        '  </p>',
        '</aside>',
        '',
        '<div markdown="block">',
        '- the first stop',
        '- the second stop<br>',
        '</div>'
      ].join('\n')
    );
    expect(paragraphs(article)).toEqual(['Short notes are kind.', '— Someone, in a letter']);
    expect(selectAll('em', article).map(textOf)).toEqual(['kind']);
    expect(selectAll('a[href="https://example.org/letter"]', article).map(textOf)).toEqual(['in a letter']);
    expect(selectAll('li', article).map(textOf)).toEqual(['the first stop', 'the second stop']);
    expect(selectAll('aside, div', article)).toEqual([]);
    expect(messages).toEqual([
      '5:1 raw-html warning Raw HTML `<aside markdown="1" class="quote"> Short…` is not rendered: its text is read as Markdown, as its `markdown` attribute asks (its tags are dropped)',
      '12:1 raw-html warning Raw HTML `<div markdown="block"> - the first stop …` is not rendered: its text is read as Markdown, as its `markdown` attribute asks (its tags are dropped)'
    ]);
  });

  it('reads markdown="1" content with the page’s safety: a javascript: link stays text', async () => {
    const {article} = await render('<div markdown="1">\n[the ferry](javascript:alert(1)) leaves\n</div>');
    expect(selectAll('a', article)).toEqual([]);
    expect(paragraphs(article).join(' ')).toContain('the ferry');
  });

  it('keeps a block without markdown="1" (or with markdown="0") as plain text', async () => {
    const {article} = await render('<div markdown="0">A [plain](https://example.org) *block*.</div>');
    expect(paragraphs(article)).toEqual(['A [plain](https://example.org) *block*.']);
  });

  it('keeps no script or style text, and makes nothing of event handlers', async () => {
    const {article, messages} = await render('<div onclick="steal()"><script>steal()</script><style>p{display:none}</style>Visible words.</div>');
    expect(paragraphs(article)).toEqual(['Visible words.']);
    expect(JSON.stringify(article)).not.toMatch(/steal|display:none|onclick/);
    expect(messages).toHaveLength(1);
  });

  it('reads <br> in a table cell as a line break and says so once for the document', async () => {
    const {article, messages} = await render('| A |\n| --- |\n| one<br>two |\n| three<br/>four |');
    expect(selectAll('td', article).map((cell) => textOf(cell).replace(/\n+/g, '\n'))).toEqual(['one\ntwo', 'three\nfour']);
    expect(messages).toEqual(['7:6 raw-html warning Raw HTML `<br>` (and 1 more like it) is read as a line break, expected a backslash at the end of the line']);
  });

  it('keeps the items of an inline list or the paragraphs in a table cell on lines of their own, none empty', async () => {
    const {article, messages} = await render(
      '| A | B |\n| --- | --- |\n| x | <ul><li>`alpha`</li><li> beta</li><li>gamma</li></ul> |\n| y | <p>first</p> <p>second</p> |\n| z | plain <div>boxed</div> after |'
    );
    const cells = selectAll('td', article).filter((_, index) => index % 2 === 1);
    expect(cells.map((cell) => textOf(cell).replace(/\s*\n\s*/g, '\n'))).toEqual(['alpha\nbeta\ngamma', 'first\nsecond', 'plain\nboxed\nafter']);
    // One break between items: none before the first, after the last or doubled.
    expect(cells.map((cell) => selectAll('br', cell).length)).toEqual([2, 1, 2]);
    expect(messages.filter((message) => message.includes('lines of their own'))).toEqual([
      '7:7 raw-html warning Raw HTML `<ul>` is dropped, and the text on each side of it is kept on lines of their own, expected Markdown or a directive',
      '7:11 raw-html warning Raw HTML `<li>` (and 2 more like it) is dropped, and the text on each side of it is kept on lines of their own, expected Markdown or a directive',
      '8:7 raw-html warning Raw HTML `<p>` (and 1 more like it) is dropped, and the text on each side of it is kept on lines of their own, expected Markdown or a directive',
      '9:13 raw-html warning Raw HTML `<div>` is dropped, and the text on each side of it is kept on lines of their own, expected Markdown or a directive'
    ]);
  });

  it('reads a local <img> through the image inliner, and a <figure>’s caption as its caption', async () => {
    const {article} = await render('<figure><img src="dot.svg" alt="A dot"><figcaption>The dot, small.</figcaption></figure>');
    const [figure] = selectAll('figure', article);
    expect(selectAll('img', figure)[0]?.properties['src']).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(selectAll('figcaption', figure).map(textOf)).toEqual(['The dot, small.']);
  });

  it('leaves a trace and a warning, not an error, for a raw <img> whose file is missing or outside', async () => {
    const {article, messages} = await render('<img src="gone.png" alt="Lost chart">\n\n<img src="../../../etc/hostname" alt="x">');
    expect(selectAll('.image-trace', article).map(textOf)).toEqual(['[image: Lost chart — gone.png]', '[image: x — ../../../etc/hostname]']);
    expect(messages.filter((message) => message.includes(' error '))).toEqual([]);
    expect(messages.some((message) => message.startsWith('5:1 image-missing warning Missing image `gone.png`'))).toBe(true);
  });

  it('never turns javascript: or data: sources in raw HTML into an image or a link', async () => {
    const {article} = await render('<img src="javascript:alert(1)" alt="a">\n\n<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="b">');
    expect(selectAll('img, a', article)).toEqual([]);
    expect(selectAll('.image-trace', article).map(textOf)).toEqual(['[image: a]', '[image: b]']);
  });

  it('drops markup nested too deeply to parse, with its warning, and keeps building', async () => {
    const {messages} = await render(`${'<div>'.repeat(30_000)}deep${'</div>'.repeat(30_000)}`);
    expect(messages.some((message) => message.startsWith('5:1 raw-html warning'))).toBe(true);
  });
});

describe('remarkSafeUrls: a remote image leaves a trace', () => {
  it('shows the alt text and the address in a styled span, inline and by reference', async () => {
    const {article} = await render('See ![the map](https://example.org/map.png) here.\n\n![chart][c]\n\n[c]: https://example.org/chart.png');
    expect(selectAll('span.image-trace', article).map((span) => textOf(span).replace(/\u200B/g, ''))).toEqual([
      '[image: the map — https://example.org/map.png]',
      '[image: chart — https://example.org/chart.png]'
    ]);
  });
});

describe('remarkRawHtml: every dropped tag is said', () => {
  it('warns about a raw <img> read as an image, block and inline', async () => {
    const {messages} = await render('<img src="dot.svg" alt="A dot">\n\nText <img src="dot.svg" alt="again"> more.');
    expect(messages.filter((message) => message.includes('raw-html'))).toEqual([
      '5:1 raw-html warning Raw HTML `<img src="dot.svg" alt="A dot">` is not rendered: its image is read as a Markdown image, expected `![alt](path)`',
      '7:6 raw-html warning Raw HTML `<img src="dot.svg" alt="again">` is not rendered: its image is read as a Markdown image, expected `![alt](path)`'
    ]);
  });
});
