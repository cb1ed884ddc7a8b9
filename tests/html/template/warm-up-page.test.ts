import {toHtml} from 'hast-util-to-html';
import {select, selectAll} from 'hast-util-select';
import {describe, expect, it} from 'vitest';
import {resolveSettings} from '../../../src/config/config.js';
import {HtmlStage} from '../../../src/pipeline/html-stage.js';
import {loadTemplate} from '../../../src/html/template/load-template.js';
import {fontOrigin, printPolicy} from '../../../src/html/page-policy.js';
import {warmUpPage} from '../../../src/html/template/warm-up-page.js';

describe('warmUpPage', () => {
  it('uses every main face of the template once, fonts by URL, under the print policy', async () => {
    const template = await loadTemplate('briefing');
    const {tree, fonts} = await warmUpPage(template);
    expect(select('meta[http-equiv="Content-Security-Policy"]', tree)?.properties['content']).toBe(printPolicy);
    const main = new Set(template.faces.filter((face) => !face.fallback).map((face) => `font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight}`));
    const used = selectAll('body p', tree).map((p) => String(p.properties['style']));
    expect(new Set(used)).toEqual(main);
    expect(used).toHaveLength(main.size);
    const html = toHtml(tree);
    const fallbacks = template.faces.filter((face) => face.fallback).map((face) => face.family);
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const family of fallbacks) expect(html).not.toContain(family);
    expect(html).not.toContain('data:font');
    expect(fonts.size).toBeGreaterThanOrEqual(main.size);
    for (const url of fonts.keys()) expect(html).toContain(`url(${url})`);
    expect([...fonts.keys()].every((url) => url.startsWith(`${fontOrigin}/`))).toBe(true);
  });
});

describe('HtmlStage.warmUp', () => {
  it("is the run template's warm-up page with its font bytes, sent before the first manuscript is made", async () => {
    const stage = new HtmlStage({settings: resolveSettings({config: {template: 'memo', root: process.cwd()}}), print: true});
    stage.start();
    try {
      const page = await stage.warmUp;
      const template = await loadTemplate('memo');
      const expected = await warmUpPage(template);
      expect(page?.html).toBe(toHtml(expected.tree));
      for (const [url, file] of expected.fonts) {
        expect(Buffer.from(page?.fonts.get(url) ?? []).toString('base64')).toBe(await template.readFont(file));
      }
    } finally {
      await stage.close();
    }
  });

  it('is undefined when the template cannot be read, and the manuscript then says why', async () => {
    const stage = new HtmlStage({settings: resolveSettings({flags: {template: 'no-such-template', root: process.cwd()}}), print: true});
    stage.start();
    try {
      expect(await stage.warmUp).toBeUndefined();
    } finally {
      await stage.close();
    }
  });

  it('is undefined when no page will be printed', async () => {
    const stage = new HtmlStage({settings: resolveSettings({config: {root: process.cwd()}}), print: false});
    stage.start();
    try {
      expect(await stage.warmUp).toBeUndefined();
    } finally {
      await stage.close();
    }
  });
});
