import {inflateSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {describeLinks} from '../../src/pdf/link-descriptions.js';
import {completeLigatureText} from '../../src/pdf/text-layer-ligatures.js';

function stream(data: string): string {
  return `<</Length ${data.length}>> stream\n${data}\nendstream`;
}

function toUnicode(entries: Record<string, string>): string {
  const lines = Object.entries(entries).map(([code, text]) => `<${code}> <${text}>`);
  return stream(`begincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${lines.length} beginbfchar\n${lines.join('\n')}\nendbfchar\nendcmap`);
}

function decodedStream(object: string): string {
  const head = /^<<[^]*?\/Length (\d+)>>\s*stream\n/.exec(object);
  if (!head) throw new Error('not a stream');
  const data = Buffer.from(object.slice(head[0].length, head[0].length + Number(head[1])), 'latin1');
  return (/FlateDecode/.test(head[0]) ? inflateSync(data) : data).toString('latin1');
}

/** A page with one composite font, `content` drawn with it. */
function page(content: string, map: Record<string, string>): Map<number, string> {
  return new Map([
    [1, '<</Type /Page\n/Contents 2 0 R\n/Resources <</Font <</F1 3 0 R>>>>\n/Annots [6 0 R 7 0 R]>>'],
    [2, stream(content)],
    [3, '<</Type /Font\n/Subtype /Type0\n/BaseFont /AAAAAA+Serif\n/Encoding /Identity-H\n/ToUnicode 4 0 R>>'],
    [4, toUnicode(map)]
  ]);
}

describe('completeLigatureText', () => {
  it('gives a zero-mapped ligature the text of its span, soft hyphens and their invisible spaces aside, and drops unused zero entries', () => {
    const objects = page('/Span <</ActualText <feff006600ad00660069>>> BDC BT /F1 10 Tf <0082> Tj 14 0 Td <0001> Tj ET EMC', {'0001': '0020', '0082': '0000', '0050': '0000', '0041': '0041'});
    completeLigatureText(objects);
    const cmap = decodedStream(objects.get(4) ?? '');
    expect(cmap).toContain('<0082> <006600660069>');
    expect(cmap).toContain('<0001> <0020>');
    expect(cmap).toContain('<0041> <0041>');
    expect(cmap).not.toContain('<0050>');
    expect(cmap).not.toMatch(/<0000>\s*$/m);
  });

  it('leaves a glyph whose spans disagree as it was', () => {
    const objects = page('/Span <</ActualText <feff00660069>>> BDC BT /F1 10 Tf <0082> Tj ET EMC /Span <</ActualText <feff0066006c>>> BDC BT /F1 10 Tf <0082> Tj ET EMC', {'0082': '0000'});
    completeLigatureText(objects);
    expect(decodedStream(objects.get(4) ?? '')).toContain('<0082> <0000>');
  });
});

describe('describeLinks', () => {
  it('writes the words of each link into its annotation, and the address where it shows none', () => {
    const objects = page('/P <</MCID 0 >>BDC BT /F1 10 Tf <004100420001> Tj <0043> Tj ET EMC', {'0041': '0077', '0042': '0065', '0001': '0020', '0043': '0062'});
    objects.set(5, '<</Type /StructElem\n/S /NonStruct\n/Pg 1 0 R\n/K 0>>');
    objects.set(8, '<</Type /StructElem\n/S /Link\n/K [5 0 R <</Type /OBJR /Obj 6 0 R /Pg 1 0 R>>]>>');
    objects.set(9, '<</Type /StructElem\n/S /Link\n/K [<</Type /OBJR /Obj 7 0 R /Pg 1 0 R>>]>>');
    objects.set(6, '<</Type /Annot\n/Subtype /Link\n/A <</S /URI /URI (https://example.org/a)>>>>');
    objects.set(7, '<</Type /Annot\n/Subtype /Link\n/A <</S /URI /URI (https://example.org/\\(b\\))>>>>');
    describeLinks(objects);
    const contents = (number: number): string => Buffer.from(/\/Contents <FEFF([\dA-F]*)>/.exec(objects.get(number) ?? '')?.[1] ?? '', 'hex').swap16().toString('utf16le');
    expect(contents(6)).toBe('we b');
    expect(contents(7)).toBe('https://example.org/(b)');
  });

  it('takes the page’s words for each link, in reading order, when the page has as many links as the tree', () => {
    // Drawn right to left: the letters of «سلام» in visual order.
    const objects = page('/P <</MCID 0 >>BDC BT /F1 10 Tf <0041004200430044> Tj ET EMC', {'0041': '0645', '0042': '0627', '0043': '0644', '0044': '0633'});
    objects.set(10, '<</Type /Catalog\n/StructTreeRoot 11 0 R>>');
    objects.set(11, '<</Type /StructTreeRoot\n/K 12 0 R>>');
    // The tree holds the second link (9) before the first (8) in its object numbers' order.
    objects.set(12, '<</Type /StructElem\n/S /Document\n/K [9 0 R 8 0 R]>>');
    objects.set(5, '<</Type /StructElem\n/S /NonStruct\n/Pg 1 0 R\n/K 0>>');
    objects.set(9, '<</Type /StructElem\n/S /Link\n/K [5 0 R <</Type /OBJR /Obj 6 0 R /Pg 1 0 R>>]>>');
    objects.set(8, '<</Type /StructElem\n/S /Link\n/K [<</Type /OBJR /Obj 7 0 R /Pg 1 0 R>>]>>');
    objects.set(6, '<</Type /Annot\n/Subtype /Link\n/A <</S /URI /URI (https://example.org/a)>>>>');
    objects.set(7, '<</Type /Annot\n/Subtype /Link\n/A <</S /URI /URI (https://example.org/b)>>>>');
    const contents = (pdf: Map<number, string>, number: number): string => Buffer.from(/\/Contents <FEFF([\dA-F]*)>/.exec(pdf.get(number) ?? '')?.[1] ?? '', 'hex').swap16().toString('utf16le');
    const fallback = new Map(objects);
    describeLinks(objects, undefined, {root: 10, texts: ['سلام', 'the  second\nlink']});
    expect(contents(objects, 6)).toBe('سلام');
    expect(contents(objects, 7)).toBe('the second link');
    // A page with another count of links: the words as drawn.
    describeLinks(fallback, undefined, {root: 10, texts: ['one']});
    expect(contents(fallback, 6)).toBe('مالس');
    expect(contents(fallback, 7)).toBe('https://example.org/b');
  });

  it('keeps a description the annotation already has', () => {
    const objects = page('', {});
    objects.set(8, '<</Type /StructElem\n/S /Link\n/K [<</Type /OBJR /Obj 6 0 R>>]>>');
    objects.set(6, '<</Type /Annot\n/Subtype /Link\n/Contents (Read the report)>>');
    describeLinks(objects);
    expect(objects.get(6)).toBe('<</Type /Annot\n/Subtype /Link\n/Contents (Read the report)>>');
  });
});
