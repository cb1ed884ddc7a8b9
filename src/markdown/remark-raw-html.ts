import type {Element, Root as HastRoot} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {toText} from 'hast-util-to-text';
import type {Html, Nodes, Parent, PhrasingContent, Root, RootContent} from 'mdast';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {reportWarning} from '../messages/messages.js';
import {parseFragment} from './parse-fragment.js';

declare module 'vfile' {
  interface DataMap {
    /**
     * Places (`line:column`) of the images read from raw HTML `<img>`: a best effort, so
     * a problem with one of them is a warning and leaves a trace, not an error.
     */
    rawHtmlImages: Set<string>;
  }
}

/** How much of the markup to quote in the message. */
const excerptLength = 40;

/** Parents whose children are blocks; an `html` node anywhere else is inline. */
const blockParents = new Set<string>(['root', 'blockquote', 'listItem', 'containerDirective', 'footnoteDefinition']);

/** Stands for an image inside the extracted text (a noncharacter: never in the text we keep). */
const imageMark = '\uFDD0';

/**
 * A tag of an element a browser shows as a block of its own (`<li>`, `</p>`, `<div>`…)
 * written inline, as GitHub tables hold lists: `<ul><li>a</li><li>b</li></ul>`.
 */
const blockTag = /^<\/?\s*(?:address|article|aside|blockquote|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b[^<>]*>$/i;

/** Line breaks that stand for block tags, until the boundaries of their parent are settled. */
const boundaries = new WeakSet<RootContent>();

/** What became of a piece of raw HTML, for the warning. */
type Kept = 'nothing' | 'tag' | 'boundary' | 'text' | 'image' | 'text and images' | 'break' | 'markdown';

/**
 * Raw HTML is never rendered (a manuscript may come from anyone, and the output is
 * mailed and printed), but its content is not lost either: a block keeps its text as
 * plain paragraphs (what a browser would show of it, so no script or style), `<br>`
 * becomes a line break and `<img src>` an image, which then passes the same URL checks
 * and the same inliner as a Markdown image. Tags and attributes are dropped. A block
 * whose element asks for it with kramdown's `markdown="1"` (Jekyll sites write pull quotes
 * and notes so) keeps its text as Markdown instead, so its links, emphasis and lists are
 * those of the page. Each kind of markup is one
 * warning per document, at its first place, saying what was kept.
 *
 * @returns
 *   Transform.
 */
export const remarkRawHtml: Plugin<[], Root> = function () {
  return function (tree, file) {
    const seen = new Map<string, {node: Html; kept: Kept; count: number}>();
    const bounded = new Set<Parent>();
    keepContent(tree, file, seen, bounded);
    for (const parent of bounded) settleBoundaries(parent);
    for (const {node, kept, count} of seen.values()) warn(file, node, kept, count);
  };
};

/** Every `html` node of a tree replaced by what it keeps (see `remarkRawHtml`), noted in `seen`. */
function keepContent(tree: Root, file: VFile, seen: Map<string, {node: Html; kept: Kept; count: number}>, bounded: Set<Parent>): void {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const block = blockParents.has(parent.type);
      let tag: string | undefined;
      let content: {nodes: RootContent[]; kept: Kept};
      try {
        const fragment = fromHtml(node.value, {fragment: true});
        // `<body>`, `<html>`, `<frameset>` vanish in a fragment: named from the markup itself.
        tag = firstTag(fragment) ?? /^<([a-z][a-z\d:-]*)/i.exec(node.value.trim())?.[1]?.toLowerCase();
        const markdown = block ? markdownContent(fragment, node) : undefined;
        if (markdown) keepContent(markdown, file, seen, bounded);
        content = markdown ? {nodes: markdown.children, kept: 'markdown'} : block ? blockContent(fragment, node) : inlineContent(fragment, node);
      } catch (error) {
        // Markup nested deeper than the stack: dropped whole, still with its warning.
        if (!(error instanceof RangeError)) throw error;
        tag ??= 'html';
        content = {nodes: [], kept: 'nothing'};
      }
      const {nodes, kept} = content;
      if (kept === 'image' || kept === 'text and images') {
        const start = node.position?.start;
        if (start) (file.data.rawHtmlImages ??= new Set()).add(`${start.line}:${start.column}`);
      }
      (parent.children as RootContent[]).splice(index, 1, ...nodes);
      if (nodes.some((added) => boundaries.has(added))) bounded.add(parent);

      // A comment, or a closing tag whose opening tag was reported, is dropped quietly.
      if (tag !== undefined) {
        const key = `${block ? 'block' : 'inline'} ${tag} ${kept}`;
        const entry = seen.get(key);
        if (entry) entry.count++;
        else seen.set(key, {node, kept, count: 1});
      }
      return [SKIP, index + nodes.length];
    });
}

