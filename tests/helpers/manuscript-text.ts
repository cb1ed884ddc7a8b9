import type {Nodes, Root} from 'mdast';
import {fromHtml} from 'hast-util-from-html';
import {toText} from 'hast-util-to-text';
import {toString} from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {SKIP, visit} from 'unist-util-visit';

/** A piece of the source that must be readable in the PDF. */
export interface ExpectedBlock {
  /** What it is: `paragraph`, `heading`, `tableCell`, `code`, `html` or `image`. */
  readonly kind: string;
  readonly line: number;
  /**
   * Its text in the pieces that must appear in order, close together: a block is cut
   * where the renderer may put something of its own between two runs of the author's
   * text (a footnote mark, a link note `[3]`), so that those marks are neither required
   * nor able to hide a loss.
   */
  readonly pieces: readonly string[];
}

/**
 * The expected text is read from the Markdown, never from briefing's own HTML (that
 * would check briefing against itself). The source is read as CommonMark with GFM (the
 * common ground of the tools the documents were written for) and YAML/TOML front matter,
 * pandoc's `...` closer included. Decisions:
 * - front matter is metadata, not running text; nothing of it is required;
 * - code blocks and inline code are text, every character of them;
 * - raw HTML: a block's text content (as a browser would show it; tags, comments, scripts
 *   and styles are not text) must survive; inline tags are markup around text that is
 *   already the paragraph's; a block whose element has kramdown's `markdown="1"` (Jekyll's
 *   default Markdown reader honours it) holds Markdown, whose blocks are required as any;
 * - images: a local image prints as a picture, so its alt text is not required; a remote
 *   image is not fetched, so its alt text is the only trace left and is required;
 * - the fences of Docusaurus' containers (`:::note`), GitHub's alert marks (`> [!TIP]`)
 *   and MkDocs' admonition marks (`!!! note "Title"`) are markup (a container's `[label]`
 *   and an admonition's title are text; its body, indented by four spaces, is Markdown);
 * - heading attributes `{#id}` and MDX `{/*id*\/}` (which CommonMark reads as `{/` and an
 *   emphasised `id`) at a heading's end are markup of the publishing tools (pandoc,
 *   kramdown, Hugo, MDX), not words.
 */
const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml', {type: 'yaml', fence: {open: '---', close: '...'}}]);

/** Kinds of node whose text is checked as one block. */
const blockKinds = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html']);

/**
 * Every block of running text in a Markdown document, with the text it must show.
 *
 * @param markdown
 *   The manuscript, as it is.
 * @returns
 *   The blocks, in source order; blocks without text are left out.
 */
export function expectedBlocks(markdown: string): ExpectedBlock[] {
  const tree = parser.parse(stripContainerFences(stripPandocTitleBlock(markdown))) as Root;
  stripAlertMarks(tree);
  return blocksOf(tree);
}

/**
 * The fences of Docusaurus' and VuePress' containers (`:::note`, `:::tip[A title]`,
 * `:::`) are markup, as remark-directive reads them; a label's words are text.
 *
 * @param markdown
 *   The manuscript.
 * @returns
 *   The manuscript with the fences blanked (line numbers are kept).
 */
function stripContainerFences(markdown: string): string {
  let fenced = false;
  // Inside a MkDocs admonition, whose body is indented by four spaces.
  let admonition = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (admonition && line.trim() !== '' && !/^(?: {4}|\t)/.test(line)) admonition = false;
      if (admonition) line = line.replace(/^(?: {4}|\t)/, '');
      // Not inside code: a fence of backticks or tildes turns it on and off.
      if (/^\s{0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      const mkdocs = /^(?:!!!|\?\?\?\+?)[ \t]+[A-Za-z][\w-]*(?:[ \t]+"([^"]*)")?[ \t]*$/.exec(line);
      if (mkdocs) {
        admonition = true;
        // Its title is text, set as a paragraph of its own.
        return mkdocs[1] ? `${mkdocs[1]}\n` : '';
      }
      return line.replace(/^(\s{0,3}):::+\s*(?:[A-Za-z][\w-]*(?:\[([^\]]*)\])?(?:\{[^}]*\})?)?\s*$/, (_, indent: string, label?: string) => indent + (label ?? ''));
    })
    .join('\n');
}

