/**
 * Scripts written right to left (ISO 15924), living and historic: those a language tag
 * maximises to (`ar` → Arab, `fa` → Arab, `ur` → Arab, `he` → Hebr, `dv` → Thaa…).
 */
const rightToLeftScripts = new Set([
  'Adlm', 'Arab', 'Aran', 'Armi', 'Avst', 'Chrs', 'Cprt', 'Elym', 'Hatr', 'Hebr', 'Hung', 'Khar', 'Lydi', 'Mand', 'Mani', 'Mend',
  'Merc', 'Mero', 'Narb', 'Nbat', 'Nkoo', 'Orkh', 'Ougr', 'Palm', 'Phli', 'Phlp', 'Phnx', 'Prti', 'Rohg', 'Samr', 'Sarb', 'Sogd',
  'Sogo', 'Syrc', 'Thaa', 'Yezi'
]);

/**
 * The direction a language is written in, from the script its tag names or implies
 * (`Intl.Locale#maximize` adds the likely script: `fa` is `fa-Arab-IR`). An explicit
 * script wins, so `az-Arab` is right to left and `az` is not.
 *
 * @param {string} lang
 *   BCP 47 tag.
 * @returns {'ltr' | 'rtl'}
 *   `rtl` for a right-to-left script.
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  let script: string | undefined;
  try {
    script = new Intl.Locale(lang).maximize().script;
  } catch {
    // A tag Intl does not accept is left to right, as browsers treat an unknown `lang`.
    return 'ltr';
  }
  return script !== undefined && rightToLeftScripts.has(script) ? 'rtl' : 'ltr';
}
