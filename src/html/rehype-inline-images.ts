import {readFile, realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import type {Element, Root} from 'hast';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {recordDependency} from '../manuscripts/dependencies.js';
import {reportError, reportWarning} from '../messages/messages.js';
import {classifyUrl} from '../markdown/remark-safe-urls.js';
import {isInside, projectRoot} from '../config/project-root.js';

export interface RehypeInlineImagesOptions {
  /**
   * Folder local images must stay inside, after following symlinks, and that `/x`
   * paths start from. Default: the manuscript's project root (see `projectRoot`).
   */
  readonly root?: string | undefined;
  /**
   * Whether a missing image file is an error (the desk's strict mode). Otherwise it is
   * a warning and the image's alt text and path are printed in its place, as for an
   * image briefing cannot show: a README whose screenshots were never shipped still builds.
   */
  readonly strict?: boolean;
  /** Largest image accepted, in bytes. */
  readonly maxBytes?: number;
  /**
   * Most image bytes one document may inline, every reference counted (each carries its
   * own copy of the data in the page).
   */
  readonly maxTotalBytes?: number;
}

const megabyte = 1024 * 1024;
const defaultMaxBytes = 10 * megabyte;
const defaultMaxTotalBytes = 25 * megabyte;
/** Distinct images read and encoded at once, ahead of the reference being placed. */
const readAhead = 4;

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

/** A problem with an image, reported at its first reference. */
interface Problem {
  readonly reason: string;
  readonly ruleId: string;
}

/** Where a reference leads: a file inside the root, or a problem. */
type Located = {readonly real: string} | {readonly problem: Problem; readonly key: string};

/** An image read, checked and encoded. */
type Loaded = {readonly data: string; readonly bytes: number} | {readonly problem: Problem};

/**
 * Read local images and inline them as `data:` URLs, so the browser that prints never
 * reads a file or makes a request. The pipeline, not the browser, decides what may be
 * read: paths resolve against the manuscript's folder (`/x` against the project root)
 * and must stay inside the root after symlinks are followed; the file must be an image
 * by its bytes, and not too large. Each distinct file is read, checked and encoded once
 * however often it is referenced, and the page's total of inlined image bytes is
 * bounded: the reference that crosses it is an error. Anything but a relative path is
 * dropped here (remarkSafeUrls has said why and left a trace).
 *
 * @param options
 *   Root folder and size limits.
 * @returns
 *   Transform.
 */
export const rehypeInlineImages: Plugin<[RehypeInlineImagesOptions?], Root> = function (options = {}) {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const maxTotalBytes = options.maxTotalBytes ?? defaultMaxTotalBytes;
  const realRoots = new Map<string, Promise<string>>();

  return async function (tree, file) {
    const root = projectRoot({manuscript: file.path, cwd: file.cwd, root: options.root});
    let realRoot = realRoots.get(root);
    if (!realRoot) realRoots.set(root, (realRoot = realpath(root).catch(() => root)));
    const context: Context = {file, root, realRoot: await realRoot, maxBytes};

    const images: Array<{node: Element; parent: Root | Element}> = [];
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'img') return undefined;
      if (parent) images.push({node, parent: parent as Root | Element});
      return SKIP;
    });

    // Paths first (cheap), then each distinct file is loaded once, in document order,
    // a few ahead of the reference being placed: memory stays bounded by the budget.
    const located = await Promise.all(images.map(({node}) => locate(stringSrc(node), context)));
    const firstSrc = new Map<string, string>();
    for (const [index, where] of located.entries()) {
      if (where && 'real' in where && !firstSrc.has(where.real)) firstSrc.set(where.real, stringSrc((images[index] as {node: Element}).node));
    }
    const order = [...firstSrc.keys()];
    const position = new Map(order.map((real, index) => [real, index]));
    const loads = new Map<string, Promise<Loaded>>();
    const startUpTo = (count: number): void => {
      for (const real of order.slice(loads.size, count)) loads.set(real, load(real, firstSrc.get(real) as string, context));
    };

    const keep = new Set<Element>();
    const traces = new Set<Element>();
    const reported = new Set<string>();
    let spent = 0;
    let overBudget = false;
    for (const [index, {node}] of images.entries()) {
      const where = located[index];
      if (!where) continue;
      const loaded = 'real' in where && !overBudget ? await loadInOrder(where.real) : undefined;
      const problem = 'problem' in where ? where.problem : loaded && 'problem' in loaded ? loaded.problem : undefined;
      const key = 'problem' in where ? where.key : where.real;
      if (problem) {
        // An image read from raw HTML is a best effort: its problem is a warning, and a trace stays.
        const start = node.position?.start;
        const fromRawHtml = start !== undefined && file.data.rawHtmlImages?.has(`${start.line}:${start.column}`) === true;
        // A file that is no image briefing can show (a diagram's source, a PDF) is left
        // out with a trace, like a remote image: the rest of the document still prints.
        const lenient = fromRawHtml || problem.ruleId === 'image-format' || (problem.ruleId === 'image-missing' && options.strict !== true);
        if (lenient) traces.add(node);
        const reason = fromRawHtml ? `${problem.reason}; the raw HTML image is left out` : lenient ? `${problem.reason}; its alt text and path are printed instead` : problem.reason;
        if (!reported.has(key)) (lenient ? reportWarning : reportError)(file, reason, node, problem.ruleId);
        reported.add(key);
        continue;
      }
      if (!loaded || !('data' in loaded)) continue;
      spent += loaded.bytes;
      if (spent > maxTotalBytes) {
        overBudget = true;
        reportError(
          file,
          `Images reach ${size(spent)} at \`${stringSrc(node)}\` (every reference carries its own copy), expected at most ${size(maxTotalBytes)} per document; use fewer or smaller images`,
          node,
          'image-total-size'
        );
        continue;
      }
      node.properties['src'] = loaded.data;
      keep.add(node);
    }
    // No work left running once the document is done.
    await Promise.all(loads.values());
    removeImages(tree, images, keep, traces);

    async function loadInOrder(real: string): Promise<Loaded> {
      startUpTo((position.get(real) ?? 0) + readAhead);
      return loads.get(real) as Promise<Loaded>;
    }
  };
};

