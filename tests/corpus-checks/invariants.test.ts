import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cssPointSizes, overlappingLines, outsidePage, shrunkPages, underfilledPages} from '../helpers/invariants-layout.js';
import {badFonts, missingPageLabels, missingText, softHyphens} from '../helpers/invariants-text.js';
import {expectedBlocks} from '../helpers/manuscript-text.js';
import {makePdf, type Mark} from './make-pdf.js';

// Each invariant of the corpus harness, shown to fail on a PDF made to break it and to
// pass on the same page made right. The pages are drawn with pdf-lib, in our own words.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-corpus-checks-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** Lines of running text from `top`, 16 pt apart, in the one-inch margins. */
function lines(top: number, count: number, words = 'the harbour ferry leaves at nine'): Mark[] {
  return Array.from({length: count}, (_, index) => ({text: `${words} ${index + 1}`, x: 72, y: top + index * 16}));
}

/** The page number in the bottom margin. */
function label(text: string): Mark {
  return {text, x: 460, y: 800, size: 8};
}

describe('overlap', () => {
  it('finds two lines printed over each other, and none in lines set apart', async () => {
    const bad = await makePdf(dir, 'overlap-bad', [[...lines(100, 3), {text: 'a heading that wraps onto itself', x: 72, y: 200, size: 20}, {text: 'and prints its second line here', x: 72, y: 207, size: 20}]]);
    const problems = overlappingLines(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^page 1: “a heading that wraps onto itself” and “and prints its second line here” overlap/);
    expect(overlappingLines(await makePdf(dir, 'overlap-good', [[...lines(100, 3), {text: 'a heading set right', x: 72, y: 200, size: 20}, {text: 'with room for its line', x: 72, y: 224, size: 20}]]))).toEqual([]);
  });

  it('finds text drawn over text on the same line (a cell running into the next)', async () => {
    const bad = await makePdf(dir, 'overlap-cell', [[{text: 'a long cell that runs on', x: 72, y: 100}, {text: 'next cell', x: 140, y: 100}]]);
    expect(overlappingLines(bad)).toHaveLength(1);
  });
});

describe('page box', () => {
  it('finds text running off the page and an image beyond its edge', async () => {
    const bad = await makePdf(dir, 'outside', [[...lines(100, 2), {text: 'this line is far too long to stop before the edge', x: 480, y: 300}], [{image: {width: 100, height: 50}, x: -30, y: 100}]]);
    const problems = outsidePage(bad);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^page 1 .*1 text runs and 0 images outside, first text “this line is far too long/);
    expect(problems[1]).toMatch(/^page 2 .*0 text runs and 1 images outside/);
    expect(outsidePage(await makePdf(dir, 'inside', [[...lines(100, 2), {image: {width: 100, height: 50}, x: 72, y: 300}]]))).toEqual([]);
  });
});

describe('page i of n', () => {
  it('finds a page without its label, a wrong count and a label in the wrong language', async () => {
    const pages = [[...lines(100, 2), label('Page 1 of 3')], [...lines(100, 2)], [...lines(100, 2), label('Page 3 of 4')]];
    const problems = missingPageLabels(await makePdf(dir, 'labels-bad', pages));
    expect(problems.map((problem) => problem.slice(0, 7))).toEqual(['page 2 ', 'page 3 ']);
    expect(problems[0]).toContain('expected “Page 2 of 3”');
    const good = [[...lines(100, 2), label('Page 1 of 2')], [...lines(100, 2), label('Page 2 of 2')]];
    expect(missingPageLabels(await makePdf(dir, 'labels-good', good))).toEqual([]);
    // The same pages in a French document: the English label is not accepted.
    expect(missingPageLabels(await makePdf(dir, 'labels-fr-en', good, 'fr'))).toHaveLength(2);
    const french = [[...lines(100, 2), label('Page 1 sur 2')], [...lines(100, 2), label('Page 2 sur 2')]];
    expect(missingPageLabels(await makePdf(dir, 'labels-fr', french, 'fr-CA'))).toEqual([]);
  });

  it('does not take a label in the body for the page number, nor page 11 for page 1', async () => {
    const pages = [[{text: 'Page 1 of 1 is quoted in the body', x: 72, y: 100}, label('Page 11 of 1')]];
    expect(missingPageLabels(await makePdf(dir, 'labels-body', pages))).toHaveLength(1);
  });
});

