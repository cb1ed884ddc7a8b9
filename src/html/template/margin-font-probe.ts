import type {Element} from 'hast';
import {h} from 'hastscript';
import type {FontFace} from './fonts.js';
import {marginProbeClass} from './page-css.js';

/** The family, weight and style of each distinct face, in the template's order. */
function distinctFaces(faces: readonly FontFace[]): Array<{family: string; weight: number; style: string}> {
  const seen = new Map<string, {family: string; weight: number; style: string}>();
  for (const face of faces) seen.set(`${face.family}|${face.weight}|${face.style}`, face);
  return [...seen.values()];
}

/**
 * An unseen element that sets the strings of the page's margin boxes once in each
 * family, weight and style the template bundles, so that Chromium fetches every face a
 * margin box may use before it prints (why: see `pageCss`). Its text comes from the
 * stylesheet (`pageCss`), so it follows a template's own page label too, and each span's
 * face from `marginFontProbeCss`: the element carries classes only, no style of its own.
 * It is hidden from readers and assistive technology and leaves nothing in the PDF's text.
 *
 * @param {readonly FontFace[]} faces
 *   The template's faces.
 * @returns {Element}
 *   The probe, for the end of `<body>`.
 */
export function marginFontProbe(faces: readonly FontFace[]): Element {
  return h(
    `div.${marginProbeClass}`,
    {ariaHidden: 'true'},
    distinctFaces(faces).map((_, index) => h(`span.${marginProbeClass}-${index}`))
  );
}

/**
 * The face of each span of `marginFontProbe`.
 *
 * @param {readonly FontFace[]} faces
 *   The template's faces.
 * @returns {string}
 *   CSS.
 */
export function marginFontProbeCss(faces: readonly FontFace[]): string {
  return distinctFaces(faces)
    .map((face, index) => `.${marginProbeClass}>.${marginProbeClass}-${index}{font-family:'${face.family}';font-weight:${face.weight};font-style:${face.style}}`)
    .join('\n');
}
