import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {reportWarning} from '../messages.js';

/**
 * Warn when a briefing has no summary box: neither a `:::summary` block at the top
 * level nor a `summary` list in the front matter. Reads `file.data.matter`, so it runs
 * after the processor; quiet when the front matter itself is broken (that is reported).
 *
 * @returns
 *   Transform.
 */
export const remarkLintSummary: Plugin<[], Root> = function () {
  return function (tree, file) {
    if (file.messages.some((message) => message.fatal && message.ruleId?.startsWith('front-matter'))) return;
    if (file.data.matter?.summary?.length) return;
    if (tree.children.some((node) => node.type === 'containerDirective' && node.name === 'summary')) return;
    const body = tree.children.find((node) => node.type !== 'yaml');
    reportWarning(
      file,
      'Missing summary, expected a `:::summary` box of key points (or a `summary` list in the front matter) for the first page',
      body?.position?.start ?? {line: 1, column: 1},
      'summary-missing'
    );
  };
};