/**
 * GitHub's alert marks (`> [!NOTE]` alone on a block quote's first line) are markup.
 *
 * @param tree
 *   The manuscript's tree, changed in place.
 */
function stripAlertMarks(tree: Root): void {
  visit(tree, 'blockquote', (quote) => {
    const first = quote.children[0];
    const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
    if (lead?.type === 'text') lead.value = lead.value.replace(/^\[!(?:note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i, '');
  });
}

/**
 * The blocks of a tree (see `expectedBlocks`).
 *
 * @param tree
 *   A document, or the Markdown of a raw HTML block that asks for it.
 * @param at
 *   The line to give every block (the raw HTML block's), else each its own.
 * @returns
 *   The blocks, in source order.
 */
function blocksOf(tree: Root, at?: number): ExpectedBlock[] {
  const blocks: ExpectedBlock[] = [];
  visit(tree, (node) => {
    if (!blockKinds.has(node.type)) return;
    if (node.type === 'html') {
      const markdown = markdownOf(node.value);
      if (markdown !== undefined) {
        blocks.push(...blocksOf(parser.parse(markdown) as Root, at ?? node.position?.start.line ?? 0));
        return SKIP;
      }
    }
    const pieces = node.type === 'html' ? [htmlText(node.value)] : node.type === 'code' ? [node.value] : piecesOf(node);
    if (node.type === 'heading') pieces[pieces.length - 1] = (pieces.at(-1) ?? '').replace(/\s*\{(?:#[^}]*|\/\*?[^}]*?\*?\/)\}\s*$/, '');
    const kept = pieces.filter((piece) => piece.trim() !== '');
    if (kept.length > 0) blocks.push({kind: node.type, line: at ?? node.position?.start.line ?? 0, pieces: kept});
    visit(node, 'image', (image) => {
      if (/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(image.url) && image.alt) blocks.push({kind: 'image', line: at ?? image.position?.start.line ?? 0, pieces: [image.alt]});
    });
    // A paragraph's or cell's inline content is in its pieces; nothing below is a block.
    return SKIP;
  });
  return blocks;
}

/**
 * A block's text, cut after every link and at every footnote reference.
 *
 * @param node
 *   A paragraph, heading or table cell.
 * @returns
 *   The pieces, in order.
 */
function piecesOf(node: Nodes): string[] {
  const pieces = [''];
  const walk = (child: Nodes): void => {
    if (child.type === 'footnoteReference') {
      pieces.push('');
      return;
    }
    if (child.type === 'image') return;
    if (child.type === 'html') return;
    if ('children' in child) {
      for (const grandchild of child.children) walk(grandchild as Nodes);
      if (child.type === 'link' || child.type === 'linkReference') pieces.push('');
      return;
    }
    pieces[pieces.length - 1] += toString(child, {includeHtml: false, includeImageAlt: false});
  };
  for (const child of 'children' in node ? node.children : []) walk(child as Nodes);
  return pieces;
}

/**
 * The Markdown of a raw HTML block whose first element has kramdown's `markdown="1"` (or
 * `"block"`): its text content as written, freed of the markup's indentation.
 *
 * @param html
 *   Raw HTML from the manuscript.
 * @returns
 *   The Markdown, or undefined when the block does not ask for it.
 */
function markdownOf(html: string): string | undefined {
  const fragment = fromHtml(html, {fragment: true});
  let asked = false;
  visit(fragment, 'element', (element) => {
    asked = ['1', 'block'].includes(String(element.properties['markdown'] ?? '').toLowerCase());
    return false;
  });
  if (!asked) return undefined;
  const lines = toText(fragment, {whitespace: 'pre'}).split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/**
 * The text a browser would show for a fragment of HTML.
 *
 * @param html
 *   Raw HTML from the manuscript.
 * @returns
 *   Its text content.
 */
function htmlText(html: string): string {
  return toText(fromHtml(html, {fragment: true}));
}

/**
 * pandoc's title block (`% Title`, `% Author`, `% Date` as the first lines) is front
 * matter too.
 *
 * @param markdown
 *   The manuscript.
 * @returns
 *   The manuscript with the title block's lines blanked (line numbers are kept).
 */
function stripPandocTitleBlock(markdown: string): string {
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length && /^%(?:\s|$)/.test(lines[index] ?? ''); index++) lines[index] = '';
  return lines.join('\n');
}
