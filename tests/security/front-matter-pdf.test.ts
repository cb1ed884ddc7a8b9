import type {Element, Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {toHtml} from 'hast-util-to-html';
import {select, selectAll} from 'hast-util-select';
import fc from 'fast-check';
import {VFile} from 'vfile';
import {stringify} from 'yaml';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createRenderer, type Rendered, type Renderer} from '../../src/index.js';
import {filePolicy, printPolicy} from '../../src/html/page-policy.js';
import {isWholePdf, readPdf, type PdfContent} from './helpers/outputs.js';

/**
 * Front matter built from HTML and CSS metacharacters and the template's own markers,
 * printed to PDF: whatever it says, the print page is the template's markup plus the
 * sanitised article, and the PDF shows the strings as text and links nowhere.
 */

/** Pieces an attacker would put together: the markers a page is cut or parsed by. */
const pieces = [
  'url(data:font/', 'x;base64,', 'woff2;base64,AAAA', ')', '(', '</title>', '<title>', '<style>', '</style>', '</head>', '<body>',
  '<meta http-equiv="refresh" content="0;url=https://example.org/">', '<a href="file:///etc/passwd">open</a>',
  '<a href="javascript:app.alert(1)">run</a>', '.masthead,.article{display:none}', 'body::after{content:"Approved by the board"}',
  '<p>Approved by the board</p>', '"', "'", '`', '<', '>', '&', '&amp;', '&lt;', '\\', ';', '{', '}', '/*', '*/', '@import', '<!--', '-->',
  ']]>', '</script>', '<svg onload=alert(1)>', 'font-src', "'none'", 'smb://127.0.0.1/share', 'ms-msdt:', ' ', 'Note', 'πλαίσιο', 'Заголовок', '中文'
];

const hostile = fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 9}).map((parts) => parts.join(''));

const matterArbitrary = fc.record({
  title: hostile,
  subtitle: fc.option(hostile, {nil: undefined}),
  publisher: fc.option(hostile, {nil: undefined}),
  tags: fc.array(hostile, {maxLength: 3}),
  authors: fc.array(fc.record({name: hostile, role: fc.option(hostile, {nil: undefined}), affiliation: fc.option(hostile, {nil: undefined})}), {
    maxLength: 3
  })
});

interface Matter {
  title: string;
  subtitle: string | undefined;
  publisher: string | undefined;
  tags: string[];
  authors: Array<{name: string; role: string | undefined; affiliation: string | undefined}>;
}

/** Short words only: nothing in the body is hyphenated. */
const body = 'This body text is all we say here.';

/** The attack the issue reproduced, and variations on it, before the random ones. */
const known: Matter[] = [
  {
    title: 'Note url(data:font/x;base64,',
    subtitle: undefined,
    publisher: undefined,
    tags: [],
    authors: [{name: ')</title><style>.masthead,.article{display:none}</style><a href="file:///etc/passwd">x</a>', role: undefined, affiliation: undefined}]
  },
  {
    title: 'url(data:font/woff2;base64,',
    subtitle: ')</title><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    publisher: 'url(data:font/x;base64,',
    tags: [')<a href="smb://127.0.0.1/share">s</a>'],
    authors: []
  }
];

const random = fc.sample(matterArbitrary, {numRuns: 24, seed: 20261201});
const documents = [...known, ...random].map((matter, index) => ({name: `attack-${index}`, matter}));

let renderer: Renderer;
const results = new Map<string, {made: Rendered; printed: Rendered; pdf: PdfContent}>();

beforeAll(async () => {
  renderer = await createRenderer({formats: ['pdf', 'html']});
  for (const {name, matter} of documents) {
    const clean = JSON.parse(JSON.stringify(matter)) as Matter;
    const file = new VFile({path: `${name}.md`, value: `---\n${stringify(clean)}---\n\n${body}\n`});
    const made = await renderer.html(file);
    const printed = await renderer.pdf(made);
    results.set(name, {made, printed, pdf: printed.pdf ? await readPdf(printed.pdf) : {pages: 0, text: '', links: [], javascript: false, attachments: []}});
  }
}, 240_000);

afterAll(async () => {
  await renderer?.close();
});

/** What a page's head is made of: element names and attribute names, in order. */
function headShape(tree: Root): string[] {
  const head = select('head', tree) as Element;
  return head.children.filter((node): node is Element => node.type === 'element').map((node) => `${node.tagName}[${Object.keys(node.properties).sort().join(',')}]`);
}

/** Text as compared with the PDF's text layer: no white space, hyphens or invisible characters, quotes made plain. */
function comparable(text: string): string {
  return text
    .replace(/[\s\u00AD\u200B\u2060-]/g, '')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’‚‹›]/g, "'");
}

describe('front matter never becomes markup in the print page or the PDF', () => {
  it.each(documents)('$name', ({name, matter}) => {
    const result = results.get(name);
    expect(result).toBeDefined();
    const {made, printed, pdf} = result as NonNullable<typeof result>;
    const messages = made.file.messages.map((message) => String(message));
    expect(made.ok, messages.join('\n')).toBe(true);
    const file = fromHtml(made.html ?? '');
    const print = fromHtml(made.printPage?.html ?? '');

    // The print page is the file page but for where its fonts come from.
    expect(headShape(print)).toEqual(headShape(file));
    expect(selectAll('meta[http-equiv]', print).map((meta) => meta.properties['content'])).toEqual([printPolicy]);
    expect(selectAll('meta[http-equiv]', file).map((meta) => meta.properties['content'])).toEqual([filePolicy]);
    expect(selectAll('style', print)).toHaveLength(1);
    const rules = (tree: Root): string => toHtml(select('style', tree) as Element).replace(/url\([^)]*\)/g, 'url()');
    expect(rules(print)).toBe(rules(file));
    expect(toHtml(select('body', print) as Element)).toBe(toHtml(select('body', file) as Element));
    expect(toHtml(select('title', print) as Element)).toBe(toHtml(select('title', file) as Element));
    expect(selectAll('script, link, base, a[href^="file"], a[href^="javascript"], svg', print)).toEqual([]);

    // The PDF shows the article and the strings as text, and links nowhere.
    expect(isWholePdf(printed.pdf ?? new Uint8Array())).toBe(true);
    expect(pdf.links).toEqual([]);
    expect(pdf.javascript).toBe(false);
    expect(pdf.attachments).toEqual([]);
    const text = comparable(pdf.text);
    expect(text).toContain(comparable(body));
    expect(text).toContain(comparable(matter.title.trim()));
  });
});
