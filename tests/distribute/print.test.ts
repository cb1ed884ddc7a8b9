import {execFile} from 'node:child_process';
import {mkdtemp, readFile, readdir, rm, stat} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {PDFDocument} from 'pdf-lib';
import pixelmatch from 'pixelmatch';
import {PNG} from 'pngjs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {PrintError, submitPrintJob, waitForPrintJob} from '../../src/distribute/print-job.js';

/**
 * Printing through a real CUPS scheduler to the cups-pdf virtual printer `briefing-test`,
 * which `scripts/test-services.sh` (run by `npm test`) installs and starts.
 */
const run = promisify(execFile);
const printer = 'briefing-test';
let dir: string;
let pdfPath: string;
let pages: number;

beforeAll(async () => {
  const {stdout} = await run('lpstat', ['-p', printer]).catch(() => ({stdout: ''}));
  if (!stdout.includes(printer)) throw new Error(`No CUPS printer ${printer}: run \`bash scripts/test-services.sh\` first`);
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-print-'));
  const report = await build(['manuscripts/us-china-leaders-call.md'], {outDir: dir, formats: ['pdf'], edition: 'print'});
  expect(report.ok).toBe(true);
  pdfPath = path.join(dir, 'us-china-leaders-call.pdf');
  pages = report.documents[0]?.pages ?? 0;
}, 120_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** Every page of a PDF as a small picture. */
async function pageImages(file: string, name: string): Promise<PNG[]> {
  const prefix = path.join(dir, name);
  await run('pdftoppm', ['-png', '-r', '30', file, prefix]);
  const names = (await readdir(dir)).filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png')).sort((a, b) => a.localeCompare(b, 'en', {numeric: true}));
  return Promise.all(names.map(async (entry) => PNG.sync.read(await readFile(path.join(dir, entry)))));
}

/** Share of pixels that differ noticeably between two pictures of one size. */
function difference(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  return pixelmatch(a.data, b.data, undefined, a.width, a.height, {threshold: 0.3}) / (a.width * a.height);
}

/** The PDF cups-pdf wrote for a job title, once it is there. */
async function printedFile(title: string, since: number): Promise<string> {
  const out = path.join(homedir(), 'PDF');
  for (let attempt = 0; attempt < 100; attempt++) {
    const names = await readdir(out).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.startsWith(title) && entry.endsWith('.pdf'))) {
      const file = path.join(out, name);
      if ((await stat(file)).mtimeMs >= since - 1000) return file;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`cups-pdf wrote no file for ${title} in ${out}`);
}

describe('printing through CUPS', () => {
  it('prints the print edition duplex: the job completes and the printed PDF has every page and the text', async () => {
    const title = `briefing-${process.pid}-${Date.now()}`;
    const since = Date.now();
    const {job} = await submitPrintJob(pdfPath, {printer, duplex: true, copies: 1, title});
    expect(job).toMatch(new RegExp(`^${printer}-\\d+$`));
    await waitForPrintJob(job, 30_000);

    const printedPath = await printedFile(title, since);
    const printed = await readFile(printedPath);
    expect((await PDFDocument.load(printed)).getPageCount()).toBe(pages);
    // cups-pdf re-distils the job through PostScript, which turns the fonts into Type 3
    // glyphs without a text layer, so the pages are compared as pictures: every printed
    // page looks most like its own page of the original, not like any other.
    const printedImages = await pageImages(printedPath, 'printed');
    const originalImages = await pageImages(pdfPath, 'original');
    for (const [index, image] of printedImages.entries()) {
      const distances = originalImages.map((original) => difference(image, original));
      expect(distances.indexOf(Math.min(...distances)), `printed page ${index + 1}`).toBe(index);
      expect(distances[index]).toBeLessThan(0.06);
    }

    // The scheduler recorded the job as two-sided (asked over IPP, as a client would).
    const {stdout: attributes} = await run('ipptool', ['-tv', `ipp://localhost/jobs/${job.split('-').at(-1)}`, 'get-job-attributes.test']);
    expect(attributes).toMatch(/sides \(keyword\) = two-sided-long-edge/);
    expect(attributes).toMatch(/job-state \(enum\) = completed/);
  });

  it('says clearly when the printer does not exist', async () => {
    await expect(submitPrintJob(pdfPath, {printer: 'no-such-printer'})).rejects.toThrow(PrintError);
    await expect(submitPrintJob(pdfPath, {printer: 'no-such-printer'})).rejects.toThrow(/no-such-printer.*(does not exist|not exist)/i);
  });

  it('refuses a nonsensical number of copies before asking the spooler', async () => {
    await expect(submitPrintJob(pdfPath, {printer, copies: 0})).rejects.toThrow(/copies/);
  });
});
