import {execFile} from 'node:child_process';
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build, type DocumentResult} from '../../src/build/build.js';
import {checkPdfsIn} from '../helpers/pdf-check.js';

/**
 * Every page carries its number, in the document's language, whatever the scripts of the
 * title and the byline and whichever of authors, publisher and date the front matter has.
 * The manuscripts are written here, in our own words; each PDF is read back page by page
 * with poppler's pdftotext, which keeps Arabic and Persian in reading order.
 */
const run = promisify(execFile);

interface Language {
  readonly lang: string;
  readonly title: string;
  readonly sentence: string;
  /** "Page 2 of 5" as a reader of the language expects it. */
  readonly label: (page: number, pages: number) => string;
  /** The digits the label is written in, when they are not 0-9. */
  readonly digits?: string;
}

const languages: readonly Language[] = [
  {lang: 'en', title: 'Notes on the spring budget round', sentence: 'The committee met on Tuesday to go through the budget for the coming year, line by line.', label: (n, m) => `Page ${n} of ${m}`},
  {lang: 'fr', title: 'Notes sur le budget du printemps', sentence: 'Le comité a examiné mardi le budget prévu pour la prochaine année, ligne par ligne.', label: (n, m) => `Page ${n} sur ${m}`},
  {lang: 'de', title: 'Notizen zur Haushaltsrunde im Frühjahr', sentence: 'Der Ausschuss ging am Dienstag den Haushalt für das kommende Jahr Zeile für Zeile durch.', label: (n, m) => `Seite ${n} von ${m}`},
  {lang: 'zh', title: '春季预算会议纪要', sentence: '委员会星期二开会，逐项审查了明年的预算，并决定下个月再次讨论。', label: (n, m) => `第 ${n} 页，共 ${m} 页`},
  {lang: 'ru', title: 'Заметки о весеннем бюджете', sentence: 'Комитет собрался во вторник, чтобы построчно рассмотреть бюджет на следующий год.', label: (n, m) => `Страница ${n} из ${m}`},
  {lang: 'el', title: 'Σημειώσεις για τον ανοιξιάτικο προϋπολογισμό', sentence: 'Η επιτροπή συνεδρίασε την Τρίτη για να εξετάσει γραμμή προς γραμμή τον προϋπολογισμό της επόμενης χρονιάς.', label: (n, m) => `Σελίδα ${n} από ${m}`},
  {lang: 'ar', title: 'ملاحظات حول ميزانية الربيع', sentence: 'اجتمعت اللجنة يوم الثلاثاء لمراجعة ميزانية العام المقبل بندا بندا، وقررت أن تعود إليها في الشهر القادم.', label: (n, m) => `الصفحة ${n} من ${m}`},
  {lang: 'fa', title: 'یادداشت‌هایی دربارهٔ بودجهٔ بهار', sentence: 'کمیته روز سه‌شنبه تشکیل جلسه داد تا بودجهٔ سال آینده را بند به بند بررسی کند.', label: (n, m) => `صفحهٔ ${n} از ${m}`, digits: '۰۱۲۳۴۵۶۷۸۹'}
];

/** Which of the optional keys a manuscript has. */
const variants = [
  {name: 'all', authors: true, publisher: true, date: true},
  {name: 'none', authors: false, publisher: false, date: false},
  {name: 'authors', authors: true, publisher: false, date: false},
  {name: 'date', authors: false, publisher: false, date: true},
  {name: 'publisher', authors: false, publisher: true, date: false}
] as const;

const cases = languages.flatMap((language) => variants.map((variant) => ({...language, variant, name: `${language.lang}-${variant.name}`})));

let dir: string;
let results: Map<string, DocumentResult>;
let rebuilt: Map<string, DocumentResult>;
let savedEpoch: string | undefined;

/** Digits as the language writes them. */
function localDigits(value: number, digits: string | undefined): string {
  return digits ? String(value).replace(/\d/g, (digit) => digits[Number(digit)] ?? digit) : String(value);
}

/**
 * Text compared without white space, case, accents or bidi controls: layout, the text
 * layer of joined scripts and `text-transform` change those.
 */
function plain(text: string): string {
  return text.normalize('NFKD').replace(/[\s\p{M}\p{Cf}]/gu, '').toLocaleLowerCase().replaceAll('ς', 'σ');
}

