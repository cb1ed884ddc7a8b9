import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {reportWarning} from '../../messages/messages.js';

export interface RemarkLintSummaryOptions {
  /** Whether the document's template needs a summary box (its `template.json` says `"summary": "required"`). */
  readonly required: boolean;
}

/**
 * Warn when a briefing has no summary box, for a template that requires one: neither
 * a `:::summary` block at the top level nor a `summary` list in the front matter. Reads
 * `file.data.matter` and `file.data.settings`, so it runs after the processor; quiet
 * when the front matter itself is broken (that is reported).
 *
 * @param options
 *   Whether the template requires a summary.
 * @returns
 *   Transform.
 */
export const remarkLintSummary: Plugin<[RemarkLintSummaryOptions], Root> = function (options) {
  return function (tree, file) {
    if (file.messages.some((message) => message.fatal && message.ruleId?.startsWith('front-matter'))) return;
    if (file.data.matter?.summary?.length) return;
    if (tree.children.some((node) => node.type === 'containerDirective' && node.name === 'summary')) return;
    if (!options.required) return;
    const template = file.data.settings?.template ?? 'the template';
    const body = tree.children.find((node) => node.type !== 'yaml');
    reportWarning(
      file,
      `Missing summary, expected a \`:::summary\` box of key points (or a \`summary\` list in the front matter): the template \`${template}\` requires one`,
      body?.position?.start ?? {line: 1, column: 1},
      'summary-missing'
    );
  };
};
