/**
 * What a page may load. A briefing page loads nothing but its own inlined styles, fonts
 * and images, in the browser that prints it and in any browser the HTML is later opened
 * in; a template cannot loosen this. The print tab's copy of a page differs in one
 * source: it fetches its fonts from `fontOrigin`, which the tab answers itself.
 */

/**
 * Where a print tab fetches a page's fonts from. The `.invalid` domain never resolves:
 * these requests are answered by the tab itself (see `PrintTab`), never by a network.
 */
export const fontOrigin = 'https://fonts.briefing.invalid';

/** No scripts, no requests: styles, fonts and images only from the document itself. */
export const filePolicy = policy('data:');

/** The same for the print tab's copy, whose fonts come from `fontOrigin`. */
export const printPolicy = policy(fontOrigin);

function policy(fontSource: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; font-src ${fontSource}; img-src data:; base-uri 'none'; form-action 'none'`;
}