describe('fill', () => {
  it('finds a page left near empty before a block that would have fitted', async () => {
    const problems = underfilledPages(await makePdf(dir, 'fill-bad', [lines(72, 5), [...lines(72, 3), ...lines(140, 35)], lines(72, 3)]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^page 1 is \d+ % filled \(\d+ pt free\) and page 2 begins with a \d+ pt block/);
  });

  it('lets a page end early when the next block is taller than the space left, and ignores the last page', async () => {
    const figure: Mark = {image: {width: 300, height: 660}, x: 72, y: 72};
    expect(underfilledPages(await makePdf(dir, 'fill-figure', [lines(72, 5), [figure], lines(72, 2)]))).toEqual([]);
    expect(underfilledPages(await makePdf(dir, 'fill-good', [lines(72, 40), lines(72, 2)]))).toEqual([]);
  });

  it('takes a heading with the block it is kept with', async () => {
    const heading: Mark = {text: 'A heading kept with its figure', x: 72, y: 72, size: 14};
    const figure: Mark = {image: {width: 300, height: 640}, x: 72, y: 96};
    expect(underfilledPages(await makePdf(dir, 'fill-heading', [lines(72, 5), [heading, figure], lines(72, 2)]))).toEqual([]);
  });
});

describe('fonts', () => {
  it('finds an unembedded font and a Type 3 font', async () => {
    const problems = badFonts(await makePdf(dir, 'fonts', [[...lines(100, 1), {type3: 'boxes', x: 72, y: 200}]]));
    expect(problems).toContain('font Helvetica (Type 1) is not embedded');
    expect(problems.some((problem) => problem.startsWith('Type 3 font'))).toBe(true);
  });
});

describe('soft hyphens', () => {
  it('finds U+00AD in the text layer, and nothing in clean text', async () => {
    const problems = softHyphens(await makePdf(dir, 'shy', [[{text: 'the long hyphen\u00ADation of words', x: 72, y: 100}]]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('hyphen⟨SHY⟩ation');
    expect(softHyphens(await makePdf(dir, 'no-shy', [[{text: 'the long hyphenation of words', x: 72, y: 100}]]))).toEqual([]);
  });
});

describe('text', () => {
  const markdown = 'The harbour ferry leaves at nine.\n\nThe night bus waits for the ferry.\n\n| Stop | Time |\n| --- | --- |\n| Quay | 21:40 |\n';

  it('finds a missing paragraph and a missing cell, naming their lines', async () => {
    const pdf = await makePdf(dir, 'text-bad', [[{text: 'The harbour ferry leaves at nine.', x: 72, y: 100}, {text: 'Stop Time Quay', x: 72, y: 120}]]);
    const problems = missingText(expectedBlocks(markdown), pdf);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 3 \(paragraph\) “The night bus waits for the ferry\.” is not in the text layer/);
    expect(problems[1]).toMatch(/^line 7 \(tableCell\) “21:40”/);
  });

  it('finds a paragraph that lost its last word', async () => {
    const pdf = await makePdf(dir, 'text-cut', [[{text: 'The harbour ferry leaves at', x: 72, y: 100}]]);
    expect(missingText(expectedBlocks('The harbour ferry leaves at nine.\n'), pdf)).toHaveLength(1);
  });

  it('accepts the text broken over lines and pages, hyphenated, with typographic quotes and a running footer between', async () => {
    const pdf = await makePdf(dir, 'text-good', [
      [{text: 'The “night bus” waits for the har-', x: 72, y: 740}, {text: 'bour ferry, which', x: 72, y: 756}, label('Page 1 of 2')],
      [{text: 'leaves at nine.', x: 72, y: 72}, label('Page 2 of 2')]
    ]);
    expect(missingText(expectedBlocks('The "night bus" waits for the harbour ferry, which leaves at nine.\n'), pdf)).toEqual([]);
  });

  it('accepts a note mark between a link and the text after it, not a longer insertion', async () => {
    const blocks = expectedBlocks('See [the timetable](https://example.org/t) for the ferry.\n');
    const marked = await makePdf(dir, 'text-note', [[{text: 'See the timetable [3] for the ferry.', x: 72, y: 100}]]);
    expect(missingText(blocks, marked)).toEqual([]);
    const padded = await makePdf(dir, 'text-padded', [[{text: 'See the timetable and something else entirely for the ferry.', x: 72, y: 100}]]);
    expect(missingText(blocks, padded)).toHaveLength(1);
  });
});

describe('scale', () => {
  it('finds a page whose text is at a size the template does not set (shrunk to fit), and none at its sizes', async () => {
    const sizes = cssPointSizes('html { --size: 10.5pt; } .note { font: 600 7pt/1 sans; } table { font-size: 9pt }');
    expect(sizes).toEqual([7, 9, 10.5]);
    const set = (size: number): Mark[] => lines(100, 12).map((mark) => ({...mark, size}));
    expect(shrunkPages(await makePdf(dir, 'scale-good', [set(10.5), set(9)]), sizes)).toEqual([]);
    const problems = shrunkPages(await makePdf(dir, 'scale-bad', [set(10.5), set(10.21)]), sizes);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^page 2: its text is set at 10\.21 pt, a size the template does not set \(97 % of 10\.5 pt\?\)/);
  });

  it('lets text at sizes given in em outnumber the body text, not a page where nothing is at a named size', async () => {
    // A page of image traces (0.85em of 10.5 pt) above a paragraph at 10.5 pt, and the same page shrunk to 99 %.
    const page = (scale: number): Mark[] => [
      ...lines(100, 9, '[image: Downloads — https://img.example.org/badge.svg]').map((mark) => ({...mark, size: 8.925 * scale})),
      ...lines(300, 3).map((mark) => ({...mark, size: 10.5 * scale}))
    ];
    expect(shrunkPages(await makePdf(dir, 'scale-em', [page(1)]), [9, 10.5])).toEqual([]);
    expect(shrunkPages(await makePdf(dir, 'scale-em-shrunk', [page(0.99)]), [9, 10.5])).toHaveLength(1);
  });

  it('says nothing of a page with too little text to tell', async () => {
    expect(shrunkPages(await makePdf(dir, 'scale-short', [[{text: 'a short caption', x: 72, y: 100, size: 6.3}]]), [10.5])).toEqual([]);
  });
});
