import {getOrCreate} from '../../util/get-or-create.js';
import {languageEntry, readLocale} from '../../util/language-entry.js';

/**
 * "Page 3 of 7" as each language writes it in a running footer: `{page}` and `{pages}`
 * are the counters. Keyed by primary language subtag, or language and script where one
 * language is written two ways. A language not listed gets English.
 */
export const pageLabels: Readonly<Record<string, string>> & {readonly en: string} = {
  en: 'Page {page} of {pages}',
  ar: 'الصفحة {page} من {pages}',
  bg: 'Страница {page} от {pages}',
  ca: 'Pàgina {page} de {pages}',
  cs: 'Strana {page} z {pages}',
  da: 'Side {page} af {pages}',
  de: 'Seite {page} von {pages}',
  el: 'Σελίδα {page} από {pages}',
  es: 'Página {page} de {pages}',
  et: 'Lehekülg {page}/{pages}',
  fa: 'صفحهٔ {page} از {pages}',
  fi: 'Sivu {page}/{pages}',
  fr: 'Page {page} sur {pages}',
  he: 'עמוד {page} מתוך {pages}',
  hr: 'Stranica {page} od {pages}',
  hu: '{page}/{pages}. oldal',
  id: 'Halaman {page} dari {pages}',
  it: 'Pagina {page} di {pages}',
  ja: '{page} / {pages} ページ',
  ko: '{pages}쪽 중 {page}쪽',
  lt: '{page} psl. iš {pages}',
  lv: '{page}. lappuse no {pages}',
  nb: 'Side {page} av {pages}',
  nl: 'Pagina {page} van {pages}',
  nn: 'Side {page} av {pages}',
  no: 'Side {page} av {pages}',
  pl: 'Strona {page} z {pages}',
  pt: 'Página {page} de {pages}',
  ro: 'Pagina {page} din {pages}',
  ru: 'Страница {page} из {pages}',
  sk: 'Strana {page} z {pages}',
  sl: 'Stran {page} od {pages}',
  sr: 'Страна {page} од {pages}',
  'sr-Latn': 'Strana {page} od {pages}',
  sv: 'Sida {page} av {pages}',
  tr: 'Sayfa {page}/{pages}',
  uk: 'Сторінка {page} з {pages}',
  ur: 'صفحہ {page} از {pages}',
  vi: 'Trang {page}/{pages}',
  zh: '第 {page} 页，共 {pages} 页',
  'zh-Hant': '第 {page} 頁，共 {pages} 頁'
};

/**
 * CSS counter styles for the digits a language writes numbers with, by Unicode
 * numbering system (`Intl.NumberFormat#resolvedOptions().numberingSystem`), so the
 * page number has the digits of the date beside it (Persian: ۳ از ۷).
 */
const counterStyles: Readonly<Record<string, string>> = {
  arab: 'arabic-indic',
  arabext: 'persian',
  beng: 'bengali',
  deva: 'devanagari',
  gujr: 'gujarati',
  guru: 'gurmukhi',
  khmr: 'khmer',
  knda: 'kannada',
  laoo: 'lao',
  mlym: 'malayalam',
  mymr: 'myanmar',
  orya: 'oriya',
  tamldec: 'tamil',
  telu: 'telugu',
  thai: 'thai',
  tibt: 'tibetan'
};

/** What a language's page label needs: its pattern and its digits. */
export interface PageLabel {
  /** The pattern, with `{page}` and `{pages}`. */
  readonly pattern: string;
  /** The CSS counter style of its digits (`decimal`, `persian`…). */
  readonly counterStyle: string;
  /** The ten digits in that style, for choosing fonts. */
  readonly digits: string;
}

/**
 * The page label of a language: its own pattern (by language and script, then by
 * language; English when it has none) and the digits its numbers are written in.
 *
 * @param {string} lang
 *   BCP 47 tag.
 * @returns {PageLabel}
 *   The label.
 */
export function pageLabel(lang: string): PageLabel {
  return getOrCreate(labels, lang, () => {
    const locale = readLocale(lang);
    const pattern = languageEntry(pageLabels, locale);
    const numbers = new Intl.NumberFormat(locale ? lang : 'en', {useGrouping: false});
    const counterStyle = counterStyles[numbers.resolvedOptions().numberingSystem] ?? 'decimal';
    return {pattern, counterStyle, digits: counterStyle === 'decimal' ? '0123456789' : numbers.format(1_234_567_890)};
  });
}

/**
 * The label's text with every digit it may show, for choosing the fonts a page inlines.
 *
 * @param {PageLabel} label
 *   The label.
 * @returns {string}
 *   Text.
 */
export function pageLabelSample(label: PageLabel): string {
  return `${label.pattern.replaceAll(/\{pages?\}/g, '')} ${label.digits}`;
}

const labels = new Map<string, PageLabel>();
