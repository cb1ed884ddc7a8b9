/**
 * What a page object (its text, as `rewriteChromePdf` reads objects) draws with: its
 * content streams and its fonts by resource name.
 */
export interface PageResources {
  /** Object numbers of its content streams, in order. */
  readonly contents: readonly number[];
  /** Font object numbers by resource name (`F5`). */
  readonly fonts: ReadonlyMap<string, number>;
}

/**
 * Read a page's content streams and fonts, following `/Resources` and `/Font` references.
 *
 * @param {Map<number, string>} objects
 *   Each object's text by number.
 * @param {string} page
 *   The page object's text.
 * @returns {PageResources}
 *   Its streams and fonts.
 */
export function pageResources(objects: ReadonlyMap<number, string>, page: string): PageResources {
  const resourcesRef = /\/Resources\s*(\d+)\s+0\s+R/.exec(page);
  let resources = resourcesRef ? (objects.get(Number(resourcesRef[1])) ?? '') : page;
  const fontRef = /\/Font\s*(\d+)\s+0\s+R/.exec(resources);
  if (fontRef) resources = `/Font ${objects.get(Number(fontRef[1])) ?? ''}`;
  const fonts = new Map<string, number>();
  for (const entry of (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) fonts.set(entry[1] ?? '', Number(entry[2]));
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page)?.[1] ?? '';
  return {contents: [...contents.matchAll(/(\d+)\s+0\s+R/g)].map((ref) => Number(ref[1])), fonts};
}

/** Whether an object's text is a page (not the page tree, not a stream). */
export function isPage(body: string): boolean {
  return /\/Type\s*\/Page\b(?!s)/.test(body) && !body.endsWith('endstream');
}
