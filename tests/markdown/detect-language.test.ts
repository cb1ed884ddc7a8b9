import {fromMarkdown} from 'mdast-util-from-markdown';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {detectLanguage} from '../../src/markdown/detect-language.js';
import {createProcessor} from '../../src/pipeline/processor.js';

function detect(markdown: string, title = ''): {lang: string; notes: string[]} {
  const file = new VFile();
  const lang = detectLanguage(fromMarkdown(markdown), file, title);
  return {lang, notes: file.messages.map((message) => `${message.ruleId}: ${message.reason}`)};
}

describe('detectLanguage', () => {
  it.each([
    ['uk', 'Ця записка пояснює, як команда готує щотижневий огляд. Ми збираємо дані, перевіряємо їх і пишемо короткий висновок для керівництва.'],
    ['ru', 'Эта записка объясняет, как команда готовит еженедельный обзор. Мы собираем данные, проверяем их и пишем короткий вывод для руководства.'],
    ['ar', 'توضح هذه المذكرة كيف يعد الفريق مراجعته الأسبوعية. نجمع البيانات ونتحقق منها ثم نكتب خلاصة قصيرة للإدارة.'],
    ['fa', 'این یادداشت توضیح می‌دهد که تیم چگونه مرور هفتگی خود را آماده می‌کند. ما داده‌ها را جمع می‌کنیم و خلاصه‌ای کوتاه می‌نویسیم.'],
    ['de', 'Diese Notiz erklärt, wie das Team seinen wöchentlichen Überblick vorbereitet. Wir sammeln die Daten, prüfen sie und schreiben eine kurze Zusammenfassung.'],
    ['fr', "Cette note explique comment l'équipe prépare sa revue hebdomadaire. Nous rassemblons les données, nous les vérifions et nous écrivons une courte synthèse."],
    ['el', 'Αυτό το σημείωμα εξηγεί πώς η ομάδα ετοιμάζει την εβδομαδιαία επισκόπηση. Συλλέγουμε τα δεδομένα και γράφουμε μια σύντομη περίληψη.']
  ])('reads %s prose, and says so', (expected, text) => {
    const {lang, notes} = detect(text);
    expect(lang).toBe(expected);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`^lang-detected: No \`lang\` in front matter: .* so \`lang: ${expected}\` is used`));
  });

  it('lets a script decide when Latin names and code fill most of the text', () => {
    const rows = Array.from({length: 10}, (_, index) => `| [Library ${index}](https://example.org/${index}) | 1.${index}+ |`).join('\n');
    const {lang} = detect(`対応しているライブラリの一覧です。\n\n| 名前 | 版 |\n| --- | --- |\n${rows}\n`, 'ライブラリ');
    expect(lang).toBe('ja');
  });

  it('keeps English, without a note, for English and for a few Latin words', () => {
    expect(detect('This note explains how the team prepares its weekly review, collects the data and writes a short summary.')).toEqual({lang: 'en', notes: []});
    expect(detect('Hola y adiós.')).toEqual({lang: 'en', notes: []});
    expect(detect('```\ncode only\n```')).toEqual({lang: 'en', notes: []});
  });
});

describe('the language of a manuscript without lang', () => {
  it('sets the page language; front matter still decides when it has lang', async () => {
    const processor = createProcessor();
    const text = 'Ця записка пояснює, як команда готує щотижневий огляд. Ми збираємо дані, перевіряємо їх і пишемо короткий висновок.';
    const guessed = new VFile({path: 'uk.md', value: `# Огляд тижня\n\n${text}\n`});
    expect(String(await processor.process(guessed))).toMatch(/<html lang="uk"/);
    const chosen = new VFile({path: 'chosen.md', value: `---\ntitle: Огляд\nlang: ru\n---\n\n${text}\n`});
    expect(String(await processor.process(chosen))).toMatch(/<html lang="ru"/);
    expect(chosen.messages.some((message) => message.ruleId === 'lang-detected')).toBe(false);
  });
});
