import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {check} from '../../src/index.js';
import {ruleUrl} from '../../src/markdown/lint/lint-rule.js';

/** A manuscript that is long enough to take the HTML stage well over a millisecond. */
const long = `---\ntitle: A long check\n---\n\n${Array.from({length: 1500}, (_, index) => `Paragraph ${index} has *some* words.`).join('\n\n')}\n`;

describe('check', () => {
  it('runs in the HTML stage under the time budget: a manuscript over it is an error, not a wait', async () => {
    const file = new VFile({path: 'long.md', value: long});
    const report = await check([file], {timeout: 1});
    expect(report.ok).toBe(false);
    const messages = report.documents[0]?.file.messages ?? [];
    expect(messages.map((message) => message.ruleId)).toContain('timeout');
    expect(messages.find((message) => message.ruleId === 'timeout')?.reason).toMatch(/^Could not check: timed out after 0\.0 s/);
  });

  it('gives the same manuscript its lint messages within the default budget', async () => {
    const file = new VFile({path: 'long.md', value: `${long}\n[a broken link](#nowhere)\n`});
    const report = await check([file]);
    const messages = report.documents[0]?.file.messages ?? [];
    expect(messages.map((message) => message.ruleId)).not.toContain('timeout');
    expect(messages.some((message) => /nowhere/.test(message.reason))).toBe(true);
  });

  it('makes an image without alt text an error in strict mode, a warning otherwise', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefing-check-alt-'));
    await sharp({create: {width: 4, height: 4, channels: 3, background: '#cc0000'}}).png().toFile(path.join(dir, 'dot.png'));
    await writeFile(path.join(dir, 'images.md'), '---\ntitle: Images\n---\n\nA dot: ![](dot.png) and a described one: ![A red dot](dot.png).\n');
    for (const strict of [false, true]) {
      const report = await check(['images.md'], {cwd: dir, strict});
      const alt = (report.documents[0]?.file.messages ?? []).filter((message) => message.ruleId === 'image-alt');
      expect(alt.map((message) => ({fatal: message.fatal, at: `${message.line}:${message.column}`}))).toEqual([{fatal: strict, at: '5:8'}]);
      expect(report.ok).toBe(!strict);
    }
    await rm(dir, {recursive: true, force: true});
  });

  it('brings each rule\'s message back from the thread whole: ruleId, source, url, severity and place', async () => {
    const file = new VFile({path: 'rules.md', value: '---\ntitle: Rules\n---\n\n# Too high\n\n![](dot.png) and [a link](#nowhere)\n\n:::summary\n- Never closed.\n'});
    const report = await check([file]);
    const rules = (report.documents[0]?.file.messages ?? [])
      .filter((message) => message.source === 'briefing-lint')
      .map((message) => ({ruleId: message.ruleId, fatal: message.fatal, url: message.url, at: `${message.line}:${message.column}`}));
    expect(rules).toEqual(
      expect.arrayContaining([
        {ruleId: 'heading-level', fatal: false, url: ruleUrl('heading-level'), at: '5:1'},
        {ruleId: 'image-alt', fatal: false, url: ruleUrl('image-alt'), at: '7:1'},
        {ruleId: 'link-internal', fatal: true, url: ruleUrl('link-internal'), at: '7:18'},
        {ruleId: 'directive-unclosed', fatal: true, url: ruleUrl('directive-unclosed'), at: '9:1'}
      ])
    );
    expect(rules).toHaveLength(4);
  });
});
