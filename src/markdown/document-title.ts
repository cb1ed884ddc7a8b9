import type {Heading, Paragraph, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import type {VFile} from 'vfile';
import {withoutControls} from '../manuscripts/matter-text.js';

/** A heading that opens the document, and where it is among the root's children. */
export interface LeadingHeading {
  readonly index: number;
  readonly node: Heading;
  readonly text: string;
}

/**
 * `{#id}`, `{.class}` and MDX's `{/*id*\/}` after a heading's text: attributes for
 * other tools (Hugo, kramdown, pandoc, Docusaurus), not words of the title.
 */
const trailingAttributes = /\s*\{[#./][^{}]*\}\s*$/;

/**
 * The heading a document opens with: the first block, or the first after raw HTML
 * (anchors such as `<a name="top"></a>`), link definitions and empty headings. Deeper in the document a heading
 * names a section, not the document.
 *
 * @param {Root} tree
 *   The document, front matter removed.
 * @returns {LeadingHeading | undefined}
 *   The heading and its plain text.
 */
export function leadingHeading(tree: Root): LeadingHeading | undefined {
  for (const [index, node] of tree.children.entries()) {
    if (node.type === 'html' || node.type === 'definition' || (node.type === 'paragraph' && onlyHtml(node))) continue;
    if (node.type !== 'heading') return undefined;
    const text = headingText(node);
    if (text) return {index, node, text};
  }
  return undefined;
}

/** A paragraph of inline raw HTML and nothing else, such as `<a name="top"></a>`. */
function onlyHtml(node: Paragraph): boolean {
  return node.children.every((child) => child.type === 'html' || (child.type === 'text' && child.value.trim() === ''));
}

function headingText(node: Heading): string {
  const text = toString(node, {includeHtml: false}).replace(/\s+/g, ' ').trim();
  return withoutControls(text.replace(trailingAttributes, '')).text.trim();
}

/** File names that say where a page sits (`index.md` of a Hugo bundle), not what it is. */
const placeholderNames = new Set(['index', '_index', 'readme']);

/**
 * A title made from the file name: `2022-03-08-trade-outlook.md` → "Trade outlook",
 * `02_findings.md` → "Findings", `budget/index.md` → "Budget". Date and ordering
 * prefixes go (they sort files, they do not name them); `-` and `_` become spaces.
 *
 * @param {VFile} file
 *   The manuscript.
 * @returns {string}
 *   The title, or "Untitled" when the file has no usable name.
 */
export function titleFromFileName(file: VFile): string {
  const stem = file.stem ?? '';
  const folder = file.dirname ? file.dirname.split(/[\\/]/).filter(Boolean).at(-1) : undefined;
  const name = placeholderNames.has(stem.toLowerCase()) && folder && folder !== '.' ? folder : stem;
  const words = withoutControls(name).text
    .replace(/^\d{4}-\d{2}-\d{2}[-_ ]+/, '')
    .replace(/^\d{1,3}[-_. ]+(?=\S)/, '')
    .replace(/[-_\s]+/g, ' ')
    .trim();
  if (!words || /^<.*>$/.test(words)) return 'Untitled';
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}
