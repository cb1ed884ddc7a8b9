import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it, type TestContext} from 'vitest';
import {buildDocument, compareFiles, corpusRoot, discoverDocuments, firstProblem, type BuildRun, type CorpusDocument} from '../helpers/corpus.js';
import {cssPointSizes, overlappingLines, outsidePage, shrunkPages, underfilledPages} from '../helpers/invariants-layout.js';
import {openDefects} from './open-defects.js';
import {badFonts, missingPageLabels, missingText, softHyphens} from '../helpers/invariants-text.js';
import {expectedBlocks} from '../helpers/manuscript-text.js';
import {readPdf, type PdfReading} from '../helpers/pdf-reading.js';
import {checkPdf} from '../../src/check/pdf/check-pdf.js';

declare module 'vitest' {
  interface TaskMeta {
    /** Seconds the document's first build took (for the report). */
    buildSeconds?: number;
    pages?: number;
  }
}

/*
 * Every document of the corpus, built as it is from its folder with the bundled CLI, then
 * read back from the PDF: one `describe` per document, one `it` per invariant, so that a
 * failure names both. The documents are discovered, never listed, and none is treated
 * differently from another: each stands for what users bring.
 */

const repository = path.resolve(import.meta.dirname, '../..');
const corpus = corpusRoot(repository);
// BRIEFING_CORPUS_ONLY=name,name narrows a run to folders whose names contain one of them.
const only = process.env['BRIEFING_CORPUS_ONLY']?.split(',').filter(Boolean);
const documents = discoverDocuments(corpus).filter((document) => !only || only.some((part) => document.name.includes(part)));
if (documents.length === 0) throw new Error(`No corpus document matches BRIEFING_CORPUS_ONLY=${only?.join(',')}`);
// BRIEFING_CORPUS_CLI: another build of the CLI (a snapshot of dist/, say, while dist/ is rebuilt).
const cli = path.resolve(repository, process.env['BRIEFING_CORPUS_CLI'] ?? 'dist/cli.js');
if (!existsSync(cli)) throw new Error(`No ${cli}: run \`npm run build\` first`);

// Outputs never go into the corpus (it is read-only and must stay as published).
const keep = process.env['BRIEFING_CORPUS_OUT'];
const work = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'briefing-corpus-'));
if (!path.relative(corpus, work).startsWith('..')) throw new Error(`The output folder ${work} lies inside the corpus ${corpus}`);
mkdirSync(work, {recursive: true});
afterAll(() => {
  if (!keep) rmSync(work, {recursive: true, force: true});
});

/** Both builds of a document run with this fixed time, so they may be compared byte for byte. */
const env = {SOURCE_DATE_EPOCH: '1700000000'};

/** Builds at once: each is a CLI with its own Chromium, and the machine has two cores. */
const concurrency = Math.max(1, Number(process.env['BRIEFING_CORPUS_JOBS'] ?? 2));

const queue: Array<() => Promise<void>> = [];
let running = 0;
/**
 * Run a task when a slot is free (tasks start in the order they were queued).
 *
 * @param task
 *   The work.
 * @returns
 *   Its result.
 */
function limited<T>(task: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push(async () => {
      try {
        resolve(await task());
      } catch (error) {
        reject(error as Error);
      } finally {
        running--;
        queue.shift()?.();
      }
    });
    if (running < concurrency) {
      running++;
      queue.shift()?.();
    }
  });
}

// Queue every build up front, in document order: the first document's checks run while
// later documents are still printing.
const builds = new Map<string, {first: Promise<BuildRun>; second: Promise<BuildRun>}>();
for (const document of documents) {
  const out = path.join(work, document.name);
  builds.set(document.name, {
    first: limited(() => buildDocument(document, cli, path.join(out, 'first'), env)),
    second: limited(() => buildDocument(document, cli, path.join(out, 'second'), env))
  });
}

const readings = new Map<string, Promise<PdfReading>>();

/** The font sizes the default template sets: the documents are built with it. */
const templateSizes = Promise.all(['style.css', 'print.css'].map((name) => readFile(path.join(repository, 'templates/briefing', name), 'utf8'))).then((sheets) => cssPointSizes(sheets.join('\n')));
/**
 * The document's first build, read back (once, shared by its invariants).
 *
 * @param document
 *   The document.
 * @returns
 *   The reading; rejects when there is no PDF to read, which fails the invariant.
 */
