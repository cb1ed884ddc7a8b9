import type {Root} from 'mdast';
import {briefingLintRule} from './lint-rule.js';

export interface RemarkLintSummaryOptions {
  /** Whether the document's template needs a summary box (its `template.json` says `"summary": "required"`). */
  readonly required: boolean;
}

/**
 * `summary-missing` (warning): a briefing without a summary box, for a template that
 * requires one: neither a `:::summary` block at the top level nor a `summary` list in the
 * front matter. Reads `file.data.matter` and `file.data.settings`, so it runs after the
 * processor; quiet when the front matter itself is broken (that is reported). Reported at
 * the start of the body.
 */
export const remarkLintSummary = briefingLintRule<Root, RemarkLintSummaryOptions>({id: 'summary-missing', severity: 'warn'}, function (tree, file, options) {
  if (!options?.required) return;
  if (file.messages.some((message) => message.fatal && message.ruleId?.startsWith('front-matter'))) return;
  if (file.data.matter?.summary?.length) return;
  if (tree.children.some((node) => node.type === 'containerDirective' && node.name === 'summary')) return;
  const template = file.data.settings?.template ?? 'the template';
  const body = tree.children.find((node) => node.type !== 'yaml');
  file.message(
    `Missing summary, expected a \`:::summary\` box of key points (or a \`summary\` list in the front matter): the template \`${template}\` requires one`,
    {place: body?.position?.start ?? {line: 1, column: 1}}
  );
});
