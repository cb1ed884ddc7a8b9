import {deflateSync, inflateSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {streamWithoutSoftHyphenMarks, withoutSoftHyphenMarks} from '../../src/pdf/text-layer-soft-hyphens.js';

/** A line of text as Chrome writes it: every glyph placed by `Td`, soft hyphens marked. */
const line = [
  'BT',
  '/F6 14 Tf',
  '1 0 0 -1 0 92 Tm',
  '<0006> Tj',
  '8.9319611 0 Td <0033> Tj',
  '/Span<</ActualText <feff00ad> >> BDC',
  '7.9659729 0 Td <0001> Tj',
  'EMC',
  '0 0 Td <002f> Tj',
  '5.0259857 0 Td <002d> Tj',
  '/Span<</ActualText <FEFF00AD> >> BDC',
  '6.2439728 0 Td [<0001>] TJ',
  'EMC',
  'ET'
].join('\n');

describe('withoutSoftHyphenMarks', () => {
  it('drops the marked invisible glyphs and keeps every positioning and every other glyph', () => {
    const cleaned = withoutSoftHyphenMarks(line);
    expect(cleaned).not.toMatch(/ActualText|<0001>/);
    for (const kept of ['<0006> Tj', '<0033> Tj', '7.9659729 0 Td', '0 0 Td <002f> Tj', '<002d> Tj', '6.2439728 0 Td', 'ET']) expect(cleaned).toContain(kept);
  });

  it('keeps the glyph that the next glyph is placed after, standing for nothing, and other actual texts', () => {
    const flowing = 'BT\n/Span<</ActualText <feff00ad> >> BDC\n1 0 Td <0001> Tj\nEMC\n<0002> Tj\nET';
    expect(withoutSoftHyphenMarks(flowing)).toBe(flowing.replace('<feff00ad>', '<feff>'));
    const ligature = 'BT\n/Span<</ActualText <feff00660069> >> BDC\n1 0 Td <0009> Tj\nEMC\n0 0 Td <0002> Tj\nET';
    expect(withoutSoftHyphenMarks(ligature)).toBe(ligature);
  });

  it('drops U+00AD from the actual text of a ligature shaped across a soft hyphen', () => {
    const ligature = 'BT\n/Span<</ActualText <feff006600ad0074> >> BDC\n7.57 0 Td <0080> Tj\n9.66 0 Td <0001> Tj\nEMC\n0 0 Td <0002> Tj\nET';
    expect(withoutSoftHyphenMarks(ligature)).toBe(ligature.replace('<feff006600ad0074>', '<feff00660074>'));
  });

  it('rewrites a Flate content stream object with its new length, and leaves other streams alone', () => {
    const data = deflateSync(Buffer.from(line, 'latin1')).toString('latin1');
    const object = `<</Filter /FlateDecode\n/Length ${data.length}>>\nstream\n${data}\nendstream`;
    const rewritten = streamWithoutSoftHyphenMarks(object);
    const head = /^<<\/Filter \/FlateDecode\n\/Length (\d+)>>\nstream\n/.exec(rewritten);
    expect(head).not.toBeNull();
    const body = rewritten.slice(head?.[0].length, (head?.[0].length ?? 0) + Number(head?.[1]));
    expect(rewritten.slice((head?.[0].length ?? 0) + Number(head?.[1]))).toBe('\nendstream');
    expect(inflateSync(Buffer.from(body, 'latin1')).toString('latin1')).toBe(withoutSoftHyphenMarks(line));
    const font = `<</Length1 3688\n/Filter /FlateDecode\n/Length ${data.length}>>\nstream\n${data}\nendstream`;
    expect(streamWithoutSoftHyphenMarks(font)).toBe(font);
  });
});