function reading(document: CorpusDocument): Promise<PdfReading> {
  let found = readings.get(document.name);
  if (!found) {
    found = (async () => {
      const run = await (builds.get(document.name)?.first as Promise<BuildRun>);
      if (run.code !== 0 || !existsSync(run.pdf)) throw new Error(`no PDF to check: the build exited ${run.code}: ${firstProblem(run.stderr)}`);
      return readPdf(run.pdf, run.html);
    })();
    readings.set(document.name, found);
  }
  return found;
}

/**
 * Fail with the number of problems and the first few.
 *
 * @param problems
 *   What an invariant found.
 */
function expectNone(problems: readonly string[]): void {
  const shown = problems.slice(0, 8).join('\n  ');
  expect(problems.length, `${problems.length} problem(s):\n  ${shown}${problems.length > 8 ? '\n  …' : ''}\n`).toBe(0);
}

/**
 * `it`, or `it.fails` where the ledger says the check still fails for this document.
 *
 * @param document
 *   The document.
 * @param name
 *   The test's name; its first word names the check.
 * @param check
 *   The check.
 */
function checkIt(document: CorpusDocument, name: string, check: (context: TestContext) => Promise<void>): void {
  const key = name.split(':')[0] ?? name;
  const open = openDefects.find((entry) => entry.document === document.name && entry.check === key);
  if (open) {
    it.fails(`${name} (open defect: ${open.defect})`, check);
  } else {
    it(name, check);
  }
}

for (const document of documents) {
  describe(document.name, () => {
    it('exit 0: the document builds unchanged from its folder', async ({task}) => {
      const run = await (builds.get(document.name)?.first as Promise<BuildRun>);
      task.meta.buildSeconds = run.seconds;
      expect(run.code, `${document.manuscript}: exit ${run.code}: ${firstProblem(run.stderr)}`).toBe(0);
      expect(existsSync(run.pdf), `no ${run.pdf}`).toBe(true);
      task.meta.pages = (await reading(document)).lines.length;
    });

    checkIt(document, 'text: every paragraph, item, cell, heading and code block of the source is in the text layer', async () => {
      const markdown = await readFile(path.join(document.dir, document.manuscript), 'utf8');
      expectNone(missingText(expectedBlocks(markdown), await reading(document)));
    });

    checkIt(document, 'page i of n: every page carries its localised label', async () => {
      expectNone(missingPageLabels(await reading(document)));
    });

    checkIt(document, 'overlap: no line box overlaps another', async () => {
      expectNone(overlappingLines(await reading(document)));
    });

    checkIt(document, 'page box: nothing is drawn outside the media box', async () => {
      expectNone(outsidePage(await reading(document)));
    });

    checkIt(document, 'scale: every page prints at the sizes the template sets (never shrunk to fit)', async () => {
      expectNone(shrunkPages(await reading(document), await templateSizes));
    });

    checkIt(document, 'fill: no page but the last is under 40 % filled unless the next block could not fit', async () => {
      expectNone(underfilledPages(await reading(document)));
    });

    checkIt(document, 'fonts: every font is embedded and none is Type 3', async () => {
      expectNone(badFonts(await reading(document)));
    });

    checkIt(document, 'pdf/ua: every machine-checked PDF/UA-1 condition holds (but 14-003, a heading level the manuscript itself skips)', async () => {
      const run = await (builds.get(document.name)?.first as Promise<BuildRun>);
      // 14-003 follows the author's headings; `briefing check` reports a skipped level at its line.
      const findings = (await checkPdf(new Uint8Array(await readFile(run.pdf)))).filter((finding) => finding.checkpoint !== '14-003');
      expectNone(findings.map((finding) => `${finding.checkpoint} ${finding.condition} (${finding.where.join(', ')})`));
    });

    checkIt(document, 'soft hyphens: no U+00AD in the text layer', async () => {
      expectNone(softHyphens(await reading(document)));
    });

    checkIt(document, 'reproducible: a rebuild with SOURCE_DATE_EPOCH is byte-identical (PDF and HTML)', async () => {
      const run = builds.get(document.name);
      const [first, second] = await Promise.all([run?.first, run?.second]);
      if (!first || !second) throw new Error('no builds');
      expect([first.code, second.code], `the builds exited ${first.code} and ${second.code}: ${firstProblem(first.stderr)}`).toEqual([0, 0]);
      const differences = (await Promise.all([compareFiles(first.pdf, second.pdf), compareFiles(first.html, second.html)])).filter((difference) => difference !== undefined);
      expectNone(differences);
    });
  });
}
