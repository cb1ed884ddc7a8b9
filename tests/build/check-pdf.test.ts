import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PDFDocument} from 'pdf-lib';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {reportPdfFindings} from '../../src/check/pdf/pdf-messages.js';
import {run} from '../cli/helpers.js';

/**
 * `build --check-pdf`: the PDF checker on each PDF a build makes, its failures errors on
 * the manuscript, a heading out of level at the heading's own line.
 */
const levels = `---
title: Levels of the harbour report
lang: en
---

The board asked for the soundings of both channels.

## The eastern channel

Deeper than charted along the quay.

#### Soundings at the quay

Four and a half metres at low water.

## The western channel

### Silt

Silt has built up since the spring.

###### Along the breakwater

Less than three metres in places.
`;

const clean = `---
title: A clean report
lang: en
---

The board met on Thursday.

## Dredging

Work starts in May.
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-check-pdf-build-'));
  await writeFile(path.join(dir, 'levels.md'), levels);
  await writeFile(path.join(dir, 'clean.md'), clean);
});

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** A message as `line:column reason [rule]`. */
const line = (message: {line?: number | undefined; column?: number | undefined; reason: string; ruleId?: string | undefined; fatal?: boolean | null | undefined}): string =>
  `${message.line ?? '-'}:${message.column ?? '-'} ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.ruleId}]`;

describe('build with inspectPdf: reportPdfFindings', () => {
  it('fails a document whose headings skip levels, with an error at each such heading, and still writes its PDF', async () => {
    const report = await build(['levels.md', 'clean.md'], {cwd: dir, outDir: path.join(dir, 'out'), formats: ['pdf'], inspectPdf: reportPdfFindings});
    const [skipping, passing] = report.documents;
    expect(report.ok).toBe(false);
    expect(skipping?.ok).toBe(false);
    const condition = 'Numbered heading levels in descending sequence are skipped (Example: H3 follows directly after H1).';
    expect(skipping?.file.messages.map(line)).toEqual([
      `12:1 error 14-003 ${condition} (H2 → H4), in \`out/levels.pdf\` [pdf-check]`,
      `22:1 error 14-003 ${condition} (H3 → H6), in \`out/levels.pdf\` [pdf-check]`
    ]);
    expect(skipping?.outputs).toEqual(['out/levels.pdf']);
    expect((await PDFDocument.load(await readFile(path.join(dir, 'out', 'levels.pdf')))).getPageCount()).toBeGreaterThan(0);
    expect(passing?.ok).toBe(true);
    expect(passing?.file.messages).toEqual([]);
  });

  it('puts a condition about the file (its pages, its metadata) on the manuscript without a line', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawText('Untagged', {font: await doc.embedFont('Helvetica'), x: 10, y: 100});
    const file = new VFile({path: 'plain.md', value: ''});
    const report = await reportPdfFindings(await doc.save(), file, 'plain.pdf');
    expect(report.findings.map((finding) => finding.checkpoint)).toContain('01-005');
    expect(file.messages.length).toBe(report.findings.length);
    for (const message of file.messages) {
      expect(message.line).toBeUndefined();
      expect(message.fatal).toBe(true);
      expect(message.reason).toMatch(/^(\d\d-\d\d\d|PDF[^ ]* [^ ]+) .*, in `plain\.pdf`$/);
    }
    expect(file.messages.map((message) => message.reason)).toContain('01-005 Content is neither marked as Artifact nor tagged as real content. (page 1), in `plain.pdf`');
  });

  it('gives a heading finding no line when the page’s headings are not the PDF’s', async () => {
    const built = await build(['levels.md'], {cwd: dir, write: false, formats: ['pdf']});
    const pdf = built.documents[0]?.pdf as Uint8Array;
    const file = new VFile({path: 'levels.md', value: levels});
    // The page as the HTML stage saw it, with one heading more than the PDF has.
    file.data.headings = [...(built.documents[0]?.file.data.headings ?? []), {level: 2, text: 'Extra', place: {line: 99, column: 1}}];
    await reportPdfFindings(pdf, file, 'levels.pdf');
    expect(file.messages.map(line)).toEqual([
      expect.stringMatching(/^-:- error 14-003 .* \(H2 → H4, H3 → H6\), in `levels\.pdf` \[pdf-check\]$/)
    ]);
  });
});

describe('briefing build --check-pdf', () => {
  it('prints each failure at its line and exits 1; a clean manuscript passes and exits 0', async () => {
    const failing = await run(['build', 'levels.md', '--check-pdf', '--format', 'pdf', '--out-dir', 'cli'], {cwd: dir});
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^levels\.md:12:1: error 14-003 Numbered heading levels .* \(H2 → H4\), in `cli\/levels\.pdf`/m);
    expect(failing.stderr).toMatch(/^levels\.md:22:1: error 14-003 .* \(H3 → H6\)/m);
    expect(failing.stderr).toMatch(/^✗ levels\.md → cli\/levels\.pdf \(1 page, \d+ KB, [\d.]+ s\), with errors$/m);
    const passing = await run(['build', 'clean.md', '--check-pdf', '--format', 'pdf', '--out-dir', 'cli'], {cwd: dir});
    expect(passing.stderr).not.toContain('error');
    expect(passing.code).toBe(0);
  });

  it('is a usage error without the pdf format, or with --watch', async () => {
    const html = await run(['build', 'clean.md', '--check-pdf', '--format', 'html'], {cwd: dir});
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('--check-pdf checks PDFs; add pdf to --format');
    const watch = await run(['build', 'clean.md', '--check-pdf', '--watch'], {cwd: dir});
    expect(watch.code).toBe(2);
    expect(watch.stderr).toContain('--check-pdf checks the PDFs of one build; it cannot be combined with --watch');
  });
});
