import type {Root} from 'hast';
import {visit} from 'unist-util-visit';
import {briefingLintRule} from '../markdown/lint/lint-rule.js';

/**
 * `link-internal` (warning for a build, whose PDF is still made; `briefing check` makes it
 * an error): `#fragment` links that lead nowhere in the finished page, checked against the
 * ids the page really has (heading ids come from their text), so a renamed heading breaks
 * its links here and not silently in the PDF. Runs on the complete document. A level
 * (`.use(rehypeLintInternalLinks, 'error')`) sets the severity.
 */
export const rehypeLintInternalLinks = briefingLintRule<Root>({id: 'link-internal', severity: 'warn'}, function (tree, file) {
  const ids = new Set<string>();
  const headings: string[] = [];
  visit(tree, 'element', (node) => {
    const id = node.properties['id'];
    if (typeof id !== 'string') return;
    ids.add(id);
    if (/^h[2-6]$/.test(node.tagName)) headings.push(`#${id}`);
  });
  visit(tree, 'element', (node) => {
    const href = node.properties['href'];
    // Footnote references are made by the pipeline, not written by the author.
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || !node.position) return;
    if (node.properties['dataFootnoteRef'] !== undefined || node.properties['dataFootnoteBackref'] !== undefined) return;
    let target = href.slice(1);
    try {
      target = decodeURIComponent(target);
    } catch {
      // Keep it as written.
    }
    if (target === '' || ids.has(target)) return;
    const expected = headings.length > 0 ? `expected a heading's id such as ${headings.slice(0, 4).map((id) => `\`${id}\``).join(', ')}` : 'expected the id of a heading, but the article has no headings';
    file.message(`Broken link \`${href}\`: nothing in the briefing has this id, ${expected}`, {place: node.position});
  });
});
