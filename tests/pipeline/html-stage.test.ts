import {readFileSync} from 'node:fs';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveSettings} from '../../src/config/config.js';
import {HtmlStage} from '../../src/pipeline/html-stage.js';
import {fromPortable, portableFields, toPortable} from '../../src/pipeline/html-stage-protocol.js';
import {startHtmlThreadEarly, takeHtmlThread} from '../../src/pipeline/html-thread.js';

/** Fields of a message that do not cross the thread, or that follow from others. */
const leftBehind = ['ancestors', 'cause', 'stack', 'line', 'column', 'name', 'message', 'reason'];

describe('a message crossing the thread', () => {
  it('keeps every field but the tree nodes, the cause and the stack', () => {
    const paragraph = {type: 'paragraph', children: [], position: {start: {line: 3, column: 2, offset: 9}, end: {line: 3, column: 8, offset: 15}}};
    const root = {type: 'root', children: [paragraph]};
    const original = new VFile({path: 'a.md'}).message('Unexpected thing, expected another', {
      ancestors: [root, paragraph] as never,
      place: paragraph.position,
      ruleId: 'thing',
      source: 'briefing-lint:thing',
      cause: new Error('why')
    });
    Object.assign(original, {fatal: true, file: 'other.md', url: 'https://example.org/rule#thing', note: 'A note.', actual: 'x', expected: ['y', 'z']});

    // Cloned as postMessage clones it: ancestors (a tree with parents) could not be.
    const copy = fromPortable(new VFile({path: 'a.md'}), structuredClone(toPortable(original)));
    for (const field of [...portableFields, 'reason', 'line', 'column', 'name', 'message'] as const) expect(copy[field], field).toEqual(original[field]);
    expect(copy.ancestors).toBeUndefined();
    expect(copy.fatal).toBe(true);
  });

  it('lists every field vfile gives a message, so a new one is not dropped unnoticed', () => {
    const message = new VFile().message('x');
    expect(Object.keys(message).filter((key) => !leftBehind.includes(key)).sort()).toEqual([...portableFields].sort());
  });
});

describe('the HTML stage', () => {
  let stage: HtmlStage;

  beforeAll(() => {
    stage = new HtmlStage({settings: resolveSettings({config: {root: process.cwd()}, flags: {paper: 'letter'}}), print: true});
    stage.start();
  });

  afterAll(async () => {
    await stage.close();
  });

  const manuscript = ['---', 'title: Stage', 'edition: print', 'paper: a4', '---', '', ':::summary[Key points]', '- One “quoted” point.', '- Another.', ':::', '', 'Text.', ''].join('\n');

  it('returns the page and its print copy, and puts matter, settings and summary on the file', async () => {
    const file = new VFile({path: 'stage.md', value: manuscript});
    const result = await stage.render(file, 30_000);
    expect(result.html).toMatch(/^<!doctype html>/i);
    expect(result.print?.html).toMatch(/^<!doctype html>/i);
    expect(result.print?.html).not.toBe(result.html);
    expect(file.data.matter?.title).toBe('Stage');
    // The front matter chose the edition; the flag beat its paper.
    expect(file.data.settings).toMatchObject({edition: 'print', paper: 'letter', origins: {edition: 'matter', paper: 'flags', root: 'config'}});
    expect(Object.isFrozen(file.data.settings) && Object.isFrozen(file.data.settings?.origins)).toBe(true);
    expect(file.data.summary).toEqual({label: 'Key points', points: ['One “quoted” point.', 'Another.']});
  });

  it('puts the messages on the file with their rule, origin and URL', async () => {
    const file = new VFile({path: 'lint.md', value: `${manuscript}\n![](missing.png)\n`});
    expect(await stage.render(file, {timeout: 30_000, lint: true})).toEqual({html: undefined, print: undefined});
    const messages = file.messages.filter((message) => message.ruleId === 'image-alt');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({file: 'lint.md', line: 14, column: 1, source: 'briefing-lint', url: expect.stringMatching(/README\.md#image-alt$/)});
  });
});

describe('a thread started early (by the command, before its settings are known)', () => {
  const settings = (): ReturnType<typeof resolveSettings> => resolveSettings({config: {root: process.cwd()}});

  it('is taken by the next HTML stage, which sends it the setup and renders with it', async () => {
    const early = startHtmlThreadEarly();
    // Asked again before it is taken, it is the same thread.
    expect(startHtmlThreadEarly()).toBe(early);
    const stage = new HtmlStage({settings: settings(), print: false});
    try {
      stage.start();
      const file = new VFile({path: 'early.md', value: '---\ntitle: Early\n---\n\nText.\n'});
      expect((await stage.render(file, 30_000)).html).toContain('Early');
      // Taken once: the next one is a thread of its own.
      const next = takeHtmlThread({settings: settings(), print: false});
      expect(next).not.toBe(early);
      await next.terminate();
    } finally {
      await stage.close();
    }
  });

  it('is not taken once it has stopped', async () => {
    const early = startHtmlThreadEarly();
    await early.terminate();
    await new Promise((resolve) => setImmediate(resolve));
    const thread = takeHtmlThread({settings: settings(), print: false});
    expect(thread).not.toBe(early);
    await thread.terminate();
  });
});

describe('the bundles the tests run', () => {
  it('are those of the sources as they are (the global setup bundled them)', async () => {
    const {bundleHtmlStage, bundleCommand} = await import('../../scripts/bundles.mjs');
    for (const file of [...(await bundleHtmlStage()), ...(await bundleCommand())]) {
      expect(Buffer.from(readFileSync(file.path)).equals(Buffer.from(file.contents)), file.path).toBe(true);
    }
  });
});
