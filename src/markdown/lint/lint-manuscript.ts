import type {Root as HastRoot} from 'hast';
import type {Root} from 'mdast';
import {unified} from 'unified';
import type {VFile} from 'vfile';
import {remarkLintDirectiveClosed} from './remark-lint-directive-closed.js';
import {remarkLintHeadingLevel} from './remark-lint-heading-level.js';
import {remarkLintImageAlt} from './remark-lint-image-alt.js';
import {remarkLintPullquoteLength} from './remark-lint-pullquote-length.js';
import {remarkLintSummary} from './remark-lint-summary.js';

/**
 * Checks on the Markdown as written, after the processor has read the front matter: one
 * processor for templates that require a summary and one for the others.
 */
const markdownLint = [false, true].map((required) =>
  unified()
    .use(remarkLintSummary, {required})
    .use(remarkLintDirectiveClosed)
    .use(remarkLintHeadingLevel)
    .use(remarkLintImageAlt)
    .use(remarkLintPullquoteLength)
    .freeze()
);

/**
 * Run the rules of `briefing check` (unified-lint-rule rules, see `lint-rule.ts`) on a
 * manuscript, on the Markdown as written (the processor has checked the finished page's
 * #links). Every problem becomes a positioned message on the file, with the rule's id,
 * source and README url. The HTML stage calls this in its thread, under the same time
 * budget as a build.
 *
 * @param {Root} written
 *   The manuscript's tree as parsed, before the processor's transforms.
 * @param {HastRoot} page
 *   The finished page.
 * @param {VFile} file
 *   The manuscript.
 * @param {boolean} summaryRequired
 *   Whether the document's template requires a summary box.
 * @returns {Promise<void>}
 *   Resolves when every rule has run.
 */
export async function lintManuscript(written: Root, _page: HastRoot, file: VFile, summaryRequired: boolean): Promise<void> {
  await markdownLint[summaryRequired ? 1 : 0]!.run(written, file);
  // The processor has checked the page's #links, as warnings for a build; a check, made
  // to find what breaks the output, calls a link that leads nowhere an error.
  for (const message of file.messages) if (message.ruleId === 'link-internal') message.fatal = true;
  // Strict mode keeps a desk's house rules: an image without alt text is an error there.
  if (file.data.settings?.strict) for (const message of file.messages) if (message.ruleId === 'image-alt') message.fatal = true;
}
