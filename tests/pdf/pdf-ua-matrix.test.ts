import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import sharp from 'sharp';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {checkPdf, findingLines} from '../../src/check/pdf/check-pdf.js';

/**
 * Every template × edition × paper, printed from the sample and from a manuscript with a
 * figure, a decorative image, a table, links and a footnote: each PDF passes the PDF
 * checker (a failing condition fails the test with its checkpoint number).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const templates = ['briefing', 'memo'] as const;
const editions = ['screen', 'print'] as const;
const papers = ['a4', 'letter'] as const;

const figures = `---
title: Soundings of the eastern channel
authors: [Pat Tester]
lang: en
---

The survey in [the June report](https://example.org/report) found the channel deeper than charted.[^1]

## What was measured

![Depth along the eastern channel, north to south](soundings.png)

![](rule.png)

| Berth | Depth |
| ----- | ----: |
| North | 4.5 m |
| South | 5.2 m |

### At the quay

Soundings were taken at [high water](https://example.org/tides).

[^1]: By the harbour board, on 12 June.
`;

let dir: string;
const combinations = templates.flatMap((template) => editions.flatMap((edition) => papers.map((paper) => ({template, edition, paper}))));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-pdfua-matrix-'));
  await writeFile(path.join(dir, 'figures.md'), figures);
  await copyFile(path.join(root, 'manuscripts/us-china-leaders-call.md'), path.join(dir, 'sample.md'));
  await sharp({create: {width: 60, height: 30, channels: 3, background: '#1d4e89'}}).png().toFile(path.join(dir, 'soundings.png'));
  await sharp({create: {width: 60, height: 2, channels: 3, background: '#999999'}}).png().toFile(path.join(dir, 'rule.png'));
  for (const {template, edition, paper} of combinations) {
    const report = await build(['sample.md', 'figures.md'], {cwd: dir, outDir: path.join(dir, `${template}-${edition}-${paper}`), template, edition, paper, formats: ['pdf']});
    expect(report.ok).toBe(true);
  }
}, 300_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe.each(combinations)('$template, $edition, $paper', ({template, edition, paper}) => {
  it.each(['sample', 'figures'])('%s.pdf passes every machine-checked PDF/UA-1 condition', async (name) => {
    const pdf = new Uint8Array(await readFile(path.join(dir, `${template}-${edition}-${paper}`, `${name}.pdf`)));
    expect(findingLines(`${name}.pdf`, await checkPdf(pdf))).toEqual([]);
  });
});
