import type {Heading, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {leadingHeading} from '../document-title.js';
import {briefingLintRule} from './lint-rule.js';

/**
 * `heading-level` (warning): headings that skip a level (`##` then `####`) or use the
 * title's level: the masthead title is the page's only level-1 heading, so sections
 * start at `##`. The PDF's outline and tags follow the heading levels, so a skip shows
 * up there. A heading the document opens with that became its title is not a section.
 * One warning per document, at the first such heading, with the count of the others: an
 * editor fixes the outline once, not heading by heading.
 */
export const remarkLintHeadingLevel = briefingLintRule<Root>({id: 'heading-level', severity: 'warn'}, function (tree, file) {
  const leading = leadingHeading({...tree, children: tree.children.filter((node) => node.type !== 'yaml')});
  const title = file.data.matter?.title?.replace(/\s+/g, ' ').trim();
  const opening = leading && leading.text === title ? leading.node : undefined;
  const problems: Array<{node: Heading; reason: string}> = [];
  let previous = 1;
  visit(tree, 'heading', (node) => {
    if (node === opening) return;
    if (node.depth === 1) {
      problems.push({node, reason: 'Unexpected level-1 heading `#`, expected `##`: the title is the only level-1 heading of a briefing'});
    } else if (node.depth > previous + 1) {
      problems.push({node, reason: `Unexpected heading level ${node.depth} after level ${previous}, expected level ${previous + 1} (\`${'#'.repeat(previous + 1)}\`) at most`});
    }
    previous = node.depth;
  });
  const [first] = problems;
  if (!first) return;
  const others = problems.length > 1 ? ` (and ${problems.length - 1} more heading${problems.length > 2 ? 's' : ''} out of level)` : '';
  file.message(`${first.reason}${others}`, {place: first.node.position});
});
