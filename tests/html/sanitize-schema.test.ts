import type {Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadTemplate} from '../../src/html/template/load-template.js';
import {createProcessor, type BriefingProcessor} from '../../src/pipeline/processor.js';

let processor: BriefingProcessor;

beforeAll(async () => {
  const template = await loadTemplate('briefing');
  processor = createProcessor({templates: async () => template});
});

async function article(markdown: string): Promise<Root> {
  const html = String(await processor.process(`---\ntitle: Sanitised\n---\n\n${markdown}`));
  const main = select('main', fromHtml(html));
  return {type: 'root', children: main ? [main] : []};
}

describe('sanitizeSchema', () => {
  it('keeps the classes and attributes the briefing blocks need', async () => {
    const tree = await article(':::summary[Key]\n- a\n:::\n\nText :pullquote[lifted] here.\n\nMore.\n\n:::pullquote{cite="Who"}\nQuote.\n:::\n');
    expect(select('aside.summary > h2.summary-label', tree)).toBeDefined();
    expect(select('aside.pullquote[aria-hidden=true]', tree)).toBeDefined();
    expect(select('figure.pullquote.pullquote-standalone > figcaption', tree)).toBeDefined();
  });

  it('keeps footnote links working: every in-page link points at an id on the page', async () => {
    const tree = await article('## Section\n\nA claim.[^1] Another.[^two]\n\n[^1]: First note.\n[^two]: Second note.\n');
    const links = selectAll('a[href^="#"]', tree).map((link) => String(link.properties['href']).slice(1));
    const ids = new Set(selectAll('[id]', tree).map((element) => String(element.properties['id'])));
    expect(links.length).toBe(4);
    for (const target of links) expect(ids, `#${target}`).toContain(target);
  });

  it('keeps aria references pointing at ids on the page', async () => {
    const tree = await article('A claim.[^1]\n\n[^1]: A note.\n');
    const ids = new Set(selectAll('[id]', tree).map((element) => String(element.properties['id'])));
    const references = selectAll('[aria-describedby]', tree).map((element) => String(element.properties['ariaDescribedBy']));
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(ids).toContain(reference);
  });
});
