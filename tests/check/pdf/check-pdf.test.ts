import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFString, type PDFObject} from 'pdf-lib';
import sharp from 'sharp';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../../src/build/build.js';
import {checkPdf, findingLines} from '../../../src/check/pdf/check-pdf.js';
import {conditions} from '../../../src/check/pdf/conditions.js';

/**
 * The PDF checker on real prints: briefing's own pass, plain Chromium's fail, and each
 * condition is broken on purpose in a copy of a passing PDF, one at a time, so that every
 * check is seen to fail.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = path.join(root, 'dist/cli.js');

const figures = `---
title: Figures
authors: [Pat Tester]
lang: en
---

A paragraph with a [web link](https://example.org/report).[^1]

## Soundings

![Soundings along the channel](soundings.png)

| Berth | Depth |
| ----- | ----: |
| North | 4.5 m |

[^1]: Measured in June.
`;

let dir: string;
let sample: Uint8Array;
let figuresPdf: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-check-pdf-'));
  await writeFile(path.join(dir, 'figures.md'), figures);
  await sharp({create: {width: 40, height: 20, channels: 3, background: '#1d4e89'}}).png().toFile(path.join(dir, 'soundings.png'));
  const sampleReport = await build([path.join(root, 'manuscripts/us-china-leaders-call.md')], {cwd: root, outDir: dir});
  const figuresReport = await build(['figures.md'], {cwd: dir, outDir: dir});
  expect(sampleReport.ok && figuresReport.ok).toBe(true);
  sample = new Uint8Array(await readFile(path.join(dir, 'us-china-leaders-call.pdf')));
  figuresPdf = new Uint8Array(await readFile(path.join(dir, 'figures.pdf')));
}, 120_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** Every indirect object of a type (`/S` or `/Type`), with a predicate. */
function objectsWhere(doc: PDFDocument, test: (dict: PDFDict) => boolean): PDFDict[] {
  const found: PDFDict[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) if (object instanceof PDFDict && test(object)) found.push(object);
  return found;
}

const is = (dict: PDFDict, key: string, value: string): boolean => dict.get(PDFName.of(key)) === PDFName.of(value);
const elements = (doc: PDFDocument, type: string): PDFDict[] => objectsWhere(doc, (dict) => is(dict, 'Type', 'StructElem') && is(dict, 'S', type));
const annotations = (doc: PDFDocument, subtype: string): PDFDict[] => objectsWhere(doc, (dict) => is(dict, 'Type', 'Annot') && is(dict, 'Subtype', subtype));
const treeRoot = (doc: PDFDocument): PDFDict => doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
const first = <T>(list: readonly T[]): T => {
  if (list.length === 0) throw new Error('nothing to break');
  return list[0] as T;
};

/** A copy of `pdf` with one thing broken. */
async function broken(pdf: Uint8Array, breakIt: (doc: PDFDocument) => void | Promise<void>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, {updateMetadata: false});
  await breakIt(doc);
  return doc.save({useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false});
}

function setMetadata(doc: PDFDocument, xmp: string): void {
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(Buffer.from(xmp, 'utf8'), {Type: 'Metadata', Subtype: 'XML'})));
}

/** Add a content stream to the first page. */
function drawOnFirstPage(doc: PDFDocument, content: string): void {
  const page = doc.getPage(0).node;
  const contents = page.get(PDFName.of('Contents')) as PDFObject;
  const added = doc.context.register(doc.context.flateStream(content));
  page.set(PDFName.of('Contents'), doc.context.obj([contents, added]));
}

const xmp = (properties: string): string =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">${properties}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>`;

/** No language anywhere: neither the catalog's nor any structure element's. */
function withoutLanguage(doc: PDFDocument): void {
  doc.catalog.delete(PDFName.of('Lang'));
  for (const element of objectsWhere(doc, (dict) => is(dict, 'Type', 'StructElem'))) element.delete(PDFName.of('Lang'));
}

