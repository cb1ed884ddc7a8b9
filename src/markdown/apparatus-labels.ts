import {getOrCreate} from '../util/get-or-create.js';
import {languageEntry, readLocale} from '../util/language-entry.js';

/** The words briefing itself puts on a page, around the author's text. */
export type ApparatusLabel = 'summary' | 'notes' | 'links' | 'memorandum' | 'from' | 'date' | 'subject';

/**
 * Those words in each language: the summary box's heading when the author gives none,
 * the footnotes' and the print edition's link notes' headings, and the fields a template
 * marks with `data-label` (the memo's "From", "Date", "Subject"). Keyed like the page
 * labels (`page-label.ts`): by language and script where one language is written two
 * ways, else by primary language subtag. A language not listed gets English.
 */
export const apparatusLabels: Readonly<Record<string, Readonly<Record<ApparatusLabel, string>>>> & {readonly en: Readonly<Record<ApparatusLabel, string>>} = {
  en: {summary: 'Summary', notes: 'Notes', links: 'Links', memorandum: 'Memorandum', from: 'From', date: 'Date', subject: 'Subject'},
  ar: {summary: 'ملخص', notes: 'ملاحظات', links: 'روابط', memorandum: 'مذكرة', from: 'من', date: 'التاريخ', subject: 'الموضوع'},
  ca: {summary: 'Resum', notes: 'Notes', links: 'Enllaços', memorandum: 'Memoràndum', from: 'De', date: 'Data', subject: 'Assumpte'},
  cs: {summary: 'Shrnutí', notes: 'Poznámky', links: 'Odkazy', memorandum: 'Memorandum', from: 'Od', date: 'Datum', subject: 'Předmět'},
  da: {summary: 'Resumé', notes: 'Noter', links: 'Links', memorandum: 'Notat', from: 'Fra', date: 'Dato', subject: 'Emne'},
  de: {summary: 'Zusammenfassung', notes: 'Anmerkungen', links: 'Links', memorandum: 'Memorandum', from: 'Von', date: 'Datum', subject: 'Betreff'},
  el: {summary: 'Περίληψη', notes: 'Σημειώσεις', links: 'Σύνδεσμοι', memorandum: 'Υπόμνημα', from: 'Από', date: 'Ημερομηνία', subject: 'Θέμα'},
  es: {summary: 'Resumen', notes: 'Notas', links: 'Enlaces', memorandum: 'Memorando', from: 'De', date: 'Fecha', subject: 'Asunto'},
  fa: {summary: 'خلاصه', notes: 'یادداشت‌ها', links: 'پیوندها', memorandum: 'یادداشت اداری', from: 'از', date: 'تاریخ', subject: 'موضوع'},
  fi: {summary: 'Tiivistelmä', notes: 'Huomautukset', links: 'Linkit', memorandum: 'Muistio', from: 'Lähettäjä', date: 'Päivämäärä', subject: 'Aihe'},
  fr: {summary: 'Résumé', notes: 'Notes', links: 'Liens', memorandum: 'Mémorandum', from: 'De', date: 'Date', subject: 'Objet'},
  he: {summary: 'תקציר', notes: 'הערות', links: 'קישורים', memorandum: 'מזכר', from: 'מאת', date: 'תאריך', subject: 'נושא'},
  hu: {summary: 'Összefoglaló', notes: 'Jegyzetek', links: 'Hivatkozások', memorandum: 'Feljegyzés', from: 'Feladó', date: 'Dátum', subject: 'Tárgy'},
  it: {summary: 'Sintesi', notes: 'Note', links: 'Link', memorandum: 'Promemoria', from: 'Da', date: 'Data', subject: 'Oggetto'},
  ja: {summary: '要約', notes: '注', links: 'リンク', memorandum: '覚書', from: '差出人', date: '日付', subject: '件名'},
  ko: {summary: '요약', notes: '주석', links: '링크', memorandum: '메모', from: '보낸 사람', date: '날짜', subject: '제목'},
  nb: {summary: 'Sammendrag', notes: 'Noter', links: 'Lenker', memorandum: 'Notat', from: 'Fra', date: 'Dato', subject: 'Emne'},
  no: {summary: 'Sammendrag', notes: 'Noter', links: 'Lenker', memorandum: 'Notat', from: 'Fra', date: 'Dato', subject: 'Emne'},
  nl: {summary: 'Samenvatting', notes: 'Noten', links: 'Links', memorandum: 'Memorandum', from: 'Van', date: 'Datum', subject: 'Onderwerp'},
  pl: {summary: 'Streszczenie', notes: 'Przypisy', links: 'Linki', memorandum: 'Notatka', from: 'Od', date: 'Data', subject: 'Temat'},
  pt: {summary: 'Resumo', notes: 'Notas', links: 'Links', memorandum: 'Memorando', from: 'De', date: 'Data', subject: 'Assunto'},
  ro: {summary: 'Rezumat', notes: 'Note', links: 'Linkuri', memorandum: 'Memorandum', from: 'De la', date: 'Data', subject: 'Subiect'},
  ru: {summary: 'Резюме', notes: 'Примечания', links: 'Ссылки', memorandum: 'Служебная записка', from: 'От', date: 'Дата', subject: 'Тема'},
  sv: {summary: 'Sammanfattning', notes: 'Noter', links: 'Länkar', memorandum: 'PM', from: 'Från', date: 'Datum', subject: 'Ämne'},
  tr: {summary: 'Özet', notes: 'Notlar', links: 'Bağlantılar', memorandum: 'Muhtıra', from: 'Kimden', date: 'Tarih', subject: 'Konu'},
  uk: {summary: 'Резюме', notes: 'Примітки', links: 'Посилання', memorandum: 'Службова записка', from: 'Від', date: 'Дата', subject: 'Тема'},
  'zh-Hans': {summary: '摘要', notes: '注释', links: '链接', memorandum: '备忘录', from: '发件人', date: '日期', subject: '主题'},
  'zh-Hant': {summary: '摘要', notes: '註釋', links: '連結', memorandum: '備忘錄', from: '寄件人', date: '日期', subject: '主旨'}
};

const resolved = new Map<string, Readonly<Record<ApparatusLabel, string>>>();

/**
 * briefing's own words in a document's language: by language and script, then by
 * language, else English.
 *
 * @param lang
 *   BCP 47 tag of the document.
 * @param label
 *   Which word.
 * @returns
 *   The word.
 */
export function apparatusLabel(lang: string, label: ApparatusLabel): string {
  const labels = getOrCreate(resolved, lang, () => languageEntry(apparatusLabels, readLocale(lang)));
  return labels[label];
}

/**
 * The language of briefing's own words on a document's page, when it is not the
 * document's: English for a language the table does not have. The element holding the
 * words then says so (`lang="en"`), and the tagged PDF gives it its own `/Lang`, so a
 * screen reader does not read "Notes" with Swahili rules.
 *
 * @param lang
 *   BCP 47 tag of the document.
 * @returns
 *   `en`, or undefined when the words are in the document's language.
 */
export function apparatusLabelLang(lang: string): 'en' | undefined {
  const labels = getOrCreate(resolved, lang, () => languageEntry(apparatusLabels, readLocale(lang)));
  return labels === apparatusLabels.en && readLocale(lang)?.language !== 'en' ? 'en' : undefined;
}

/** Whether a name is one of the labels a template may mark with `data-label`. */
export function isApparatusLabel(name: string): name is ApparatusLabel {
  return Object.hasOwn(apparatusLabels['en'] as object, name);
}
