import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream} from 'pdf-lib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {checkPdf, findingLines} from '../../src/check/pdf/check-pdf.js';

/**
 * `--pdf-standard a-2b` (here the `pdfStandard` setting): the sample as PDF/A-2b and
 * PDF/UA-1, read back, and built twice to the same bytes; each PDF/A rule the checker
 * knows is broken once in a copy and found.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = path.join(root, 'manuscripts/us-china-leaders-call.md');

let dir: string;
let pdf: Uint8Array;
/** A short briefing with links, so with annotations. */
let linked: Uint8Array;
let savedEpoch: string | undefined;

beforeAll(async () => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH'];
  process.env['SOURCE_DATE_EPOCH'] = '1700000000';
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-pdfa-'));
  for (const copy of ['one', 'two']) {
    const report = await build([sample], {cwd: root, outDir: path.join(dir, copy), pdfStandard: 'a-2b'});
    expect(report.ok).toBe(true);
  }
  pdf = new Uint8Array(await readFile(path.join(dir, 'one', 'us-china-leaders-call.pdf')));
  await writeFile(path.join(dir, 'linked.md'), '---\ntitle: Links\nlang: en\n---\n\nSee [the report](https://example.org/report).[^1]\n\n[^1]: A note.\n');
  expect((await build(['linked.md'], {cwd: dir, outDir: path.join(dir, 'one'), pdfStandard: 'a-2b'})).ok).toBe(true);
  linked = new Uint8Array(await readFile(path.join(dir, 'one', 'linked.pdf')));
}, 120_000);

afterAll(async () => {
  if (savedEpoch === undefined) delete process.env['SOURCE_DATE_EPOCH'];
  else process.env['SOURCE_DATE_EPOCH'] = savedEpoch;
  await rm(dir, {recursive: true, force: true});
});

async function broken(change: (doc: PDFDocument) => void, source = pdf): Promise<Uint8Array> {
  const doc = await PDFDocument.load(source, {updateMetadata: false});
  change(doc);
  return doc.save({useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false});
}

