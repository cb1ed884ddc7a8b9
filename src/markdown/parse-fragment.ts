import type {Root} from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';

/**
 * The Markdown of a piece of a manuscript that other tools read as Markdown (the body of
 * a MkDocs admonition, a raw HTML block with kramdown's `markdown="1"`), parsed as
 * CommonMark with GitHub's extensions: what those tools read there. Not with directive
 * syntax, whose unknown text directives (`dcat:hasVersion` reads as `:hasVersion`) the
 * document gives back from its own source, which a piece's places do not point into.
 */
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parse a piece of Markdown.
 *
 * @param markdown
 *   The piece's text.
 * @returns
 *   Its syntax tree (places within the piece).
 */
export function parseFragment(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}