/**
 * A block whose first element has kramdown's `markdown="1"` (or `"block"`) as Markdown:
 * its text as a browser shows it, lines freed of the markup's indentation, parsed as
 * kramdown would (CommonMark and GFM, `parse-fragment.ts`); its images where they stood, an image alone on a line a paragraph of
 * its own. Every node is placed at the block.
 *
 * @returns
 *   The parsed content, or undefined when the block does not ask for Markdown or holds none.
 */
function markdownContent(fragment: HastRoot, node: Html): Root | undefined {
  let asked = false;
  visit(fragment, 'element', (element) => {
    asked = ['1', 'block'].includes(String(element.properties['markdown'] ?? '').toLowerCase());
    return false;
  });
  if (!asked) return undefined;
  // Its line breaks are the Markdown's own (a list item a line), so white space is kept as written.
  const {text, images} = textWithImages(fragment, 'pre');
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0));
  const source = lines
    .map((line) => line.slice(Number.isFinite(indent) ? indent : 0))
    .map((line) => (line.includes(imageMark) && line.replaceAll(imageMark, '').trim() === '' ? `\n${line.trim()}\n` : line))
    .join('\n');
  // Parsed only: the document's transforms after this one (URLs, typography) see it in the tree.
  const tree = parseFragment(source);
  const queue = [...images];
  visit(tree, (child: Nodes, index, parent) => {
    child.position = node.position;
    if (child.type !== 'text' || !child.value.includes(imageMark) || !parent || index === undefined) return undefined;
    const parts = child.value.split(imageMark);
    const replaced: PhrasingContent[] = [];
    for (const [part, value] of parts.entries()) {
      if (part > 0) {
        const found = queue.shift();
        if (found) replaced.push({type: 'image', url: found.src, alt: found.alt, title: found.title, position: node.position});
      }
      if (value !== '') replaced.push({type: 'text', value, position: node.position});
    }
    (parent.children as PhrasingContent[]).splice(index, 1, ...replaced);
    return [SKIP, index + replaced.length];
  });
  // A tag alone (`<div markdown="1">`, its content written as Markdown below it) has nothing to read.
  return tree.children.length > 0 ? tree : undefined;
}

/**
 * The inline tags of blocks stand for line breaks: keep one between two pieces of
 * content, none at the start or end of their parent and none beside another break, so
 * that `<ul><li>a</li><li>b</li></ul>` in a table cell reads as two lines, not as `ab`.
 */
function settleBoundaries(parent: Parent): void {
  const children: RootContent[] = [];
  let pending: RootContent | undefined;
  for (const child of parent.children as RootContent[]) {
    if (boundaries.has(child)) {
      if (children.length > 0 && children.at(-1)?.type !== 'break') pending ??= child;
      continue;
    }
    // Space between two block tags is not content.
    if (pending && child.type === 'text' && child.value.trim() === '') continue;
    if (pending && child.type !== 'break') children.push(pending);
    pending = undefined;
    children.push(child);
  }
  parent.children = children as Parent['children'];
}

/** The name of the first element, or undefined for only comments, text and closing tags. */
function firstTag(fragment: HastRoot): string | undefined {
  let tag: string | undefined;
  visit(fragment, 'element', (element) => {
    tag = element.tagName;
    return false;
  });
  return tag;
}

/**
 * A block's content as paragraphs: its text as a browser shows it, and its images. An
 * image on a line of its own is a paragraph of its own, so it prints as a figure; a
 * `<figure>`'s caption becomes that figure's caption.
 */
function blockContent(fragment: HastRoot, node: Html): {nodes: RootContent[]; kept: Kept} {
  const captioned = captionFigures(fragment);
  const {text, images} = textWithImages(fragment);
  const paragraphs: string[] = [];
  for (const paragraph of text.split(/\n[ \t]*\n\s*/)) {
    let lines: string[] = [];
    for (const line of paragraph.split('\n')) {
      if (line.includes(imageMark) && line.replaceAll(imageMark, '').trim() === '') {
        paragraphs.push(lines.join('\n'), ...line.trim().split(''));
        lines = [];
      } else lines.push(line);
    }
    paragraphs.push(lines.join('\n'));
  }
  const queue = [...images];
  const nodes: RootContent[] = paragraphs
    .map((paragraph) => phrasing(paragraph.trim(), queue, node))
    .filter((children) => children.length > 0)
    .map((children) => ({type: 'paragraph', children, position: node.position}));
  const kept = describe(text, images.length);
  return {nodes, kept: kept === 'image' && captioned > 0 ? 'text and images' : kept};
}

/** A `<figure>` of one image and a caption: the caption becomes the image's title. */
function captionFigures(fragment: HastRoot): number {
  let captioned = 0;
  visit(fragment, 'element', (figure) => {
    if (figure.tagName !== 'figure') return;
    const images: Element[] = [];
    let caption: Element | undefined;
    visit(figure, 'element', (element) => {
      if (element.tagName === 'img') images.push(element);
      if (element.tagName === 'figcaption') caption ??= element;
    });
    const [image] = images;
    if (images.length !== 1 || !image || !caption) return;
    image.properties['title'] = toText(caption).trim().replace(/\s+/g, ' ');
    caption.children = [];
    captioned++;
  });
  return captioned;
}

