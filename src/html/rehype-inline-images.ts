import {readFile, realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import type {Element, Root} from 'hast';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {reportError} from '../messages.js';
import {classifyUrl} from '../markdown/remark-safe-urls.js';

export interface RehypeInlineImagesOptions {
  /** Folder local images must stay inside, after following symlinks. */
  readonly root: string;
  /** Largest image accepted, in bytes. */
  readonly maxBytes?: number;
}

const defaultMaxBytes = 10 * 1024 * 1024;

/** Image formats Chromium shows, told apart by their first bytes, never by the name. */
const signatures: ReadonlyArray<{mime: string; test: (head: Buffer) => boolean}> = [
  {mime: 'image/png', test: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))},
  {mime: 'image/jpeg', test: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff},
  {mime: 'image/gif', test: (head) => /^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1'))},
  {mime: 'image/webp', test: (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP'},
  {
    mime: 'image/svg+xml',
    test: (head) => /^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head.subarray(0, 1024).toString('utf8'))
  }
];

/**
 * Read local images and inline them as `data:` URLs, so the browser that prints never
 * reads a file or makes a request. The pipeline, not the browser, decides what may be
 * read: paths resolve against the manuscript's folder and must stay inside `root` after
 * symlinks are followed; the file must be an image by its bytes, and not too large.
 * Anything but a relative path is dropped here (remarkSafeUrls has said why).
 *
 * @param options
 *   Root folder and size limit.
 * @returns
 *   Transform.
 */
export const rehypeInlineImages: Plugin<[RehypeInlineImagesOptions], Root> = function (options) {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const rootPromise = realpath(path.resolve(options.root));

  return async function (tree, file) {
    const root = await rootPromise;
    const images: Array<{node: Element; parent: Root | Element}> = [];
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'img') return undefined;
      if (parent) images.push({node, parent: parent as Root | Element});
      return SKIP;
    });

    const drop = new Set<Element>();
    const emptied = new Set<Element>();
    await Promise.all(
      images.map(async ({node}) => {
        const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
        const data = src ? await inline(src, node, file, root, maxBytes) : undefined;
        if (data) node.properties['src'] = data;
        else drop.add(node);
      })
    );
    for (const {node, parent} of images) {
      if (!drop.has(node)) continue;
      parent.children.splice(parent.children.indexOf(node), 1);
      // A paragraph that held only the image would be left empty.
      if (parent.type === 'element' && parent.tagName === 'p' && parent.children.every((child) => child.type === 'text' && !child.value.trim())) {
        parent.children = [];
        emptied.add(parent);
      }
    }
    if (emptied.size > 0) removeElements(tree, emptied);
  };
};

function removeElements(parent: Root | Element, doomed: ReadonlySet<Element>): void {
  parent.children = parent.children.filter((child) => !(child.type === 'element' && doomed.has(child)));
  for (const child of parent.children) if (child.type === 'element') removeElements(child, doomed);
}

async function inline(src: string, node: Element, file: VFile, root: string, maxBytes: number): Promise<string | undefined> {
  // Web and other URLs were refused, with a warning, by remarkSafeUrls; none is fetched.
  if (classifyUrl(src) !== 'relative') return undefined;

  let name: string;
  try {
    name = decodeURIComponent(src.replace(/[?#].*$/, ''));
  } catch {
    reportError(file, `Invalid image path \`${src}\``, node, 'image');
    return undefined;
  }
  const base = file.path ? path.dirname(path.resolve(file.cwd, file.path)) : root;
  const wanted = path.resolve(base, name);
  const shown = path.relative(root, wanted) || name;

  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    reportError(file, `Missing image \`${src}\`, expected a file at ${shown}`, node, 'image-missing');
    return undefined;
  }
  const inside = path.relative(root, real);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    reportError(file, `Image \`${src}\` is outside the project folder, expected images inside it`, node, 'image-outside');
    return undefined;
  }
  const info = await stat(real);
  if (!info.isFile()) {
    reportError(file, `Image \`${src}\` is not a file`, node, 'image');
    return undefined;
  }
  if (info.size > maxBytes) {
    reportError(file, `Image \`${src}\` is ${(info.size / 1048576).toFixed(1)} MB, expected at most ${(maxBytes / 1048576).toFixed(0)} MB`, node, 'image-size');
    return undefined;
  }
  const bytes = await readFile(real);
  const format = signatures.find((signature) => signature.test(bytes));
  if (!format) {
    reportError(file, `Image \`${src}\` is not a PNG, JPEG, GIF, WebP or SVG file`, node, 'image-format');
    return undefined;
  }
  let fitted: Buffer;
  try {
    fitted = await fitToPrint(bytes, format.mime);
  } catch {
    reportError(file, `Image \`${src}\` is damaged: it starts like a ${format.mime.slice(6).toUpperCase()} file but cannot be read`, node, 'image-format');
    return undefined;
  }
  return `data:${format.mime};base64,${fitted.toString('base64')}`;
}

/**
 * The largest image, in pixels, worth sending: a full column (about 160 mm wide, at most
 * 120 mm high) at 200 dpi. Larger bitmaps only make the PDF and the e-mail heavier.
 */
const printPixels = {width: 1260, height: 950};

/**
 * Scale a PNG, JPEG or WebP down to the resolution it prints at; smaller ones, SVG and
 * GIF (which may be animated) are returned as they are.
 *
 * @param {Buffer} bytes
 *   Image file.
 * @param {string} mime
 *   Its type, from its first bytes.
 * @returns {Promise<Buffer>}
 *   The image to inline.
 */
export async function fitToPrint(bytes: Buffer, mime: string): Promise<Buffer> {
  if (!['image/png', 'image/jpeg', 'image/webp'].includes(mime)) return bytes;
  const {default: sharp} = await import('sharp');
  const image = sharp(bytes, {failOn: 'error', limitInputPixels: 100_000_000});
  const {width = 0, height = 0} = await image.metadata();
  if (width <= printPixels.width && height <= printPixels.height) return bytes;
  return image
    .rotate()
    .resize({...printPixels, fit: 'inside', withoutEnlargement: true})
    .toFormat(mime === 'image/png' ? 'png' : mime === 'image/jpeg' ? 'jpeg' : 'webp', {quality: 85})
    .toBuffer();
}
