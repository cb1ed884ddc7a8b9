import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {describe, expect, it} from 'vitest';
import {resolveSettings} from '../../src/config.js';
import {HtmlStage} from '../../src/html-stage.js';
import {loadTemplate} from '../../src/html/load-template.js';
import {contentSecurityPolicy} from '../../src/html/rehype-briefing-template.js';
import {warmUpPage} from '../../src/html/warm-up-page.js';

describe('warmUpPage', () => {
  it('uses every main face of the template once, fonts inlined, under the page policy', async () => {
    const template = await loadTemplate('briefing');
    const html = await warmUpPage(template);
    const tree = fromHtml(html);
    expect(select('meta[http-equiv="Content-Security-Policy"]', tree)?.properties['content']).toBe(contentSecurityPolicy);
    const main = new Set(template.faces.filter((face) => !face.fallback).map((face) => `font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight}`));
    const used = selectAll('body p', tree).map((p) => String(p.properties['style']));
    expect(new Set(used)).toEqual(main);
    expect(used).toHaveLength(main.size);
    const fallbacks = template.faces.filter((face) => face.fallback).map((face) => face.family);
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const family of fallbacks) expect(html).not.toContain(family);
    expect(html.match(/url\(data:font\/woff2;base64,/g)?.length).toBeGreaterThanOrEqual(main.size);
  });
});

describe('HtmlStage.warmUp', () => {
  it("is the run template's warm-up page, sent before the first manuscript is made", async () => {
    const stage = new HtmlStage({settings: resolveSettings({template: 'memo'}), override: {}, root: process.cwd()});
    stage.start();
    try {
      const html = await stage.warmUp;
      expect(html).toBe(await warmUpPage(await loadTemplate('memo')));
    } finally {
      await stage.close();
    }
  });

  it('is undefined when the template cannot be read, and the manuscript then says why', async () => {
    const stage = new HtmlStage({settings: resolveSettings({}), override: {template: 'no-such-template'}, root: process.cwd()});
    stage.start();
    try {
      expect(await stage.warmUp).toBeUndefined();
    } finally {
      await stage.close();
    }
  });
});
