import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fromHtml} from 'hast-util-from-html';
import {selectAll} from 'hast-util-select';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadTemplate, templatesDir} from '../../src/html/template/load-template.js';
import {createProcessor, type BriefingProcessor} from '../../src/pipeline/processor.js';

/** A copy of the default template whose masthead carries an id of its own. */
let dir: string;
let processor: BriefingProcessor;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-heading-ids-'));
  await cp(path.join(templatesDir, 'briefing'), dir, {recursive: true});
  const html = await readFile(path.join(dir, 'template.html'), 'utf8');
  await writeFile(path.join(dir, 'template.html'), html.replace('<header class="masthead">', '<header class="masthead" id="masthead">'));
  const template = await loadTemplate(dir);
  processor = createProcessor({templates: async () => template, root: dir});
});

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function ids(markdown: string): Promise<string[]> {
  const html = String(await processor.process(new VFile({path: 'm.md', value: markdown})));
  return selectAll('[id]', fromHtml(html)).map((element) => String(element.properties['id']));
}

describe('rehypeHeadingIds', () => {
  it('gives no heading an id the template, a footnote or another heading has', async () => {
    const headings = ['masthead', 'footnote-label', 'user-content-fn-1', 'user-content-fn-2', 'user-content-fnref-2', 'footnote-label-1', 'Masthead', 'masthead'];
    const body = headings.map((text) => `## ${text}\n\nText under ${text}.\n`).join('\n');
    const found = await ids(`---\ntitle: Taken ids\n---\n\nOne.[^1] Two.[^2]\n\n${body}\n[^1]: First.\n[^2]: Second.\n`);

    expect(found.filter((id, index) => found.indexOf(id) !== index), 'duplicate ids').toEqual([]);
    // The template's, the footnotes' and then the headings', in page order.
    expect(found).toEqual([
      'masthead',
      'user-content-fnref-1',
      'user-content-fnref-2',
      'masthead-1',
      'footnote-label-1',
      'user-content-fn-1-1',
      'user-content-fn-2-1',
      'user-content-fnref-2-1',
      // Taken by the heading before it: the slugger counts its own ids too.
      'footnote-label-1-1',
      'masthead-2',
      'masthead-3',
      'footnote-label',
      'user-content-fn-1',
      'user-content-fn-2'
    ]);
  });

  it('keeps the plain slug when nothing has it', async () => {
    expect(await ids('---\ntitle: Plain\n---\n\n## Harbour dues\n\nText.\n')).toEqual(['masthead', 'harbour-dues']);
  });
});