/** One way to break each condition, and the PDF to break it in. */
const breakers: Array<[string, () => Uint8Array, (doc: PDFDocument) => void]> = [
  ['01-004', () => sample, (doc) => drawOnFirstPage(doc, '/Artifact BMC /P <</MCID 999>> BDC 0 0 1 1 re f EMC EMC')],
  ['01-005', () => sample, (doc) => drawOnFirstPage(doc, 'q 0 0 1 1 re f Q')],
  ['01-007', () => sample, (doc) => doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).set(PDFName.of('Suspects'), PDFBool.True)],
  ['02-001', () => sample, (doc) => first(elements(doc, 'P')).set(PDFName.of('S'), PDFName.of('Sidebar'))],
  ['02-003', () => sample, (doc) => {
    first(elements(doc, 'P')).set(PDFName.of('S'), PDFName.of('Sidebar'));
    const map = treeRoot(doc).lookup(PDFName.of('RoleMap'), PDFDict);
    map.set(PDFName.of('Sidebar'), PDFName.of('Box'));
    map.set(PDFName.of('Box'), PDFName.of('Sidebar'));
  }],
  ['02-004', () => sample, (doc) => treeRoot(doc).lookup(PDFName.of('RoleMap'), PDFDict).set(PDFName.of('P'), PDFName.of('Span'))],
  ['06-001', () => sample, (doc) => {
    doc.catalog.delete(PDFName.of('Metadata'));
  }],
  ['06-002', () => sample, (doc) => setMetadata(doc, xmp('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">T</rdf:li></rdf:Alt></dc:title>'))],
  ['06-003', () => sample, (doc) => setMetadata(doc, xmp('<pdfuaid:part>1</pdfuaid:part>'))],
  ['07-001', () => sample, (doc) => {
    doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).delete(PDFName.of('DisplayDocTitle'));
  }],
  ['07-002', () => sample, (doc) => doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).set(PDFName.of('DisplayDocTitle'), PDFBool.False)],
  ['11-001', () => sample, withoutLanguage],
  ['11-002', () => figuresPdf, withoutLanguage],
  ['11-004', () => figuresPdf, withoutLanguage],
  ['11-006', () => sample, (doc) => {
    doc.catalog.delete(PDFName.of('Lang'));
  }],
  ['13-004', () => figuresPdf, (doc) => {
    first(elements(doc, 'Figure')).delete(PDFName.of('Alt'));
  }],
  ['14-002', () => sample, (doc) => first(elements(doc, 'H1')).set(PDFName.of('S'), PDFName.of('H2'))],
  ['14-003', () => sample, (doc) => first(elements(doc, 'H2')).set(PDFName.of('S'), PDFName.of('H4'))],
  ['14-007', () => sample, (doc) => first(elements(doc, 'H2')).set(PDFName.of('S'), PDFName.of('H'))],
  ['15-003', () => figuresPdf, (doc) => {
    first(elements(doc, 'TH')).delete(PDFName.of('A'));
  }],
  ['19-003', () => sample, (doc) => first(elements(doc, 'P')).set(PDFName.of('S'), PDFName.of('Note'))],
  ['19-004', () => sample, (doc) => {
    for (const element of elements(doc, 'P').slice(0, 2)) {
      element.set(PDFName.of('S'), PDFName.of('Note'));
      element.set(PDFName.of('ID'), PDFString.of('note-1'));
    }
  }],
  ['28-002', () => figuresPdf, (doc) => {
    const note = doc.context.register(doc.context.obj({Type: 'Annot', Subtype: 'Text', Rect: [0, 0, 10, 10], Contents: PDFString.of('A note'), F: 4}));
    doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).push(note);
  }],
  ['28-008', () => figuresPdf, (doc) => {
    doc.getPage(0).node.delete(PDFName.of('Tabs'));
  }],
  ['28-009', () => figuresPdf, (doc) => doc.getPage(0).node.set(PDFName.of('Tabs'), PDFName.of('R'))],
  ['28-010', () => figuresPdf, (doc) => first(annotations(doc, 'Link')).set(PDFName.of('Subtype'), PDFName.of('Widget'))],
  ['28-011', () => figuresPdf, (doc) => {
    for (const element of elements(doc, 'Link')) element.set(PDFName.of('S'), PDFName.of('Span'));
  }],
  ['28-012', () => figuresPdf, (doc) => {
    first(annotations(doc, 'Link')).delete(PDFName.of('Contents'));
  }],
  ['30-001', () => figuresPdf, (doc) => {
    const form = doc.context.register(doc.context.stream('', {Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 1, 1], Ref: {F: PDFString.of('other.pdf'), Page: 0}}));
    const resources = doc.getPage(0).node.Resources() as PDFDict;
    resources.set(PDFName.of('XObject'), doc.context.obj({X99: form}));
  }],
  ['31-004', () => sample, (doc) => {
    for (const font of objectsWhere(doc, (dict) => is(dict, 'Subtype', 'CIDFontType2'))) font.set(PDFName.of('CIDToGIDMap'), PDFName.of('Other'));
  }],
  ['31-005', () => sample, (doc) => {
    for (const font of objectsWhere(doc, (dict) => is(dict, 'Subtype', 'CIDFontType2'))) font.delete(PDFName.of('CIDToGIDMap'));
  }],
  ['31-009', () => sample, (doc) => {
    for (const descriptor of objectsWhere(doc, (dict) => is(dict, 'Type', 'FontDescriptor'))) for (const key of ['FontFile', 'FontFile2', 'FontFile3']) descriptor.delete(PDFName.of(key));
  }],
  ['31-027', () => sample, (doc) => {
    for (const font of objectsWhere(doc, (dict) => is(dict, 'Type', 'Font') && is(dict, 'Subtype', 'Type0'))) font.delete(PDFName.of('ToUnicode'));
  }],
  ['PDF 1.7 Annex C', () => sample, (doc) => {
    // 128 bytes, each written `#E9`.
    first(elements(doc, 'P')).set(PDFName.of('Label'), PDFName.of('\u00e9'.repeat(128)));
  }],
  ['31-028', () => sample, (doc) => {
    const font = first(objectsWhere(doc, (dict) => is(dict, 'Type', 'Font') && is(dict, 'Subtype', 'Type0')));
    font.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream('begincmap\n1 beginbfchar\n<0001> <0000>\nendbfchar\nendcmap')));
  }]
];

