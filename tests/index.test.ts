import {readdir} from 'node:fs/promises';
import path from 'node:path';
import {PDFDocument} from 'pdf-lib';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build, check, createRenderer, InputError, loadConfig, resolveSettings, type Renderer} from '../src/index.js';
import {descendants, manuscript, temporaryFolder, whenGone} from './cli/helpers.js';

let cwd: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({dir: cwd, remove} = await temporaryFolder('api'));
});

afterAll(async () => {
  await remove();
});

describe('the library', () => {
  it('createRenderer owns one browser, renders VFiles, and `await using` closes it', async () => {
    let renderer: Renderer | undefined;
    {
      await using owned = await createRenderer({}, {concurrency: 2});
      renderer = owned;
      const files = ['One', 'Two', 'Three'].map((title) => new VFile({path: `${title}.md`, cwd, value: manuscript(title)}));
      const rendered = await Promise.all(files.map((file) => owned.render(file)));
      for (const [index, result] of rendered.entries()) {
        expect(result.ok).toBe(true);
        expect(result.html).toMatch(/^<!doctype html>/i);
        expect((await PDFDocument.load(result.pdf as Uint8Array)).getTitle()).toBe(['One', 'Two', 'Three'][index]);
      }
      expect(descendants(process.pid).length).toBeGreaterThan(0);
    }
    // Out of scope: the browser is gone, and the renderer refuses more work.
    expect(await whenGone(descendants(process.pid).map((child) => child.pid))).toEqual([]);
    await expect(renderer.render(new VFile({path: 'late.md', value: manuscript('Late')}))).rejects.toThrow(/closed/);
  });

  it('renders HTML alone without starting a browser, and reports problems as messages', async () => {
    const renderer = await createRenderer({formats: ['html']});
    try {
      const bad = await renderer.render(new VFile({path: 'bad.md', value: '---\ntitle: Bad\nsubtitel: red\n---\n'}), {pdf: false});
      expect(bad.ok).toBe(false);
      expect(bad.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['3:1 front-matter-schema']);
      expect(descendants(process.pid)).toEqual([]);
    } finally {
      await renderer.close();
    }
  });

  it('build takes in-memory manuscripts and can keep outputs in memory', async () => {
    const config = await loadConfig({cwd});
    const report = await build([new VFile({path: 'memo.md', cwd, value: manuscript('Memo')})], {cwd, config: config.settings, formats: ['html'], write: false});
    expect(report.ok).toBe(true);
    expect(report.documents[0]?.html).toContain('Memo');
    expect(report.documents[0]?.outputs).toEqual([]);
    expect(await readdir(cwd)).toEqual([]);
    await expect(build(['missing.md'], {cwd})).rejects.toBeInstanceOf(InputError);
  });

  it('takes settings merged once, or their layers, never both; the front matter comes on top of the configuration, below the flags', async () => {
    const settings = resolveSettings({config: {paper: 'a4'}, flags: {formats: ['html']}});
    const letter = (title: string) => new VFile({path: `${title}.md`, cwd, value: manuscript(title, ['paper: letter'])});
    const report = await build([letter('Layered')], {cwd, settings, write: false});
    expect(report.documents[0]?.html).toContain('paper-letter');
    expect(report.documents[0]?.file.data.settings).toMatchObject({paper: 'letter', origins: {paper: 'matter', formats: 'flags'}});
    const flagged = await build([letter('Flagged')], {cwd, config: {paper: 'letter'}, paper: 'a4', formats: ['html'], write: false});
    expect(flagged.documents[0]?.file.data.settings).toMatchObject({paper: 'a4', origins: {paper: 'flags'}});
    await expect(build([letter('Both')], {cwd, settings, paper: 'a4', write: false})).rejects.toThrow(TypeError);

    const renderer = await createRenderer(settings);
    try {
      expect(renderer.settings).toBe(settings);
    } finally {
      await renderer.close();
    }
    await expect(createRenderer(settings, {paper: 'letter'})).rejects.toThrow(TypeError);
  });

  it('check reports without printing', async () => {
    const report = await check([new VFile({path: 'links.md', cwd, value: `${manuscript('Links')}\n[Nowhere](#nowhere)\n`})], {cwd});
    expect(report.ok).toBe(false);
    expect(report.documents[0]?.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['12:1 link-internal']);
    expect(path.basename(report.documents[0]?.input ?? '')).toBe('links.md');
  });
});
