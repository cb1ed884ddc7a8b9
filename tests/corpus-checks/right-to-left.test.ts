import {describe, expect, it} from 'vitest';
import {missingText, rows} from '../helpers/invariants-text.js';
import {expectedBlocks} from '../helpers/manuscript-text.js';
import type {TextLine} from '../helpers/pdf-lines.js';
import type {PdfReading} from '../helpers/pdf-reading.js';
import {lastStrong, visualToLogical} from '../helpers/text-match.js';

// How the harness reads right-to-left pages back, in our own Persian and Latin words.

/** Words as poppler gives them: visual order, boxes in points from the top left. */
interface Drawn {
  readonly text: string;
  readonly x: number;
  /** The top of its box: a word a point lower sits on a baseline of its own. */
  readonly y: number;
}

/** Poppler lines, each a list of words; every word 20 pt tall, 6 pt a character. */
function line(words: readonly Drawn[], block = 0): TextLine {
  const boxes = words.map((word) => ({text: word.text, xMin: word.x, xMax: word.x + 6 * word.text.length, yMin: word.y, yMax: word.y + 20}));
  return {
    text: boxes.map((word) => word.text).join(' '),
    words: boxes,
    block,
    xMin: Math.min(...boxes.map((word) => word.xMin)),
    xMax: Math.max(...boxes.map((word) => word.xMax)),
    yMin: Math.min(...boxes.map((word) => word.yMin)),
    yMax: Math.max(...boxes.map((word) => word.yMax))
  };
}

/** A one-page reading of lines (pdf.js given the same text in the same order). */
function reading(lines: readonly TextLine[]): PdfReading {
  return {
    lang: 'fa',
    lines: [{width: 595, height: 842, lines, blocks: []}],
    geometry: [{page: {xMin: 0, yMin: 0, xMax: 595, yMax: 842}, text: lines.map((each) => ({...each, str: each.text, baseline: each.yMax, size: 10})), images: []}],
    fonts: [],
    margins: () => ({top: 72, bottom: 72})
  };
}

describe('visualToLogical', () => {
  it('takes the levels from the line turned round or as drawn, which a line alone cannot tell apart', () => {
    // `24 Pull Requests` in a right-to-left paragraph is drawn with the number on the right.
    expect(visualToLogical('Pull Requests 24', 'rtl', 'reversed')).toBe('24 Pull Requests');
    // A link's number inside its Latin run stays there when the levels come from the drawing.
    expect(visualToLogical('kite, [«Wind notes»](https://example.org/issues/77)@ —', 'rtl', 'visual')).toBe('— @kite, [«Wind notes»](https://example.org/issues/77)');
    expect(visualToLogical('kite, [«Wind notes»](https://example.org/issues/77)@ —', 'rtl', 'reversed')).not.toBe('— @kite, [«Wind notes»](https://example.org/issues/77)');
  });

  it('reads a number at a line’s start with the Latin run the line before ended with', () => {
    // (The closing bracket goes to the line's end either way: the line does not say what followed it.)
    expect(visualToLogical('10/kite-festival/)', 'rtl', 'visual')).toBe(')/kite-festival/10');
    expect(visualToLogical('10/kite-festival/)', 'rtl', 'visual', 'L')).toBe(')/10/kite-festival');
  });

  it('turns a code line of a right-to-left document with a left-to-right base', () => {
    // `<input placeholder="جستجو">` drawn left to right, its Persian word reversed.
    expect(visualToLogical('<input placeholder="وجتسج">', 'ltr', 'visual')).toBe('<input placeholder="جستجو">');
    expect(visualToLogical('<input placeholder="x">', 'ltr')).toBe('<input placeholder="x">');
  });

  it('knows the last strong direction of a line', () => {
    expect(lastStrong('باد و kite 12.')).toBe('L');
    expect(lastStrong('kite باد 12')).toBe('R');
    expect(lastStrong('12 — 14')).toBeUndefined();
  });
});

describe('rows', () => {
  it('joins left to right the lines poppler cut from one row, and keeps rows apart', () => {
    const cut = [line([{text: 'ناب', x: 200, y: 100}, {text: 'زا', x: 230, y: 100}]), line([{text: 'آ', x: 190, y: 101.2}]), line([{text: 'رگید', x: 200, y: 122}], 1)];
    expect(rows(cut)).toEqual([
      {text: 'آ ناب زا', block: 0},
      {text: 'رگید', block: 1}
    ]);
  });
});

describe('text, right to left', () => {
  // «از باغ آن» (from that garden) and the next sentence, drawn in visual order, with the
  // alef madda set a point higher, where poppler reads it as a line of its own.
  const markdown = 'از باغ آن باد آمد.\n';
  const drawn = (madda: string): TextLine[] => [
    line([{text: '.دم', x: 100, y: 100}, {text: 'داب', x: 130, y: 100}, {text: 'ن', x: 170, y: 100}, {text: 'غاب', x: 200, y: 100}, {text: 'زا', x: 230, y: 100}]),
    line([{text: madda, x: 119, y: 98.8}, {text: madda, x: 176, y: 98.8}])
  ];

  it('finds a paragraph whose letters poppler put on a line of their own', () => {
    expect(missingText(expectedBlocks(markdown), reading(drawn('آ')))).toEqual([]);
  });

  it('still finds a letter missing', () => {
    expect(missingText(expectedBlocks(markdown), reading(drawn('ا')))).toHaveLength(1);
    expect(missingText(expectedBlocks('از باغ آن باد آمد و رفت.\n'), reading(drawn('آ')))).toHaveLength(1);
  });
});