/** Inline markup (one tag, mostly): `<br>` is a line break, `<img>` an image, text stays text. */
function inlineContent(fragment: HastRoot, node: Html): {nodes: PhrasingContent[]; kept: Kept} {
  if (blockTag.test(node.value.trim())) {
    const mark: PhrasingContent = {type: 'break', position: node.position};
    boundaries.add(mark);
    return {nodes: [mark], kept: 'boundary'};
  }
  const elements = fragment.children.filter((child): child is Element => child.type === 'element');
  if (elements.length > 0 && elements.every((element) => element.tagName === 'br') && toText(fragment).trim() === '') {
    return {nodes: elements.map(() => ({type: 'break', position: node.position})), kept: 'break'};
  }
  const {text, images} = textWithImages(fragment);
  const kept = describe(text, images.length);
  return {nodes: phrasing(text.replace(/\s+/g, ' '), [...images], node), kept: kept === 'nothing' ? 'tag' : kept};
}

function describe(text: string, images: number): Kept {
  const hasText = text.replaceAll(imageMark, '').trim() !== '';
  if (hasText) return images > 0 ? 'text and images' : 'text';
  return images > 0 ? 'image' : 'nothing';
}

/**
 * The text a browser would show of the fragment, with each `<img>` that has a `src`
 * replaced by a mark, and those images in order.
 */
function textWithImages(fragment: HastRoot, whitespace: 'normal' | 'pre' = 'normal'): {text: string; images: RawImage[]} {
  const images: RawImage[] = [];
  visit(fragment, (child, index, parent) => {
    if (child.type === 'text') {
      child.value = child.value.replaceAll(imageMark, '');
      return undefined;
    }
    if (child.type !== 'element' || child.tagName !== 'img' || !parent || index === undefined) return undefined;
    const src = typeof child.properties['src'] === 'string' ? child.properties['src'].trim() : '';
    if (!src) return undefined;
    const text = (name: string): string => (typeof child.properties[name] === 'string' ? (child.properties[name] as string) : '');
    images.push({src, alt: text('alt'), title: text('title') || null});
    parent.children[index] = {type: 'text', value: imageMark};
    return undefined;
  });
  return {text: toText(fragment, {whitespace}), images};
}

/** An `<img>` with a source, as a Markdown image needs it. */
interface RawImage {
  readonly src: string;
  readonly alt: string;
  readonly title: string | null;
}

/**
 * Text with line breaks and image marks as Markdown phrasing: text, breaks and images.
 * Images are taken from the front of `images`, one per mark.
 */
function phrasing(text: string, images: RawImage[], node: Html): PhrasingContent[] {
  const children: PhrasingContent[] = [];
  const lines = text.replaceAll('\t', ' ').split('\n');
  for (const [number, line] of lines.entries()) {
    if (number > 0 && children.length > 0) children.push({type: 'break', position: node.position});
    for (const [part, piece] of line.split(imageMark).entries()) {
      if (part > 0) {
        const found = images.shift();
        if (found) children.push({type: 'image', url: found.src, alt: found.alt, title: found.title, position: node.position});
      }
      // Nothing before it on the line (a dropped image, a line start): no leading space.
      const value = children.length === 0 || children.at(-1)?.type === 'break' ? piece.trimStart() : piece;
      if (value.trim()) children.push({type: 'text', value, position: node.position});
    }
  }
  while (children.at(-1)?.type === 'break') children.pop();
  return children;
}

function warn(file: VFile, node: Html, kept: Kept, count: number): void {
  const excerpt = node.value.trim().replace(/\s+/g, ' ');
  const shown = excerpt.length > excerptLength ? `${excerpt.slice(0, excerptLength)}…` : excerpt;
  const times = count > 1 ? ` (and ${count - 1} more like it)` : '';
  const outcome = {
    nothing: 'is not rendered, expected Markdown or a directive',
    tag: 'is dropped (the text beside it stays), expected Markdown or a directive',
    boundary: 'is dropped, and the text on each side of it is kept on lines of their own, expected Markdown or a directive',
    text: 'is not rendered: its text is kept as plain text, expected Markdown or a directive',
    image: 'is not rendered: its image is read as a Markdown image, expected `![alt](path)`',
    'text and images': 'is not rendered: its text is kept as plain text and its images read as Markdown images, expected Markdown or a directive',
    break: 'is read as a line break, expected a backslash at the end of the line',
    markdown: 'is not rendered: its text is read as Markdown, as its `markdown` attribute asks (its tags are dropped)'
  }[kept];
  reportWarning(file, `Raw HTML \`${shown}\`${times} ${outcome}`, node, 'raw-html');
}
