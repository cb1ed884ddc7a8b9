import {h} from 'hastscript';
import type {Root} from 'hast';
import type {Template} from './load-template.js';
import {printPolicy} from '../page-policy.js';
import type {PrintPageTree} from '../print-page.js';

/** Text for each face: Latin, the subset a briefing's running text uses. */
const sample = 'Aa';

/**
 * A page that uses each main face of a template once: a print tab loads it while the
 * first manuscript is still being turned into HTML, so that the fonts are fetched and
 * parsed by the time that page arrives (they are most of the work of a first page).
 * Like the print copy of any briefing page, it fetches its fonts by URL.
 *
 * @param {Template} template
 *   A loaded template.
 * @returns {Promise<PrintPageTree>}
 *   The page, for the print tab.
 */
export async function warmUpPage(template: Template): Promise<PrintPageTree> {
  const faces = new Map<string, {family: string; style: string; weight: number}>();
  for (const face of template.faces) {
    if (!face.fallback) faces.set(`${face.family}|${face.style}|${face.weight}`, face);
  }
  const fonts = await template.fonts(sample);
  const page = h('html', [
    h('head', [h('meta', {charSet: 'utf-8'}), h('meta', {httpEquiv: 'Content-Security-Policy', content: printPolicy}), h('style', fonts.requested)]),
    h(
      'body',
      [...faces.values()].map((face) => h('p', {style: `font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight}`}, sample))
    )
  ]);
  const tree: Root = {type: 'root', children: [{type: 'doctype'}, page]};
  return {tree, fonts: fonts.requests};
}
