// The `hyphen` package ships no types; this is the part briefing uses.
declare module 'hyphen/*' {
  interface HyphenateOptions {
    /** Character to insert; defaults to the soft hyphen U+00AD. */
    hyphenChar?: string;
    /** Words shorter than this are left whole (default 5). */
    minWordLength?: number;
  }
  const language: {
    hyphenateSync(text: string, options?: HyphenateOptions): string;
  };
  export default language;
}