describe('checkPdf', () => {
  it('passes briefing’s own PDFs', async () => {
    expect(findingLines('us-china-leaders-call.pdf', await checkPdf(sample))).toEqual([]);
    expect(findingLines('figures.pdf', await checkPdf(figuresPdf))).toEqual([]);
  });

  it.each(breakers)('finds %s when it is broken on purpose', async (checkpoint, pdf, breakIt) => {
    const findings = await checkPdf(await broken(pdf(), breakIt));
    const found = findings.find((finding) => finding.checkpoint === checkpoint);
    expect(found, findingLines('x.pdf', findings).join('\n')).toBeDefined();
    expect(found?.condition).toBe(conditions[checkpoint as keyof typeof conditions]);
  });

  it('takes a name of 127 bytes, the limit, for one that fits', async () => {
    const fits = await broken(sample, (doc) => first(elements(doc, 'P')).set(PDFName.of('Label'), PDFName.of('\u00e9'.repeat(127))));
    expect(findingLines('x.pdf', await checkPdf(fits))).toEqual([]);
  });

  it('finds the faults of a PDF printed by plain Chromium', async () => {
    const html = path.join(dir, 'us-china-leaders-call.html');
    const plain = path.join(dir, 'plain.pdf');
    await run('chromium-headless-shell', ['--no-sandbox', '--disable-gpu', `--print-to-pdf=${plain}`, `file://${html}`], {timeout: 60_000});
    const checkpoints = (await checkPdf(new Uint8Array(await readFile(plain)))).map((finding) => finding.checkpoint);
    expect(checkpoints).toEqual(expect.arrayContaining(['01-005', '02-001', '06-001']));
  });

  it('reads an untagged PDF without a catalog language', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont('Helvetica');
    doc.addPage([200, 200]).drawText('Hello', {font, x: 10, y: 100});
    const checkpoints = (await checkPdf(await doc.save())).map((finding) => finding.checkpoint);
    expect(checkpoints).toEqual(expect.arrayContaining(['01-005', '06-001', '07-001', '11-001', '31-009']));
  });
});

describe('briefing check x.pdf', () => {
  it('prints one line per failed condition and exits 1; passes briefing’s PDF', async () => {
    const good = path.join(dir, 'us-china-leaders-call.pdf');
    const bad = path.join(dir, 'no-metadata.pdf');
    await writeFile(bad, await broken(sample, (doc) => {
      doc.catalog.delete(PDFName.of('Metadata'));
    }));
    const passing = await run('node', [cli, 'check', good]);
    expect(passing.stderr).toContain('✓');
    const failing = await run('node', [cli, 'check', bad]).then(
      () => undefined,
      (error: {code: number; stderr: string}) => error
    );
    expect(failing?.code).toBe(1);
    expect(failing?.stderr).toContain(`${bad}: 06-001 Document does not contain an XMP metadata stream`);
  });

  it('prints JSON with --json', async () => {
    const bad = path.join(dir, 'no-lang.pdf');
    await writeFile(bad, await broken(sample, withoutLanguage));
    const result = await run('node', [cli, 'check', '--json', bad]).then(
      () => undefined,
      (error: {code: number; stdout: string}) => error
    );
    const json = JSON.parse(result?.stdout ?? '{}') as {ok: boolean; documents: Array<{findings: Array<{checkpoint: string}>}>};
    expect(json.ok).toBe(false);
    expect(json.documents[0]?.findings.map((finding) => finding.checkpoint)).toContain('11-001');
  });
});