describe('PDF/A-2b on request', () => {
  it('claims PDF/A-2b and PDF/UA-1 in its XMP, read back by pdf.js', async () => {
    const document = await getDocument({data: new Uint8Array(pdf), verbosity: 0}).promise;
    const {metadata} = await document.getMetadata();
    expect(metadata?.get('pdfaid:part')).toBe('2');
    expect(metadata?.get('pdfaid:conformance')).toBe('B');
    expect(metadata?.get('pdfuaid:part')).toBe('1');
    await document.destroy();
  });

  it('has an sRGB output intent with an embedded ICC profile, a file identifier, and printable annotations', async () => {
    const doc = await PDFDocument.load(pdf, {updateMetadata: false});
    const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
    expect((profile.dict.get(PDFName.of('N')) as PDFNumber).asNumber()).toBe(3);
    const bytes = Buffer.from(decodePDFRawStream(profile).decode());
    expect(bytes.toString('latin1', 36, 40)).toBe('acsp');
    expect(bytes.toString('latin1', 16, 20)).toBe('RGB ');
    const id = doc.context.trailerInfo.ID as PDFArray;
    expect((id.get(0) as PDFHexString).asString()).toMatch(/^[\dA-F]{32}$/);
    const withLinks = await PDFDocument.load(linked, {updateMetadata: false});
    const annotations = withLinks.getPages().flatMap((page) => page.node.Annots()?.asArray() ?? []);
    expect(annotations.length).toBeGreaterThanOrEqual(3);
    for (const annotation of annotations) {
      const flags = (withLinks.context.lookup(annotation, PDFDict).get(PDFName.of('F')) as PDFNumber).asNumber();
      expect(flags & 4).toBe(4);
    }
    expect(findingLines('linked.pdf', await checkPdf(linked, {pdfA: true}))).toEqual([]);
  });

  it('passes the checker’s PDF/A-2b and PDF/UA-1 rules, qpdf and poppler', async () => {
    expect(findingLines('a.pdf', await checkPdf(pdf, {pdfA: true}))).toEqual([]);
    const file = path.join(dir, 'one', 'us-china-leaders-call.pdf');
    expect((await run('qpdf', ['--check', file])).stdout).toContain('No syntax or stream encoding errors found');
    expect((await run('pdfinfo', ['-struct', file])).stderr).toBe('');
  });

  it('is byte-identical when built again, and stays small', async () => {
    const again = new Uint8Array(await readFile(path.join(dir, 'two', 'us-china-leaders-call.pdf')));
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it.each([
    ['PDF/A-2 6.1.3 ID', (doc: PDFDocument) => void (doc.context.trailerInfo.ID = undefined)],
    ['PDF/A-2 6.1.13', (doc: PDFDocument) => void doc.catalog.set(PDFName.of('Dests'), doc.context.obj({['x'.repeat(128)]: [doc.getPage(0).ref, 'Fit']}))],
    ['PDF/A-2 6.2.3', (doc: PDFDocument) => void doc.catalog.delete(PDFName.of('OutputIntents'))],
    ['PDF/A-2 6.3.2', (doc: PDFDocument) => {
      // Hidden and not printed.
      doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([doc.context.obj({Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 1, 1], F: 2})]));
    }],
    ['PDF/A-2 6.6.2.1', (doc: PDFDocument) => {
      const stream = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
      doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.flateStream(decodePDFRawStream(stream).decode(), {Type: 'Metadata', Subtype: 'XML'})));
    }],
    ['PDF/A-2 6.6.3', (doc: PDFDocument) => doc.setTitle('Another title')],
    ['PDF/A-2 6.6.4', (doc: PDFDocument) => {
      const stream = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
      const xmp = Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8').replace(/<pdfaid:conformance>B<\/pdfaid:conformance>/, '');
      doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(Buffer.from(xmp, 'utf8'), {Type: 'Metadata', Subtype: 'XML'})));
    }]
  ])('finds %s when it is broken on purpose', async (checkpoint, change) => {
    const findings = await checkPdf(await broken(change), {pdfA: true});
    expect(findings.map((finding) => finding.checkpoint), findingLines('a.pdf', findings).join('\n')).toContain(checkpoint);
  });

  it('is asked for by the configuration file or --pdf-standard, and an unknown standard is a usage error', async () => {
    const cli = path.join(root, 'dist/cli.js');
    const project = path.join(dir, 'project');
    await run('mkdir', ['-p', project]);
    await writeFile(path.join(project, 'linked.md'), '---\ntitle: Links\nlang: en\n---\n\nSee [the report](https://example.org/report).\n');
    await writeFile(path.join(project, 'briefing.config.json'), JSON.stringify({pdfStandard: 'a-2b'}));
    await run('node', [cli, 'build', 'linked.md', '--format', 'pdf', '--out-dir', 'config'], {cwd: project});
    await run('node', [cli, 'build', 'linked.md', '--format', 'pdf', '--out-dir', 'flag', '--no-config', '--pdf-standard', 'a-2b'], {cwd: project});
    await run('node', [cli, 'build', 'linked.md', '--format', 'pdf', '--out-dir', 'ua', '--no-config'], {cwd: project});
    const claims = async (folder: string): Promise<boolean> => Buffer.from(await readFile(path.join(project, folder, 'linked.pdf'))).toString('latin1').includes('<pdfaid:part>2</pdfaid:part>');
    expect(await claims('config')).toBe(true);
    expect(await claims('flag')).toBe(true);
    expect(await claims('ua')).toBe(false);
    const checked = await run('node', [cli, 'check', path.join(project, 'flag', 'linked.pdf')]);
    expect(checked.stderr).toContain('passes the machine checks of PDF/UA-1 and PDF/A-2b');
    const refused = await run('node', [cli, 'build', 'linked.md', '--pdf-standard', 'a-3'], {cwd: project}).then(
      () => undefined,
      (error: {code: number; stderr: string}) => error
    );
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toContain('Unknown PDF standard `a-3`, expected ua-1 or a-2b');
  });

  it('checks PDF/A rules by default for a file that claims PDF/A', async () => {
    const plainUa = path.join(dir, 'ua.pdf');
    await writeFile(plainUa, await broken((doc) => void doc.catalog.delete(PDFName.of('OutputIntents'))));
    expect((await checkPdf(new Uint8Array(await readFile(plainUa)))).map((finding) => finding.checkpoint)).toContain('PDF/A-2 6.2.3');
  });
});
