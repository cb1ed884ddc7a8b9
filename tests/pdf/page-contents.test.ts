import {deflateSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {decodeContents, decodedStream, encodeContents} from '../../src/pdf/page-contents.js';
import {flateStream, openStream} from '../../src/pdf/text-layer-clusters.js';
import {withoutSoftHyphenMarks} from '../../src/pdf/text-layer-soft-hyphens.js';

/** A Flate-compressed stream object as Chrome writes one. */
function chromeStream(data: string): string {
  const compressed = deflateSync(Buffer.from(data, 'latin1'), {level: 9});
  return `<</Filter /FlateDecode\n/Length ${compressed.length}>> stream\n${compressed.toString('latin1')}\nendstream`;
}

const plain = 'BT /F1 12 Tf 1 0 0 -1 10 20 Tm <0011> Tj ET';
const hyphenated = 'BT /F1 12 Tf 1 0 0 -1 10 20 Tm <0011> Tj /Span<</ActualText <FEFF00AD> >> BDC\n4 0 Td <0001> Tj\nEMC\n0 0 Td <0012> Tj ET';

/** Two pages: one with a plain stream, one with a stream with a soft hyphen and a second plain one; a font program that is no page's content. */
function pdfObjects(): Map<number, string> {
  return new Map([
    [1, '<</Type /Page /Contents 2 0 R /Resources <<>>>>'],
    [2, chromeStream(plain)],
    [3, '<</Type /Page /Contents [4 0 R 5 0 R] /Resources <<>>>>'],
    [4, chromeStream(hyphenated)],
    [5, chromeStream(`${plain} q Q`)],
    [6, chromeStream('not content')],
    [7, '<</Type /Page /Contents 8 0 R>>'],
    [8, '<</Filter /DCTDecode /Length 3>> stream\nabc\nendstream']
  ]);
}

const data = (object: string | undefined): string | undefined => openStream(object)?.data.toString('latin1');

describe('decodeContents and encodeContents', () => {
  it('hold every page content stream decoded and cleaned, and leave other streams and unreadable ones alone', () => {
    const objects = pdfObjects();
    const before = new Map(objects);
    const decoded = decodeContents(objects, openStream, withoutSoftHyphenMarks);
    expect([...decoded.keys()]).toEqual([2, 4, 5]);
    expect(objects.get(2)).toBe(decodedStream(plain));
    expect(objects.get(4)).toBe(decodedStream(withoutSoftHyphenMarks(hyphenated)));
    expect(objects.get(4)).not.toContain('00AD');
    expect(objects.get(6)).toBe(before.get(6));
    expect(objects.get(8)).toBe(before.get(8));
  });

  it('give an untouched stream its own bytes back, and compress a cleaned one or one a pass wrote decoded', () => {
    const objects = pdfObjects();
    const before = new Map(objects);
    const decoded = decodeContents(objects, openStream, withoutSoftHyphenMarks);
    // A pass rewrites stream 5 decoded; none touches 2; 4 was only cleaned.
    objects.set(5, decodedStream(`${plain} q 1 0 0 1 0 0 cm Q`));
    encodeContents(objects, decoded, flateStream);
    expect(objects.get(2)).toBe(before.get(2));
    expect(objects.get(4)).toBe(flateStream(Buffer.from(withoutSoftHyphenMarks(hyphenated), 'latin1')));
    expect(data(objects.get(5))).toBe(`${plain} q 1 0 0 1 0 0 cm Q`);
    expect(objects.get(5)).toMatch(/^<<\/Filter \/FlateDecode\n\/Length \d+>>\nstream\n/);
  });

  it('leave a stream a pass wrote compressed as the pass wrote it', () => {
    const objects = pdfObjects();
    const decoded = decodeContents(objects, openStream, withoutSoftHyphenMarks);
    const written = flateStream(Buffer.from('q Q', 'latin1'));
    objects.set(2, written);
    encodeContents(objects, decoded, flateStream);
    expect(objects.get(2)).toBe(written);
    expect(data(objects.get(2))).toBe('q Q');
  });

  it('read a stream shared by two pages once', () => {
    const objects = new Map([
      [1, '<</Type /Page /Contents 3 0 R>>'],
      [2, '<</Type /Page /Contents 3 0 R>>'],
      [3, chromeStream(hyphenated)]
    ]);
    const decoded = decodeContents(objects, openStream, withoutSoftHyphenMarks);
    expect(decoded.size).toBe(1);
    expect(data(objects.get(3))).toBe(withoutSoftHyphenMarks(hyphenated));
  });
});
