import type {Root} from 'mdast';
import {unified} from 'unified';
import type {VFile} from 'vfile';
import type {Settings, SettingsLayer} from '../config.js';
import {createTemplateLoader} from '../html/load-template.js';
import {checkInput} from '../markdown/check-input.js';
import {reportError} from '../messages.js';
import {createProcessor} from '../processor.js';
import {rehypeLintInternalLinks} from './rehype-lint-internal-links.js';
import {remarkLintDirectiveClosed} from './remark-lint-directive-closed.js';
import {remarkLintHeadingLevel} from './remark-lint-heading-level.js';
import {remarkLintImageAlt} from './remark-lint-image-alt.js';
import {remarkLintPullquoteLength} from './remark-lint-pullquote-length.js';
import {remarkLintSummary} from './remark-lint-summary.js';

/** Checks on the Markdown as written, after the processor has read the front matter. */
const markdownLint = unified()
  .use(remarkLintSummary)
  .use(remarkLintDirectiveClosed)
  .use(remarkLintHeadingLevel)
  .use(remarkLintImageAlt)
  .use(remarkLintPullquoteLength)
  .freeze();

/** Checks on the finished page. */
const htmlLint = unified().use(rehypeLintInternalLinks).freeze();

/**
 * Make a checker: the build's own processor, run without printing, then the lint
 * plugins of `src/check/` on the manuscript as written and on the finished page. Every
 * problem becomes a positioned message on the file.
 *
 * @param {Settings} settings
 *   Defaults and project configuration.
 * @param {SettingsLayer} override
 *   Flags.
 * @returns {Promise<(file: VFile) => Promise<void>>}
 *   Checks one manuscript.
 */
export async function createChecker(settings: Settings, override: SettingsLayer): Promise<(file: VFile) => Promise<void>> {
  const templates = createTemplateLoader();
  const processor = createProcessor({settings, override, templates, root: override.root ?? settings.root});
  return async function (file) {
    if (!checkInput(file)) return;
    try {
      const tree = processor.parse(file);
      // The processor changes its tree; the lint plugins read the manuscript as written.
      const written = structuredClone(tree) as Root;
      const page = await processor.run(tree, file);
      await markdownLint.run(written, file);
      await htmlLint.run(page, file);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      reportError(file, 'Manuscript too deeply nested to process, expected a flatter structure', {line: 1, column: 1}, 'input-nesting');
    }
  };
}
