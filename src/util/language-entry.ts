/**
 * A BCP 47 tag read as a locale with its likely script filled in (`zh-TW` →
 * `zh-Hant-TW`), or undefined when `Intl` cannot read it.
 *
 * @param {string} lang
 *   BCP 47 tag.
 * @returns {Intl.Locale | undefined}
 *   The locale.
 */
export function readLocale(lang: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(lang).maximize();
  } catch {
    return undefined;
  }
}

/**
 * A language's entry in a table keyed by language and script where one language is
 * written two ways (`zh-Hant`), else by primary language subtag; English otherwise.
 *
 * @param {Readonly<Record<string, T>>} table
 *   Entries, `en` among them.
 * @param {Intl.Locale | undefined} locale
 *   The language, from `readLocale`.
 * @returns {T}
 *   Its entry.
 */
export function languageEntry<T>(table: Readonly<Record<string, T>> & {readonly en: T}, locale: Intl.Locale | undefined): T {
  const language = locale?.language ?? 'en';
  return table[`${language}-${locale?.script ?? ''}`] ?? table[language] ?? table.en;
}