function manuscript(language: Language, variant: (typeof variants)[number]): string {
  const matter = [
    `title: "${language.title}"`,
    `lang: ${language.lang}`,
    ...(variant.authors ? ['authors: [Pat Tester, Sam Example]'] : []),
    ...(variant.publisher ? ['publisher: Northwind Institute'] : []),
    ...(variant.date ? ['date: 2025-03-14'] : [])
  ];
  const paragraph = Array.from({length: 9}, () => language.sentence).join(' ');
  return `---\n${matter.join('\n')}\n---\n\n${Array.from({length: 14}, () => paragraph).join('\n\n')}\n`;
}

async function buildAll(outDir: string): Promise<Map<string, DocumentResult>> {
  const report = await build([dir], {cwd: dir, outDir, formats: ['pdf']});
  const failures = report.documents.filter((document) => !document.ok).map((document) => `${document.input}: ${document.file.messages.join('; ')}`);
  expect(failures).toEqual([]);
  return new Map(report.documents.map((document) => [path.basename(document.input, '.md'), document]));
}

beforeAll(async () => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH'];
  process.env['SOURCE_DATE_EPOCH'] = '1741910400';
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-page-labels-'));
  for (const {name, variant, ...language} of cases) await writeFile(path.join(dir, `${name}.md`), manuscript(language, variant));
  results = await buildAll(path.join(dir, 'out-a'));
  rebuilt = await buildAll(path.join(dir, 'out-b'));
}, 300_000);

afterAll(async () => {
  if (savedEpoch === undefined) delete process.env['SOURCE_DATE_EPOCH'];
  else process.env['SOURCE_DATE_EPOCH'] = savedEpoch;
  await rm(dir, {recursive: true, force: true});
});

/** The text of each page of a PDF. */
async function pagesOf(file: string): Promise<string[]> {
  const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], {maxBuffer: 32 * 1024 * 1024});
  return stdout.split('\f').slice(0, -1);
}

describe('page labels', () => {
  it.each(cases)('$name: every page has its number in the language, and the running header', async ({name, title, label, digits, variant}) => {
    const pages = await pagesOf(path.join(dir, 'out-a', `${name}.pdf`));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [index, page] of pages.entries()) {
      const expected = label(index + 1, pages.length).replace(/\d+/g, (number) => localDigits(Number(number), digits));
      expect(plain(page), `page ${index + 1}`).toContain(plain(expected));
      // The running header: the title is on every page (in the masthead on the first).
      expect(plain(page), `page ${index + 1}`).toContain(plain(title));
      if (variant.authors) expect(page).toContain('Pat Tester');
    }
  });

  it('is byte-identical when every document is built twice with SOURCE_DATE_EPOCH', async () => {
    expect([results.size, rebuilt.size]).toEqual([cases.length, cases.length]);
    const differing: string[] = [];
    for (const {name} of cases) {
      const [first, second] = await Promise.all(['out-a', 'out-b'].map(async (out) => readFile(path.join(dir, out, `${name}.pdf`))));
      if (!first || !second || first.byteLength === 0 || Buffer.compare(first, second) !== 0) differing.push(name);
    }
    expect(differing).toEqual([]);
  });

  it('every PDF passes the PDF checker (a failing condition is named by its checkpoint)', async () => {
    const {checked, problems} = await checkPdfsIn(path.join(dir, 'out-a'));
    expect(checked).toBe(cases.length);
    expect(problems).toEqual([]);
  });
});

describe('a template of its own', () => {
  it('replaces the page label, for one language, in its style sheet', async () => {
    const template = path.join(dir, 'labelled');
    await cp(path.resolve('templates/briefing'), template, {recursive: true});
    const css = await readFile(path.join(template, 'style.css'), 'utf8');
    await writeFile(path.join(template, 'style.css'), `${css}\n:root:lang(fr) { --briefing-page-label: "Feuillet " counter(page) " / " counter(pages); }\n`);
    const outDir = path.join(dir, 'out-c');
    const report = await build([path.join(dir, 'fr-none.md'), path.join(dir, 'de-none.md')], {cwd: dir, outDir, formats: ['pdf'], template});
    expect(report.ok).toBe(true);
    const french = await pagesOf(path.join(outDir, 'fr-none.pdf'));
    const german = await pagesOf(path.join(outDir, 'de-none.pdf'));
    expect(french.length).toBeGreaterThanOrEqual(3);
    for (const [index, page] of french.entries()) expect(page).toContain(`Feuillet ${index + 1} / ${french.length}`);
    for (const [index, page] of german.entries()) expect(page).toContain(`Seite ${index + 1} von ${german.length}`);
    expect(await checkPdfsIn(outDir)).toEqual({checked: 2, problems: []});
  });
});
