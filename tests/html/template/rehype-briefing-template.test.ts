import type {Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {toString} from 'hast-util-to-string';
import {VFile} from 'vfile';
import {beforeAll, describe, expect, it} from 'vitest';
import {resolveSettings} from '../../../src/config/config.js';
import {formatDate, listNames} from '../../../src/html/template/rehype-briefing-template.js';
import {loadTemplate} from '../../../src/html/template/load-template.js';
import {pageCss} from '../../../src/html/template/page-css.js';
import {createProcessor, type BriefingProcessor} from '../../../src/pipeline/processor.js';
import {generator} from '../../../src/util/version.js';

let processor: BriefingProcessor;

beforeAll(async () => {
  const template = await loadTemplate('briefing');
  processor = createProcessor({templates: async () => template, root: process.cwd()});
});

async function render(value: string): Promise<{html: string; tree: Root; file: VFile}> {
  const file = new VFile({path: 'm.md', value});
  const html = String(await processor.process(file));
  return {html, tree: fromHtml(html), file};
}

describe('rehypeBriefingTemplate', () => {
  it('fills the head from the front matter', async () => {
    const {tree, file} = await render(
      ['---', 'title: The Title', 'subtitle: The dek', 'authors: [Ada Lovelace, Alan Turing]', 'tags: [trade, United States]', 'lang: fr', '---', '', 'Text.'].join('\n')
    );
    expect(file.messages).toEqual([]);
    expect(select('html', tree)?.properties['lang']).toBe('fr');
    expect(toString(select('title', tree) ?? {type: 'root', children: []})).toBe('The Title');
    expect(select('meta[name=author]', tree)?.properties['content']).toBe('Ada Lovelace et Alan Turing');
    expect(select('meta[name=description]', tree)?.properties['content']).toBe('The dek');
    expect(select('meta[name=keywords]', tree)?.properties['content']).toBe('trade · United States');
    expect(select('meta[name=generator]', tree)?.properties['content']).toBe(generator);
  });

  it('removes the elements whose value is missing', async () => {
    const {tree} = await render('---\ntitle: Only a title\n---\n');
    for (const selector of ['meta[name=author]', 'meta[name=description]', 'meta[name=keywords]', '.masthead-dek', '.masthead-publisher', 'footer.bylines', 'time']) {
      expect(select(selector, tree), selector).toBeUndefined();
    }
    expect(selectAll('[data-slot]', tree)).toEqual([]);
  });

  it('keeps manuscript text as text, in the head and in the running strings', async () => {
    const hostile = '</style><script>alert(1)</script> & "quotes"';
    const {html, tree} = await render(`---\ntitle: '${hostile}'\npublisher: '</style><img src=x>'\n---\n\nText.\n`);
    expect(selectAll('script', tree)).toEqual([]);
    expect(selectAll('img', tree)).toEqual([]);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(toString(select('title', tree) ?? {type: 'root', children: []})).toBe(hostile);
    expect(toString(select('h1.masthead-title', tree) ?? {type: 'root', children: []})).toBe(hostile);
  });

  it('sets the paper size and the running strings in the page style', async () => {
    const letter = createProcessor({settings: resolveSettings({config: {paper: 'letter'}})});
    const html = String(await letter.process('---\ntitle: Running\nauthors: [Ada]\npublisher: Inst\ndate: 2025-06-06\n---\n'));
    // Compare only the per-document rules: the style element also holds the inlined fonts.
    const rules = /@page\{size:[^}]*\}\n:root\{[^}]*\}/.exec(html)?.[0];
    expect(html).toContain(pageCss({paper: 'letter', running: 'Ada · Inst', title: 'Running', date: formatDate('2025-06-06', 'en') ?? '', lang: 'en'}));
    expect(rules).toContain('@page{size:letter}');
  });

  it('writes the date in the document language, with a machine-readable datetime', async () => {
    const {tree} = await render('---\ntitle: Dated\ndate: 2025-06-06\nlang: de\n---\n');
    const time = select('time.masthead-date', tree);
    expect(time?.properties['dateTime']).toBe('2025-06-06');
    expect(toString(time ?? {type: 'root', children: []})).toBe(formatDate('2025-06-06', 'de'));
    expect(formatDate('2025-06-06', 'de')).toBe('6. Juni 2025');
  });

  it('lists names as the document language says them', () => {
    const authors = [{name: 'A'}, {name: 'B'}, {name: 'C'}];
    expect(listNames(authors, 'en')).toBe('A, B, and C');
    expect(listNames(authors.slice(0, 2), 'en')).toBe('A and B');
    expect(listNames([], 'en')).toBe('');
  });
});
