import {defaultSchema, type Schema} from 'hast-util-sanitize';

/**
 * GitHub's schema (what `defaultSchema` is), extended on purpose with exactly what the
 * briefing blocks produce. Everything else an untrusted manuscript could smuggle in (raw
 * HTML, `javascript:`/`file:`/`data:` URLs, styles, event handlers) stays out.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    aside: [['className', 'summary', 'pullquote', 'callout', 'callout-note', 'callout-tip', 'callout-info', 'callout-important', 'callout-warning', 'callout-caution', 'callout-danger'], ['ariaHidden', 'true']],
    // A callout's title (`remark-admonitions.ts`).
    p: [['className', 'callout-title']],
    figure: [['className', 'pullquote', 'pullquote-standalone']],
    // What stands in for an image that is not loaded (see `imageTrace`).
    span: [['className', 'image-trace']],
    // Replaces GitHub's h2 rule (footnote label only) rather than adding a second className rule.
    h2: [['className', 'sr-only', 'summary-label']]
  },
  // remark-rehype already prefixes footnote ids with `user-content-`; prefixing again
  // broke every footnote link. Raw HTML never reaches the tree, and heading ids are
  // added after sanitising, so nothing from the manuscript can clobber the template.
  clobberPrefix: '',
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto']
  }
};
