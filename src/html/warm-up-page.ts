import {h} from 'hastscript';
import {toHtml} from 'hast-util-to-html';
import {contentSecurityPolicy} from './rehype-briefing-template.js';
import type {Template} from './load-template.js';

/** Text for each face: Latin, the subset a briefing's running text uses. */
const sample = 'Aa';

/**
 * A page that uses each main face of a template once: a print tab loads it while the
 * first manuscript is still being turned into HTML, so that the fonts are fetched and
 * parsed by the time that page arrives (they are most of the work of a first page).
 * Its fonts are inlined as in any briefing page, under the same content policy.
 *
 * @param {Template} template
 *   A loaded template.
 * @returns {Promise<string>}
 *   The page.
 */
export async function warmUpPage(template: Template): Promise<string> {
  const faces = new Map<string, {family: string; style: string; weight: number}>();
  for (const face of template.faces) {
    if (!face.fallback) faces.set(`${face.family}|${face.style}|${face.weight}`, face);
  }
  const page = h('html', [
    h('head', [
      h('meta', {charSet: 'utf-8'}),
      h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy}),
      h('style', await template.fontCss(sample))
    ]),
    h(
      'body',
      [...faces.values()].map((face) => h('p', {style: `font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight}`}, sample))
    )
  ]);
  return toHtml({type: 'root', children: [{type: 'doctype'}, page]});
}
