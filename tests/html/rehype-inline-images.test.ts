import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Element, Root} from 'hast';
import {h} from 'hastscript';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {rehypeInlineImages, type RehypeInlineImagesOptions} from '../../src/html/rehype-inline-images.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  return {...original, readFile: vi.fn(original.readFile)};
});

let base: string;
const svg = (label: string, padding = 0): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><!--${'p'.repeat(padding)}--><text>${label}</text></svg>`;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'inline-images-'));
  // A project marked by package.json, with its manuscript two folders down and its
  // images in a sibling folder and at the site root; and a folder outside it.
  await mkdir(path.join(base, 'project', 'docs', 'notes'), {recursive: true});
  await mkdir(path.join(base, 'project', 'assets'), {recursive: true});
  await writeFile(path.join(base, 'project', 'package.json'), '{}');
  await writeFile(path.join(base, 'project', 'assets', 'map.svg'), svg('map'));
  await writeFile(path.join(base, 'project', 'docs', 'notes', 'beside.svg'), svg('beside'));
  await writeFile(path.join(base, 'project', 'docs', 'notes', 'kilobyte.svg'), svg('kb', 1000));
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside', 'other.svg'), svg('other'));
  await mkdir(path.join(base, 'cwd'));
});

afterAll(async () => {
  await rm(base, {recursive: true, force: true});
});

/** Run the plugin on paragraphs of images, for a manuscript at project/docs/notes/note.md. */
async function inline(sources: readonly string[], options: RehypeInlineImagesOptions = {}, cwd = path.join(base, 'cwd')) {
  const tree: Root = {type: 'root', children: sources.map((src) => h('p', [h('img', {src, alt: src})]))};
  const file = new VFile({path: path.join(base, 'project', 'docs', 'notes', 'note.md'), cwd});
  await unified().use(rehypeInlineImages, options).run(tree, file);
  const images: Element[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName === 'img') images.push(node);
  });
  return {images, file, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)};
}

describe('rehypeInlineImages: where images may come from', () => {
  it('reads images beside the manuscript and elsewhere in its project when run from another folder', async () => {
    const {images, messages} = await inline(['beside.svg', '../../assets/map.svg']);
    expect(messages).toEqual([]);
    expect(images.map((image) => String(image.properties['src']).slice(0, 26))).toEqual(['data:image/svg+xml;base64,', 'data:image/svg+xml;base64,']);
  });

  it('reads a site-root path (/x) from the project root, not from the filesystem root', async () => {
    const {images, messages} = await inline(['/assets/map.svg']);
    expect(messages).toEqual([]);
    expect(Buffer.from(String(images[0]?.properties['src']).split(',')[1] ?? '', 'base64').toString()).toContain('<text>map</text>');
  });

  it('says where a missing site-root image was looked for', async () => {
    const {messages} = await inline(['/etc/passwd']);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/image-missing Missing image `\/etc\/passwd`, expected a file at etc\/passwd in the project folder `.*project` \(`\/` paths start there\); its alt text and path are printed instead$/);
  });

  it('prints a missing image’s alt text and path with a warning, and stops the build only in strict mode', async () => {
    const lenient = await inline(['gone.png']);
    expect(lenient.file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['image-missing', false]]);
    expect(lenient.images).toEqual([]);
    const strict = await inline(['gone.png'], {strict: true});
    expect(strict.file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['image-missing', true]]);
    expect(strict.messages[0]).not.toContain('printed instead');
  });

  it('refuses an image outside the project, naming the project folder and --root', async () => {
    const {images, messages} = await inline(['../../../outside/other.svg']);
    expect(images).toEqual([]);
    expect(messages).toEqual([
      expect.stringContaining(
        `image-outside Image \`../../../outside/other.svg\` is outside the project folder \`${path.join(base, 'project')}\`, expected images inside it (choose the folder with \`--root\`)`
      )
    ]);
  });

  it('takes a chosen root instead: the same image is then inside', async () => {
    const {images, messages} = await inline(['../../../outside/other.svg'], {root: base});
    expect(messages).toEqual([]);
    expect(images).toHaveLength(1);
  });

  it('names the working directory as such when it is the root', async () => {
    const {messages} = await inline(['../../../outside/other.svg'], {}, path.join(base, 'project'));
    expect(messages[0]).toContain('outside the project folder `.` (the working directory)');
  });
});

describe('rehypeInlineImages: bounded amplification', () => {
  it('reads, checks and encodes an image once however often, and however it is named', async () => {
    const readFile = vi.mocked(fs.readFile);
    readFile.mockClear();
    const {images, messages} = await inline(['beside.svg', './beside.svg', 'beside.svg', '../notes/beside.svg', 'beside.svg?x=1']);
    expect(messages).toEqual([]);
    expect(images).toHaveLength(5);
    expect(new Set(images.map((image) => image.properties['src'])).size).toBe(1);
    expect(readFile.mock.calls.filter(([name]) => String(name).endsWith('beside.svg'))).toHaveLength(1);
  });

  it('reports a missing image once, at its first reference', async () => {
    const {messages} = await inline(['gone.svg', 'beside.svg', 'gone.svg']);
    expect(messages.map((message) => message.split(' ')[1])).toEqual(['image-missing']);
  });

  it('counts every reference against the document’s total and stops at the one that crosses it', async () => {
    const tree: Root = {
      type: 'root',
      children: [1, 2, 3, 4].map((line) => ({...h('p', [h('img', {src: 'kilobyte.svg', alt: ''})]), position: {start: {line, column: 1}, end: {line, column: 20}}}))
    };
    for (const paragraph of tree.children as Element[]) (paragraph.children[0] as Element).position = paragraph.position;
    const file = new VFile({path: path.join(base, 'project', 'docs', 'notes', 'note.md'), cwd: base});
    // Each copy is about 1.1 KB: two fit in 2.5 KB, the third crosses.
    await unified().use(rehypeInlineImages, {maxTotalBytes: 2500}).run(tree, file);
    expect(file.messages.map((message) => [message.line, message.ruleId, message.fatal])).toEqual([[3, 'image-total-size', true]]);
    expect(file.messages[0]?.reason).toMatch(/^Images reach 3\.\d KB at `kilobyte.svg` \(every reference carries its own copy\), expected at most 2\.4 KB per document/);
    const kept: Element[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') kept.push(node);
    });
    expect(kept).toHaveLength(2);
  });

  it('refuses a 9.5 MB SVG named four times with the default total of 25 MB, at the third reference', async () => {
    await writeFile(path.join(base, 'project', 'docs', 'notes', 'large.svg'), svg('large', 9.5 * 1024 * 1024));
    const unbounded = await inline(['large.svg', 'large.svg', 'large.svg', 'large.svg'], {maxTotalBytes: Number.POSITIVE_INFINITY});
    // What the page would carry without the bound: four copies, over 50 MB of base64.
    expect(unbounded.images.reduce((sum, image) => sum + String(image.properties['src']).length, 0)).toBeGreaterThan(50 * 1024 * 1024);

    const tree: Root = {type: 'root', children: [1, 2, 3, 4].map((line) => h('p', [{...h('img', {src: 'large.svg', alt: ''}), position: {start: {line, column: 1}, end: {line, column: 15}}}]))};
    const file = new VFile({path: path.join(base, 'project', 'docs', 'notes', 'note.md'), cwd: base});
    await unified().use(rehypeInlineImages).run(tree, file);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['3:1 image-total-size']);
    expect(file.messages[0]?.reason).toContain('Images reach 28.5 MB at `large.svg`');
    expect(file.messages[0]?.reason).toContain('expected at most 25 MB per document');
  });
});
