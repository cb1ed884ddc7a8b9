import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {fitWidth, padEndWidth, padStartWidth} from '../../src/cli/terminal-width.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const clusters = (text: string): string[] => [...segmenter.segment(text)].map(({segment}) => segment);

/** Names a terminal shows wider or narrower than their UTF-16 length. */
const names = {
  cjk: '北京会谈纪要-第二版.md',
  korean: '한국어-브리핑-초안.md',
  emoji: 'team 👩‍👩‍👧‍👦 plan 🇯🇵 notes 👍🏽.md',
  combining: 'Re\u0301sume\u0301 cafe\u0301 na\u0308i\u0308ve.md',
  mixed: '1/3 · 0:02 elapsed · 報告 👨‍💻 e\u0301te\u0301 report.md'
};

describe('fitWidth', () => {
  it('keeps text that fits as it is, measured in columns, not UTF-16 units', () => {
    // 12 UTF-16 units, 22 columns: the old cut by length would have kept it at 15 and overflowed.
    expect(stringWidth(names.cjk)).toBe(22);
    expect(fitWidth(names.cjk, 22)).toBe(names.cjk);
    expect(fitWidth(names.combining, stringWidth(names.combining))).toBe(names.combining);
    expect(names.combining.length).toBeGreaterThan(stringWidth(names.combining));
  });

  it('cuts wide characters by their two columns, leaving the ellipsis room', () => {
    expect(fitWidth(names.cjk, 10)).toBe('北京会谈…');
    expect(fitWidth(names.cjk, 9)).toBe('北京会谈…');
    expect(stringWidth(fitWidth(names.cjk, 10))).toBe(9);
  });

  it('never splits an emoji ZWJ sequence, a flag, a skin tone or a letter from its accent', () => {
    // The family is one cluster of seven code points, two columns wide: all of it or none.
    expect(fitWidth(names.emoji, 7)).toBe('team …');
    expect(fitWidth(names.emoji, 8)).toBe('team 👩‍👩‍👧‍👦…');
    expect(fitWidth(names.emoji, 15)).toBe('team 👩‍👩‍👧‍👦 plan …');
    expect(fitWidth(names.emoji, 17)).toBe('team 👩‍👩‍👧‍👦 plan 🇯🇵 …');
    expect(fitWidth(names.combining, 3)).toBe('Re\u0301…');
  });

  it('fits every name to every width: within the columns, a whole-cluster start of the text, as long as it can be', () => {
    for (const [kind, text] of Object.entries(names)) {
      const all = clusters(text);
      for (let columns = 1; columns <= stringWidth(text) + 2; columns++) {
        const fitted = fitWidth(text, columns);
        const label = `${kind} in ${columns} columns: ${fitted}`;
        expect(stringWidth(fitted), label).toBeLessThanOrEqual(columns);
        expect(/\p{Surrogate}/u.test(fitted), label).toBe(false);
        if (fitted === text) continue;
        expect(fitted.endsWith('…'), label).toBe(true);
        const kept = clusters(fitted.slice(0, -1));
        expect(kept, label).toEqual(all.slice(0, kept.length));
        // Longest: the next cluster would not have fitted beside the ellipsis.
        expect(stringWidth(fitted) + stringWidth(all[kept.length] ?? ''), label).toBeGreaterThan(columns);
      }
    }
  });
});

describe('padEndWidth and padStartWidth', () => {
  it('pad to display columns, so wide names line up', () => {
    expect(padEndWidth('北京', 6)).toBe('北京  ');
    expect(padStartWidth('👍🏽', 4)).toBe('  👍🏽');
    expect(padEndWidth('e\u0301', 3)).toBe('e\u0301  ');
    expect(padEndWidth('longer', 3)).toBe('longer');
    for (const text of Object.values(names)) expect(stringWidth(padStartWidth(text, 60))).toBe(60);
  });
});
