import {describe, expect, it} from 'vitest';
import {apparatusLabel, apparatusLabelLang, apparatusLabels, isApparatusLabel} from '../../src/markdown/apparatus-labels.js';

describe('apparatusLabel', () => {
  it('gives briefing’s words in the document’s language, by language and script', () => {
    expect(apparatusLabel('fr-CA', 'summary')).toBe('Résumé');
    expect(apparatusLabel('de', 'subject')).toBe('Betreff');
    expect(apparatusLabel('zh', 'notes')).toBe('注释');
    expect(apparatusLabel('zh-TW', 'notes')).toBe('註釋');
    expect(apparatusLabel('zh-Hant-HK', 'links')).toBe('連結');
    expect(apparatusLabel('no', 'links')).toBe('Lenker');
    expect(apparatusLabel('nb-NO', 'links')).toBe('Lenker');
  });

  it('falls back to English for a language it does not have, or a tag it cannot read', () => {
    expect(apparatusLabel('sw', 'summary')).toBe('Summary');
    expect(apparatusLabel('not a tag!', 'from')).toBe('From');
  });

  it('says when the words are English in a document of another language, so the page can mark them', () => {
    expect(apparatusLabelLang('sw')).toBe('en');
    expect(apparatusLabelLang('not a tag!')).toBe('en');
    for (const lang of ['en', 'en-GB', 'fr-CA', 'zh-TW', 'nb-NO']) expect(apparatusLabelLang(lang), lang).toBeUndefined();
  });

  it('has every word in every language, none empty', () => {
    const keys = Object.keys(apparatusLabels['en']!).sort();
    for (const [language, labels] of Object.entries(apparatusLabels)) {
      expect(Object.keys(labels).sort(), language).toEqual(keys);
      for (const [key, value] of Object.entries(labels)) expect(value.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('knows which names a template may mark with data-label', () => {
    expect(isApparatusLabel('subject')).toBe(true);
    expect(isApparatusLabel('constructor')).toBe(false);
    expect(isApparatusLabel('toString')).toBe(false);
  });
});
