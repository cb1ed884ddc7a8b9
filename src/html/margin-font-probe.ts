import type {Element} from 'hast';
import {h} from 'hastscript';
import type {FontFace} from './fonts.js';
import {marginProbeClass} from './page-css.js';

/**
 * An unseen element that sets the strings of the page's margin boxes once in each
 * family, weight and style the template bundles, so that Chromium fetches every face a
 * margin box may use before it prints (why: see `pageCss`). Its text comes from the
 * stylesheet (`pageCss`), so it follows a template's own page label too; it is hidden
 * from readers and assistive technology and leaves nothing in the PDF's text.
 *
 * @param {readonly FontFace[]} faces
 *   The template's faces.
 * @returns {Element}
 *   The probe, for the end of `<body>`.
 */
export function marginFontProbe(faces: readonly FontFace[]): Element {
  const styles = new Set(faces.map((face) => `font-family:'${face.family}';font-weight:${face.weight};font-style:${face.style}`));
  return h(`div.${marginProbeClass}`, {ariaHidden: 'true'}, [...styles].map((style) => h('span', {style})));
}
