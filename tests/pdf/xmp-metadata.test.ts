import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import fc from 'fast-check';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {PDFDocument, StandardFonts} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {setPdfMetadata, type PdfMetadata} from '../../src/pdf/pdf-metadata.js';
import {xmlText, xmpPacket} from '../../src/pdf/xmp-metadata.js';

const run = promisify(execFile);

/**
 * Strings built to break out of XML and of the XMP packet: markup, CDATA and packet
 * ends, entity syntax, and code points XML cannot hold (controls, lone surrogates).
 */
const pieces = [
  ']]>', '<![CDATA[', '<?xpacket end="w"?>', '<?xpacket begin="', '</rdf:li>', '</x:xmpmeta>', '<dc:title>', '<pdfuaid:part>2</pdfuaid:part>',
  '&', '&amp;', '&#0;', '&lt;', '"', "'", '<', '>', '\u0000', '\u0007', '\u001b[31m', '\u000b', '\r', '\r\n', '\t', '\ud800', '\udfff', '\ufffe', '\uffff',
  '😀', 'Заголовок', '中文', 'endstream', 'endobj', '%%EOF', ')', '\\', ' '
];
const hostile = fc.oneof(fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 8}).map((parts) => parts.join('')), fc.string({unit: 'binary', maxLength: 20}));

/** What XML can carry of a string: code points it cannot hold become U+FFFD. */
function carried(value: string): string {
  return value.replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

interface Parsed {
  readonly elements: string[];
  readonly title: string;
  readonly creator: string;
  readonly description: string;
  readonly keywords: string;
  readonly part: string;
}

/** Parse packets with Python's expat, a strict XML 1.0 parser: one that is not well-formed throws. */
async function parseStrictly(packets: readonly string[]): Promise<Parsed[]> {
  const script = `
import json, sys, xml.dom.minidom
def text(doc, name):
    nodes = doc.getElementsByTagName(name)
    return ''.join(n.data for n in nodes[0].getElementsByTagName('rdf:li')[0].childNodes) if nodes and nodes[0].getElementsByTagName('rdf:li') else ''.join(c.data for n in nodes for c in n.childNodes if c.nodeType == 3)
out = []
for packet in json.load(sys.stdin):
    doc = xml.dom.minidom.parseString(packet.encode('utf-8'))
    out.append({'elements': sorted({e.tagName for e in doc.getElementsByTagName('*')}), 'title': text(doc, 'dc:title'), 'creator': text(doc, 'dc:creator'),
                'description': text(doc, 'dc:description'), 'keywords': text(doc, 'pdf:Keywords'), 'part': text(doc, 'pdfuaid:part')})
json.dump(out, sys.stdout)
`;
  const child = execFile('python3', ['-c', script], {maxBuffer: 64 * 1024 * 1024});
  const output = new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(stderr))));
  });
  child.stdin?.end(JSON.stringify(packets));
  return JSON.parse(await output) as Parsed[];
}

/** The packet in a PDF's metadata stream (stored uncompressed), decoded as UTF-8. */
function packetOf(pdf: Uint8Array): string {
  const text = Buffer.from(pdf).toString('latin1');
  const match = /<\?xpacket begin[^]*?<\?xpacket end="r"\?>/.exec(text);
  if (!match) throw new Error('no XMP packet in the PDF');
  return Buffer.from(match[0], 'latin1').toString('utf8');
}

async function twoPagePdf(): Promise<Uint8Array> {
  const made = await PDFDocument.create();
  const font = await made.embedFont(StandardFonts.Helvetica);
  for (let page = 0; page < 2; page++) made.addPage([200, 200]).drawText(`Page ${page + 1}`, {font, x: 20, y: 100});
  return made.save({useObjectStreams: false});
}

const base: Omit<PdfMetadata, 'title' | 'authors' | 'subject' | 'keywords'> = {
  creator: 'briefing 9.9.9',
  producer: 'briefing 9.9.9 (HeadlessChrome/1.2.3)',
  lang: 'en',
  date: new Date('2025-06-06T00:00:00Z')
};

const elements = ['dc:creator', 'dc:description', 'dc:format', 'dc:language', 'dc:title', 'pdf:Keywords', 'pdf:Producer', 'pdfuaid:part', 'rdf:Alt', 'rdf:Bag', 'rdf:Description', 'rdf:RDF', 'rdf:Seq', 'rdf:li', 'x:xmpmeta', 'xmp:CreateDate', 'xmp:CreatorTool', 'xmp:MetadataDate', 'xmp:ModifyDate'];

describe('the XMP packet', () => {
  it('keeps hostile front matter as text: well-formed XML, the same elements, the strings back as given', async () => {
    const samples = fc.sample(fc.record({title: hostile, author: hostile, subject: hostile, keywords: fc.array(hostile, {minLength: 1, maxLength: 3})}), {numRuns: 150, seed: 20261202});
    const packets = samples.map(({title, author, subject, keywords}) => xmpPacket({...base, title, authors: [author], subject, keywords}));
    const parsed = await parseStrictly(packets);
    for (const [index, sample] of samples.entries()) {
      const result = parsed[index] as Parsed;
      // An empty subject is left out, as the information dictionary leaves it out.
      expect(result.elements).toEqual(sample.subject ? elements : elements.filter((name) => name !== 'dc:description'));
      expect(result.title).toBe(carried(sample.title));
      expect(result.creator).toBe(carried(sample.author));
      expect(result.description).toBe(carried(sample.subject));
      expect(result.keywords).toBe(carried(sample.keywords.join(', ')));
      expect(result.part).toBe('1');
    }
  });

  it('is written into the PDF by both rewrites, and pdf.js reads the title back', async () => {
    const title = 'A ]]> <?xpacket end="w"?> & \u0007 \ud800 title';
    const source = await twoPagePdf();
    const saved = process.env['BRIEFING_PDF_REWRITE'];
    try {
      for (const mode of ['fast', 'pdf-lib']) {
        if (mode === 'pdf-lib') process.env['BRIEFING_PDF_REWRITE'] = 'pdf-lib';
        const {bytes} = await setPdfMetadata(source, {...base, title, authors: ['Ann'], subject: 'S', keywords: ['k']});
        const [parsed] = await parseStrictly([packetOf(bytes)]);
        expect(parsed?.title).toBe(carried(title));
        const document = await getDocument({data: new Uint8Array(bytes), verbosity: 0}).promise;
        const {metadata} = await document.getMetadata();
        expect(metadata?.get('dc:title')).toBe(carried(title));
        expect(metadata?.get('pdfuaid:part')).toBe('1');
        await document.destroy();
      }
    } finally {
      if (saved === undefined) delete process.env['BRIEFING_PDF_REWRITE'];
      else process.env['BRIEFING_PDF_REWRITE'] = saved;
    }
  });

  it('claims PDF/A-2b, with the pdfuaid schema described, only when asked', async () => {
    const fields = {...base, title: 'T', authors: [], keywords: []};
    const [ua, archival] = await parseStrictly([xmpPacket(fields), xmpPacket({...fields, pdfA: true})]);
    expect(ua?.elements).not.toContain('pdfaid:part');
    expect(archival?.elements).toEqual(expect.arrayContaining(['pdfaid:part', 'pdfaid:conformance', 'pdfaExtension:schemas', 'pdfaSchema:namespaceURI']));
  });

  it('escapes the five markup characters and keeps carriage returns', () => {
    expect(xmlText(`<a href="x">&'\r`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#13;');
    expect(xmlText('\ud83d\ude00 \ud83d \u0000')).toBe('\ud83d\ude00 \ufffd \ufffd');
  });
});