/** What resolving and loading need to know about the document. */
interface Context {
  readonly file: VFile;
  /** The root as computed (for `/x` paths and messages). */
  readonly root: string;
  /** The root after symlinks (for the inside check). */
  readonly realRoot: string;
  readonly maxBytes: number;
}

function stringSrc(node: Element): string {
  return typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
}

/** A size as a reader compares it with a file's: `28.5 MB`, `2.4 KB`. */
function size(bytes: number): string {
  const [unit, amount] = bytes >= megabyte ? ['MB', bytes / megabyte] : ['KB', bytes / 1024];
  return `${amount.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

/**
 * Where an image reference leads, after symlinks; undefined for what is not a local
 * path (web and other URLs were refused, with a warning, by remarkSafeUrls).
 */
async function locate(src: string, {file, root, realRoot}: Context): Promise<Located | undefined> {
  if (!src || classifyUrl(src) !== 'relative') return undefined;
  let name: string;
  try {
    name = decodeURIComponent(src.replace(/[?#].*$/, ''));
  } catch {
    return {key: src, problem: {reason: `Invalid image path \`${src}\``, ruleId: 'image'}};
  }
  // `/x` is a site-root path (as Jekyll and Hugo write them): it starts at the project root.
  const fromRoot = name.startsWith('/');
  const base = fromRoot || !file.path ? root : path.dirname(path.resolve(file.cwd, file.path));
  const wanted = fromRoot ? path.join(root, name) : path.resolve(base, name);
  const shownRoot = showRoot(root, file.cwd);

  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    const at = isInside(wanted, root) ? path.relative(root, wanted) || '.' : wanted;
    const where = fromRoot ? `${at} in the project folder ${shownRoot} (\`/\` paths start there)` : showPath(wanted, file.cwd, at);
    return {key: wanted, problem: {reason: `Missing image \`${src}\`, expected a file at ${where}`, ruleId: 'image-missing'}};
  }
  if (!isInside(real, realRoot)) {
    return {
      key: real,
      problem: {
        reason: `Image \`${src}\` is outside the project folder ${shownRoot}, expected images inside it (choose the folder with \`--root\`)`,
        ruleId: 'image-outside'
      }
    };
  }
  return {real};
}

