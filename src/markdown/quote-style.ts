import {cldrQuoteMarks, rootQuoteMarks} from './quote-marks.js';

/** How a language sets its quotation marks. */
export interface QuoteStyle {
  /** Opening and closing marks. */
  readonly open: string;
  readonly close: string;
  /** Opening and closing marks of a quotation inside another (typed as `'…'`). */
  readonly nestedOpen: string;
  readonly nestedClose: string;
  /** Whether guillemets and `; ! ? :` are set off by a (narrow) no-break space. */
  readonly spaced: boolean;
}

/**
 * The quotation style of a language tag: CLDR's marks for the most specific locale of
 * the tag that CLDR lists (`fr-CH`, then `fr`), else CLDR's root marks. CLDR has no data
 * on spacing; French sets guillemets and high punctuation off by a narrow no-break space
 * (the Imprimerie nationale's rule, and the OQLF's in Canada), Swiss French does not.
 *
 * @param {string} lang
 *   BCP 47 language tag.
 * @returns {QuoteStyle}
 *   Marks and spacing.
 */
export function quoteStyleFor(lang: string): QuoteStyle {
  const subtags = lang.toLowerCase().split(/[-_]/);
  let marks = rootQuoteMarks;
  for (let length = subtags.length; length > 0; length--) {
    const found = cldrQuoteMarks[subtags.slice(0, length).join('-')];
    if (found !== undefined) {
      marks = found;
      break;
    }
  }
  const [open = '“', close = '”', nestedOpen = '‘', nestedClose = '’'] = [...marks];
  return {open, close, nestedOpen, nestedClose, spaced: subtags[0] === 'fr' && !subtags.includes('ch')};
}
