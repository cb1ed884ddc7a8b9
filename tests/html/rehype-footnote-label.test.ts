import {h} from 'hastscript';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import {rehypeFootnoteLabel} from '../../src/html/rehype-footnote-label.js';

async function html(markdown: string, lang: string): Promise<string> {
  const file = new VFile({value: markdown, data: {matter: {title: 't', authors: [], tags: [], lang}}});
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, {footnoteLabel: 'Notes'}).use(rehypeFootnoteLabel).use(rehypeStringify);
  return String(await processor.process(file));
}

describe('rehypeFootnoteLabel', () => {
  it('names the footnotes’ section in the document’s language', async () => {
    expect(await html('Text[^1].\n\n[^1]: A note.', 'zh-Hans')).toMatch(/<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">注释<\/h2>/);
    expect(await html('Text[^1].\n\n[^1]: A note.', 'de')).toMatch(/<h2 class="sr-only" id="footnote-label">Anmerkungen<\/h2>/);
  });

  it('leaves an author’s heading that carries the same id alone, and a page without notes as it is', async () => {
    const tree = h(null, [h('h2#footnote-label', 'Mine'), h('p', 'No notes.')]);
    const file = new VFile({data: {matter: {title: 't', authors: [], tags: [], lang: 'de'}}});
    const result = await unified().use(rehypeFootnoteLabel).run(structuredClone(tree), file);
    expect(result).toEqual(tree);
  });
});