/** The root as a reader knows it: relative to the working directory inside it, else absolute. */
function showRoot(root: string, cwd: string): string {
  const resolved = path.resolve(cwd);
  if (root === resolved) return '`.` (the working directory)';
  return `\`${isInside(root, resolved) ? path.relative(resolved, root) : root}\``;
}

/** A missing file's path as the author can look for it. */
function showPath(wanted: string, cwd: string, fallback: string): string {
  return isInside(wanted, path.resolve(cwd)) ? path.relative(path.resolve(cwd), wanted) : fallback;
}

/** Read, check and encode one file (named as its first reference names it); never rejects. */
async function load(real: string, shown: string, {file, maxBytes}: Context): Promise<Loaded> {
  try {
    const info = await stat(real);
    if (!info.isFile()) return {problem: {reason: `Image \`${shown}\` is not a file`, ruleId: 'image'}};
    // Inside the project and a file: `--watch` watches it (and nothing a manuscript only names).
    recordDependency(file, real);
    if (info.size > maxBytes) {
      return {problem: {reason: `Image \`${shown}\` is ${size(info.size)}, expected at most ${size(maxBytes)}`, ruleId: 'image-size'}};
    }
    const bytes = await readFile(real);
    const format = signatures.find((signature) => signature.test(bytes));
    if (!format) return {problem: {reason: `Image \`${shown}\` is not a PNG, JPEG, GIF, WebP or SVG file`, ruleId: 'image-format'}};
    let fitted: Buffer;
    try {
      fitted = await fitToPrint(bytes, format.mime);
    } catch {
      return {
        problem: {reason: `Image \`${shown}\` is damaged: it starts like a ${format.mime.slice(6).toUpperCase()} file but cannot be read`, ruleId: 'image-format'}
      };
    }
    return {data: `data:${format.mime};base64,${fitted.toString('base64')}`, bytes: fitted.length};
  } catch (error) {
    return {problem: {reason: `Image \`${shown}\` cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, ruleId: 'image'}};
  }
}

/**
 * Take out the images that were not inlined, and paragraphs they leave empty; those in
 * `traces` are replaced by their alt text and path, as remarkSafeUrls' `imageTrace`.
 */
function removeImages(
  tree: Root,
  images: ReadonlyArray<{node: Element; parent: Root | Element}>,
  keep: ReadonlySet<Element>,
  traces: ReadonlySet<Element>
): void {
  const emptied = new Set<Element>();
  for (const {node, parent} of images) {
    if (keep.has(node)) continue;
    const at = parent.children.indexOf(node);
    if (traces.has(node)) {
      const parts = [node.properties['alt'], stringSrc(node)].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
      parent.children[at] = {type: 'element', tagName: 'span', properties: {className: ['image-trace']}, children: [{type: 'text', value: `[image: ${parts.join(' — ')}]`}]};
      continue;
    }
    parent.children.splice(at, 1);
    if (parent.type === 'element' && parent.tagName === 'p' && parent.children.every((child) => child.type === 'text' && !child.value.trim())) {
      parent.children = [];
      emptied.add(parent);
    }
  }
  if (emptied.size > 0) removeElements(tree, emptied);
}

function removeElements(parent: Root | Element, doomed: ReadonlySet<Element>): void {
  parent.children = parent.children.filter((child) => !(child.type === 'element' && doomed.has(child)));
  for (const child of parent.children) if (child.type === 'element') removeElements(child, doomed);
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
