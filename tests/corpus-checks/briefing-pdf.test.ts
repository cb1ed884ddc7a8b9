import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildDocument, firstProblem, type BuildRun} from '../helpers/corpus.js';
import {overlappingLines, outsidePage, underfilledPages} from '../helpers/invariants-layout.js';
import {missingPageLabels, missingText} from '../helpers/invariants-text.js';
import {expectedBlocks} from '../helpers/manuscript-text.js';
import {readPdf, type PdfReading} from '../helpers/pdf-reading.js';

// The harness on a PDF of our own tool, built as the corpus is built (the bundled CLI,
// from the document's folder): the checks hold where briefing gets it right, and a word
// the PDF does not hold is found missing.

const paragraph = (index: number): string =>
  `Paragraph ${index} of the harbour report: the ferry timetable changes in winter, the night bus waits at the quay, and the ticket office opens at seven.`;
const markdown = [
  '---',
  'title: Harbour report',
  'authors: [Pat Tester]',
  '---',
  '',
  ...Array.from({length: 24}, (_, index) => [`## Section ${index + 1}`, '', paragraph(index + 1), '', `- Quay ${index + 1} is open.`, '']).flat()
].join('\n');

let dir: string;
let run: BuildRun;
let reading: PdfReading;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-corpus-own-'));
  await writeFile(path.join(dir, 'harbour.md'), markdown);
  run = await buildDocument({name: 'own', dir, manuscript: 'harbour.md'}, path.resolve('dist/cli.js'), path.join(dir, 'out'), {SOURCE_DATE_EPOCH: '1700000000'});
  expect(run.code, firstProblem(run.stderr)).toBe(0);
  reading = await readPdf(run.pdf, run.html);
}, 120_000);
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('a briefing PDF of our own words', () => {
  it('spans pages, with the template’s margins read from its style sheet', () => {
    expect(reading.lines.length).toBeGreaterThanOrEqual(2);
    expect(reading.lang).toBe('en');
    expect(reading.margins(2).top).toBeGreaterThan(30);
  });

  it('holds every block of its source, and misses a word the source adds', () => {
    expect(missingText(expectedBlocks(markdown), reading)).toEqual([]);
    const problems = missingText(expectedBlocks(markdown.replace('opens at seven.', 'opens at seven sharp.')), reading);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 8 \(paragraph\) “Paragraph 1 of the harbour report/);
  });

  it('has its page labels in the margins, no overlapping line, nothing off the page, no underfilled page', () => {
    expect(missingPageLabels(reading)).toEqual([]);
    expect(overlappingLines(reading)).toEqual([]);
    expect(outsidePage(reading)).toEqual([]);
    expect(underfilledPages(reading)).toEqual([]);
  });
});
