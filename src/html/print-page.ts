import type {Root} from 'hast';

declare module 'vfile' {
  interface DataMap {
    /** The page as the print tab loads it: set by `rehypeBriefingTemplate`. */
    printPage?: PrintPageTree;
  }
}

/**
 * The print tab's copy of a page, as a tree: the page for the file with its fonts
 * fetched by URL instead of inlined. A tab keeps fetched fonts in its memory cache, so
 * from its second document on it parses no font again (about a fifth of Chromium's
 * work on a short briefing), and the HTML sent to it is small.
 */
export interface PrintPageTree {
  readonly tree: Root;
  /** The absolute font file behind each font URL the page asks for. */
  readonly fonts: ReadonlyMap<string, string>;
}

/** The print tab's copy of a page, ready to load. */
export interface PrintPage {
  readonly html: string;
  /** The bytes the tab answers for each font URL; may hold other pages' fonts too. */
  readonly fonts: ReadonlyMap<string, Uint8Array>;
}
