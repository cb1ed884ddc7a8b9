import {describe, expect, it} from 'vitest';
import {setOutlineTitles} from '../../src/pdf/outline-titles.js';

/** UTF-16BE hex of a text string, as Chrome writes a title. */
const hex = (text: string): string => `<FEFF${[...text].map((character) => character.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('')}>`;

/** An outline of three entries, the second with a child: depth first, 1, 2, 2.1, 3. */
function objects(): Map<number, string> {
  return new Map([
    [1, '<</Type /Catalog\n/Outlines 2 0 R>>'],
    [2, '<</Type /Outlines\n/First 3 0 R\n/Last 5 0 R\n/Count 4>>'],
    [3, `<</Title ${hex('One')}\n/Parent 2 0 R\n/Next 4 0 R>>`],
    [4, `<</Title ${hex('کنیم مشارکت')}\n/Parent 2 0 R\n/Prev 3 0 R\n/Next 5 0 R\n/First 6 0 R\n/Last 6 0 R\n/Count 1>>`],
    [5, '<</Title (Three)\n/Parent 2 0 R\n/Prev 4 0 R>>'],
    [6, `<</Title ${hex('标题标题')}\n/Parent 4 0 R>>`]
  ]);
}

const title = (body: string | undefined): string => {
  const digits = /\/Title <FEFF([\dA-F]*)>/.exec(body ?? '')?.[1] ?? '';
  return String.fromCharCode(...(digits.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
};

describe('setOutlineTitles', () => {
  it('titles every entry, depth first, with the page’s headings, hex or literal before', () => {
    const pdf = objects();
    expect(setOutlineTitles(pdf, 1, ['One', 'مشارکت کنیم', '标题', 'Three'])).toBe(true);
    expect([3, 4, 6, 5].map((number) => title(pdf.get(number)))).toEqual(['One', 'مشارکت کنیم', '标题', 'Three']);
    expect(pdf.get(4)).toContain('/First 6 0 R');
  });

  it('changes nothing when the counts differ, or there is no outline', () => {
    const pdf = objects();
    const before = [...pdf];
    expect(setOutlineTitles(pdf, 1, ['One', 'Two', 'Three'])).toBe(false);
    expect([...pdf]).toEqual(before);
    expect(setOutlineTitles(new Map([[1, '<</Type /Catalog>>']]), 1, [])).toBe(false);
  });

  it('stops at an entry met twice (a loop of /Next)', () => {
    const pdf = objects();
    pdf.set(5, '<</Title (Three)\n/Parent 2 0 R\n/Next 3 0 R>>');
    expect(setOutlineTitles(pdf, 1, ['a', 'b', 'c', 'd'])).toBe(true);
  });
});
