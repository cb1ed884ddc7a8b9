/**
 * The page labels accepted per language (primary subtag), `{i}` the page and `{n}` the
 * page count. A language with forms here must print one of them: an English label on a
 * French page is a failure. A language without forms here falls back to English. Spaces
 * in the forms match any white space or none (typesetting may add or drop them); digits
 * may be Latin, Arabic-Indic or Persian.
 */
export const pageLabels: Readonly<Record<string, readonly string[]>> = {
  en: ['Page {i} of {n}'],
  fr: ['Page {i} sur {n}'],
  de: ['Seite {i} von {n}'],
  es: ['Página {i} de {n}'],
  it: ['Pagina {i} di {n}'],
  pt: ['Página {i} de {n}'],
  nl: ['Pagina {i} van {n}'],
  pl: ['Strona {i} z {n}'],
  uk: ['Сторінка {i} з {n}', 'Сторінка {i} із {n}'],
  ru: ['Страница {i} из {n}'],
  el: ['Σελίδα {i} από {n}', 'Σελίδα {i} από τις {n}'],
  zh: ['第 {i} 页，共 {n} 页', '第 {i} 頁，共 {n} 頁', '第 {i} 页, 共 {n} 页'],
  ja: ['{i} / {n} ページ', '{n} ページ中 {i} ページ', 'ページ {i} / {n}'],
  ko: ['{i} / {n} 페이지', '{n}페이지 중 {i}페이지', '{n} 페이지 중 {i} 페이지', '{n}쪽 중 {i}쪽'],
  ar: ['صفحة {i} من {n}', 'الصفحة {i} من {n}'],
  fa: ['صفحهٔ {i} از {n}', 'صفحه {i} از {n}', 'صفحه‌ی {i} از {n}'],
  he: ['עמוד {i} מתוך {n}']
};

/**
 * Latin digits for Arabic-Indic and Persian ones.
 *
 * @param text
 *   Text.
 * @returns
 *   The text with every digit in 0-9.
 */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

/**
 * Whether a page's text holds its label, "page i of n" in the document's language.
 *
 * @param text
 *   Text of the page's margins (or the whole page).
 * @param lang
 *   The document's language tag (`fr`, `zh-Hans`, ...).
 * @param page
 *   The page number, 1-based.
 * @param pages
 *   The page count.
 * @returns
 *   `undefined` when the label is there, else what was expected.
 */
export function findPageLabel(text: string, lang: string, page: number, pages: number): string | undefined {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const forms = pageLabels[primary] ?? pageLabels['en'] ?? [];
  const squash = (value: string): string => latinDigits(value.normalize('NFKC')).replace(/[\s\p{Cf}]+/gu, '');
  const squashed = squash(text);
  const wanted = forms.map((form) => squash(form.replace('{i}', String(page)).replace('{n}', String(pages))));
  // Not preceded or followed by another digit: "Page 1 of 4" must not pass as "Page 11 of 4".
  const found = wanted.some((label) => {
    for (let at = squashed.indexOf(label); at !== -1; at = squashed.indexOf(label, at + 1)) {
      if (!/\d/.test(squashed[at - 1] ?? '') && !/\d/.test(squashed[at + label.length] ?? '')) return true;
    }
    return false;
  });
  return found ? undefined : forms.map((form) => `“${form.replace('{i}', String(page)).replace('{n}', String(pages))}”`).join(' or ');
}
