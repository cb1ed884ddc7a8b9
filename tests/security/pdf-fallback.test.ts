import {execFileSync} from 'node:child_process';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {PDFDocument, PDFName, PDFString} from 'pdf-lib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli, type CliResult} from './helpers/cli.js';
import {readPdf} from './helpers/outputs.js';
import {sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * The general metadata path (pdf-lib) works in the bundled CLI, where it once failed with
 * `Cannot read properties of undefined (reading 'load')` for every PDF that took it.
 * Chrome writes every `/Lang` as given, so `BRIEFING_PDF_REWRITE=pdf-lib` is how a build
 * gets there; the same manuscript is built both ways and the two PDFs are compared.
 */
let box: Sandbox;
const runs: Record<'fast' | 'general', {result: CliResult; pdf: Buffer}> = {} as never;

const text = [
  '---',
  'title: "Harbour dues, revised"',
  'subtitle: "What the new schedule changes"',
  'authors: [Maren Tollefsen, Idris Okafor]',
  'tags: [ports, fees]',
  'lang: en-GB',
  '---',
  '',
  ':::summary',
  '- Dues rise for long stays only.',
  ':::',
  '',
  'Boats staying under a week pay what they paid last year.',
  ''
].join('\n');

beforeAll(async () => {
  box = await sandbox('pdf-fallback');
  await writeFile(path.join(box.project, 'dues.md'), text);
  for (const [mode, env] of [
    ['fast', {}],
    ['general', {BRIEFING_PDF_REWRITE: 'pdf-lib'}]
  ] as const) {
    const result = await runCli(['build', 'dues.md', '--out-dir', mode], {cwd: box.project, env});
    const pdf = await readFile(path.join(box.project, mode, 'dues.pdf')).catch(() => Buffer.alloc(0));
    runs[mode] = {result, pdf};
  }
}, 120_000);

afterAll(async () => {
  await box.dispose();
});

/** The information dictionary and catalog language, as a reader finds them. */
async function metadataOf(bytes: Uint8Array): Promise<Record<string, string | undefined>> {
  const doc = await PDFDocument.load(bytes, {updateMetadata: false});
  return {
    title: doc.getTitle(),
    author: doc.getAuthor(),
    subject: doc.getSubject(),
    keywords: doc.getKeywords(),
    lang: doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText(),
    pages: String(doc.getPageCount())
  };
}

describe('the pdf-lib path in the bundled CLI', () => {
  it('builds: exit 0, no message', () => {
    const {result} = runs.general;
    expect(result.stderr).not.toMatch(/error|Cannot read/);
    expect(result.code, result.stderr).toBe(0);
  });

  it('was the path taken: pdf-lib’s header, not the fast path’s', () => {
    // pdf-lib writes `%` and four 0x81 bytes after the version line; the fast path `%âãÏÓ`.
    expect([...runs.general.pdf.subarray(9, 14)]).toEqual([0x25, 0x81, 0x81, 0x81, 0x81]);
    expect(runs.fast.pdf.subarray(9, 14).toString('latin1')).toBe('%\u00e2\u00e3\u00cf\u00d3');
  });

  it('writes a valid PDF with the same metadata and text as the fast path', async () => {
    expect(() => execFileSync('qpdf', ['--check', path.join(box.project, 'general', 'dues.pdf')], {stdio: 'pipe'})).not.toThrow();
    const general = await metadataOf(runs.general.pdf);
    expect(general).toEqual({
      title: 'Harbour dues, revised',
      author: 'Maren Tollefsen, Idris Okafor',
      subject: 'What the new schedule changes',
      keywords: 'ports, fees',
      lang: 'en-GB',
      pages: '1'
    });
    expect(general).toEqual(await metadataOf(runs.fast.pdf));
    const [slow, fast] = await Promise.all([readPdf(runs.general.pdf), readPdf(runs.fast.pdf)]);
    expect(slow.text).toContain('Boats staying under a week');
    expect(slow.text).toBe(fast.text);
    expect(slow.links).toEqual(fast.links);
  });
});
