import {describe, expect, it} from 'vitest';
import {longestName, nameBytes, shortenDestinationNames} from '../../src/pdf/destination-names.js';

/** A heading id as Chrome names its destination: each UTF-8 byte percent-encoded, the `%` as `#25`. */
function chromeName(id: string): string {
  return encodeURIComponent(id).replace(/%/g, '#25');
}

const long = chromeName('چگونه-در-پروژه‌های-متن‌باز-مشارکت-کنیم-و-از-کجا-شروع-کنیم');
const alike = chromeName('چگونه-در-پروژه‌های-متن‌باز-مشارکت-کنیم-و-از-کجا-ادامه-دهیم');

function objects(): Map<number, string> {
  return new Map([
    [1, '<</Type /Catalog\n/Pages 2 0 R\n/Dests 3 0 R>>'],
    [2, '<</Type /Pages\n/Kids [5 0 R]\n/Count 1>>'],
    [3, `<</${long} [5 0 R /XYZ 0 618.41998 0]\n/${alike} [5 0 R /XYZ 0 300 0]\n/short [5 0 R /XYZ 0 100 0]>>`],
    [4, `<</Type /Annot\n/Subtype /Link\n/Dest /${long}\n/Rect [0 0 1 1]>>`],
    [6, `<</Type /Annot\n/Subtype /Link\n/A <</S /GoTo /D /${alike}>>\n/Rect [0 0 1 1]>>`],
    [7, '<</Type /Annot\n/Subtype /Link\n/Dest /short\n/Rect [0 0 1 1]>>'],
    // A literal string that happens to hold the name is not a destination.
    [8, `<</Type /StructElem\n/S /P\n/Alt (/${long})>>`]
  ]);
}

const keys = (dests: string): string[] => [...dests.matchAll(/\/([^\s/<>[\]()]+)\s*\[/g)].map((match) => match[1] as string);

describe('shortenDestinationNames', () => {
  it('renames each destination longer than 127 bytes, and the links and actions that name it', () => {
    expect(nameBytes(long)).toBeGreaterThan(250);
    const pdf = objects();
    expect(shortenDestinationNames(pdf, 1)).toBe(2);
    const [first, second, third] = keys(pdf.get(3) ?? '');
    expect(third).toBe('short');
    for (const name of [first, second]) {
      expect(nameBytes(name ?? '')).toBeLessThanOrEqual(longestName);
      expect(name?.startsWith(long.slice(0, 90))).toBe(true);
      // Whole percent-encoded bytes, then the digest.
      expect(name).toMatch(/(#25[\dA-F]{2}|-)-[\da-f]{12}$/);
    }
    expect(first).not.toBe(second);
    const link = /\/Dest \/(\S+)/.exec(pdf.get(4) ?? '')?.[1];
    const action = /\/D \/([^\s>]+)/.exec(pdf.get(6) ?? '')?.[1];
    expect(new Set([link, action])).toEqual(new Set([first, second]));
    // The destination each names is the one it named before: its position is kept.
    expect(pdf.get(3)).toContain(`/${link} [5 0 R /XYZ 0 618.41998 0]`);
    expect(pdf.get(3)).toContain(`/${action} [5 0 R /XYZ 0 300 0]`);
    expect(pdf.get(7)).toContain('/Dest /short');
    expect(pdf.get(8)).toContain(`/Alt (/${long})`);
  });

  it('gives the same names every time, and leaves a file whose names fit alone', () => {
    const once = objects();
    const twice = objects();
    shortenDestinationNames(once, 1);
    shortenDestinationNames(twice, 1);
    expect([...once]).toEqual([...twice]);
    const fitting = new Map([
      [1, '<</Type /Catalog\n/Dests 3 0 R>>'],
      [3, '<</a [5 0 R /Fit]>>'],
      [4, '<</Type /Annot\n/Dest /a>>']
    ]);
    const before = [...fitting];
    expect(shortenDestinationNames(fitting, 1)).toBe(0);
    expect([...fitting]).toEqual(before);
    expect(shortenDestinationNames(new Map([[1, '<</Type /Catalog>>']]), 1)).toBe(0);
  });

  it('counts an escape as the one byte it stands for', () => {
    expect(nameBytes('A#20B')).toBe(3);
    expect(nameBytes('#25D8#25A8')).toBe(6);
  });
});
