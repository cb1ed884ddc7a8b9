import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import {remarkParseInPieces} from '../markdown/remark-parse-in-pieces.js';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import {rehypeBriefingTemplate} from '../html/template/rehype-briefing-template.js';
import {rehypeFigure} from '../html/rehype-figure.js';
import {rehypeFootnoteLabel} from '../html/rehype-footnote-label.js';
import {rehypeHeadingPlaces} from '../html/rehype-heading-places.js';
import {rehypeLinkTexts} from '../html/rehype-link-texts.js';
import {rehypeHeadingIds} from '../html/rehype-heading-ids.js';
import {rehypeHyphenate} from '../html/rehype-hyphenate.js';
import {rehypeLinkNotes} from '../html/rehype-link-notes.js';
import {rehypeUrlBreaks} from '../html/rehype-url-breaks.js';
import {rehypeInlineImages} from '../html/rehype-inline-images.js';
import {rehypeLintInternalLinks} from '../html/rehype-lint-internal-links.js';
import {rehypeSummaryData} from '../html/rehype-summary-data.js';
import {sanitizeSchema} from '../html/sanitize-schema.js';
import {createTemplateLoader, type Template} from '../html/template/load-template.js';
import {defaults, type Settings} from '../config/config.js';
import {remarkDocumentSettings} from '../markdown/remark-document-settings.js';
import {remarkCustomHeadingIds} from '../markdown/remark-custom-heading-ids.js';
import {remarkBriefingMatter} from '../markdown/remark-briefing-matter.js';
import {remarkYamlFrontMatter} from '../markdown/remark-yaml-front-matter.js';
import {remarkDepthLimit} from '../markdown/remark-depth-limit.js';
import {remarkPullquote} from '../markdown/remark-pullquote.js';
import {remarkRawHtml} from '../markdown/remark-raw-html.js';
import {remarkSafeUrls} from '../markdown/remark-safe-urls.js';
import {remarkTypography} from '../markdown/remark-typography.js';
import {remarkSummary} from '../markdown/remark-summary.js';
import {remarkUnknownDirectives} from '../markdown/remark-unknown-directives.js';
import {remarkAdmonitions} from '../markdown/remark-admonitions.js';
import {generator} from '../util/version.js';

export interface ProcessorOptions {
  /** The run's settings (`resolveSettings`); a manuscript's front matter may choose its document keys. */
  readonly settings?: Settings;
  /** Loads templates by name; defaults to a cached `loadTemplate`. */
  readonly templates?: (nameOrDir: string) => Promise<Template>;
  /** Folder that local images must stay inside; default: `settings.root`, else each manuscript's project root (see `projectRoot`). */
  readonly root?: string | undefined;
}

/**
 * The one place where the chain is assembled: Markdown in `src/markdown/`, HTML in
 * `src/html/`. The untrusted article is sanitised before it meets the trusted template.
 * Built once per renderer and frozen; every document of a batch goes through it.
 *
 * @param {ProcessorOptions} options
 *   Settings, template loader and project root.
 * @returns
 *   Frozen processor: Markdown in, complete HTML document out.
 */
export function createProcessor(options: ProcessorOptions = {}) {
  const {settings = defaults, templates = createTemplateLoader(), root = settings.root} = options;
  return unified()
    .use(remarkParseInPieces)
    .use(remarkYamlFrontMatter)
    .use(remarkDepthLimit)
    .use(remarkBriefingMatter, {strict: settings.strict === true})
    .use(remarkDocumentSettings, {settings})
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkCustomHeadingIds)
    .use(remarkSummary)
    .use(remarkPullquote)
    .use(remarkAdmonitions)
    .use(remarkUnknownDirectives)
    .use(remarkRawHtml)
    .use(remarkSafeUrls)
    .use(remarkTypography)
    // A text arrow: the default '↩' picks up the emoji font.
    .use(remarkRehype, {footnoteBackContent: '↑', footnoteLabel: 'Notes'})
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeFootnoteLabel)
    .use(rehypeInlineImages, {root, strict: settings.strict === true})
    .use(rehypeFigure)
    .use(rehypeHeadingIds, {templates})
    .use(rehypeLinkNotes)
    .use(rehypeHyphenate)
    .use(rehypeUrlBreaks)
    .use(rehypeBriefingTemplate, {templates, generator})
    // The summary box as text, for the e-mail cover.
    .use(rehypeSummaryData)
    // Where each heading of the page was written, for a check of the PDF (`build --check-pdf`).
    .use(rehypeHeadingPlaces)
    // Each link's words as written, for its annotation's description in the PDF.
    .use(rehypeLinkTexts)
    // A `#link` to no id is a warning here; `briefing check` makes it an error.
    .use(rehypeLintInternalLinks)
    .use(rehypeStringify)
    .freeze();
}

/** A processor made by `createProcessor`. */
export type BriefingProcessor = ReturnType<typeof createProcessor>;
