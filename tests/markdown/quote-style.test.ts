import {readFileSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {quoteStyleFor} from '../../src/markdown/quote-style.js';

const require = createRequire(import.meta.url);
const cldrMain = path.join(path.dirname(require.resolve('cldr-misc-full/package.json')), 'main');
const hyphenPatterns = path.dirname(require.resolve('hyphen/package.json'));

/** CLDR's four marks of a locale, read from the installed cldr-misc-full. */
function cldrMarks(locale: string): string {
  const data = JSON.parse(readFileSync(path.join(cldrMain, locale, 'delimiters.json'), 'utf8')) as {main: Record<string, {delimiters: Record<string, string>}>};
  const marks = data.main[locale]?.delimiters ?? {};
  return [marks.quotationStart, marks.quotationEnd, marks.alternateQuotationStart, marks.alternateQuotationEnd].join('');
}

const marksOf = (lang: string): string => {
  const style = quoteStyleFor(lang);
  return style.open + style.close + style.nestedOpen + style.nestedClose;
};

describe('quoteStyleFor', () => {
  const locales = readdirSync(cldrMain).filter((locale) => locale !== 'und');
  it(`gives CLDR's marks for each of its ${locales.length} locales (regenerate with scripts/quote-marks.mjs when it fails)`, () => {
    const wrong = locales.filter((locale) => marksOf(locale) !== cldrMarks(locale)).map((locale) => `${locale}: ${marksOf(locale)} instead of ${cldrMarks(locale)}`);
    expect(wrong).toEqual([]);
  });

  it("gives every language with hyphenation patterns its CLDR marks, or CLDR's root marks", () => {
    const languages = readdirSync(hyphenPatterns).filter((name) => /^[a-z]{2,3}$/.test(name));
    expect(languages.length).toBeGreaterThan(60);
    for (const lang of languages) {
      const cldr = readdirSync(cldrMain).includes(lang) ? cldrMarks(lang) : cldrMarks('und');
      expect(marksOf(lang), lang).toBe(cldr);
    }
  });

  it('matches tags case-insensitively and falls back along the subtags', () => {
    expect(marksOf('de-AT-1996')).toBe('„“‚‘');
    expect(marksOf('FR_ch')).toBe('«»‹›');
    expect(marksOf('zh-Hant-TW')).toBe(cldrMarks('zh-Hant'));
    expect(marksOf('qaa')).toBe(cldrMarks('und'));
  });

  it('spaces guillemets in French, but not in Swiss French or other languages', () => {
    expect(['fr', 'fr-FR', 'fr-CA', 'fr-CH', 'de-CH', 'it', 'ru'].map((lang) => quoteStyleFor(lang).spaced)).toEqual([true, true, true, false, false, false, false]);
  });
});
