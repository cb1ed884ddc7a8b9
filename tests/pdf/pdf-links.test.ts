import {PDFDocument, PDFName, PDFString, PDFHexString, type PDFDict} from 'pdf-lib';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createRenderer, type Renderer} from '../../src/index.js';
import type {PrintPage} from '../../src/html/print-page.js';
import {ChromiumProcess} from '../../src/pdf/chromium.js';
import {findBrowser} from '../../src/pdf/find-browser.js';
import {pdfActions, refusedAction} from '../../src/pdf/pdf-links.js';
import {PrintTab} from '../../src/pdf/print-tab.js';

/** A one-page PDF, uncompressed as Chrome's dictionaries are, with one link annotation whose action is `action`. */
async function withAction(action: (document: PDFDocument) => PDFDict, pageText = ''): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([200, 200]);
  if (pageText) page.drawText(pageText, {x: 10, y: 100, size: 8});
  const annotation = document.context.obj({Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 50], A: action(document)});
  page.node.set(PDFName.of('Annots'), document.context.obj([document.context.register(annotation)]));
  return document.save({useObjectStreams: false});
}

const uri = (target: string | PDFHexString) => (document: PDFDocument) =>
  document.context.obj({Type: 'Action', S: 'URI', URI: typeof target === 'string' ? PDFString.of(target) : target});

/** Link targets as pdf.js reads them. */
async function pdfjsLinks(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0}).promise;
  const links: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    for (const annotation of (await (await document.getPage(number)).getAnnotations()) as Array<{unsafeUrl?: string}>) {
      if (annotation.unsafeUrl) links.push(annotation.unsafeUrl);
    }
  }
  await document.destroy();
  return links;
}

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer({formats: ['pdf', 'html']});
});
afterAll(async () => {
  await renderer?.close();
});

describe('pdfActions', () => {
  it("reads the links of Chrome's own PDF as pdf.js does, and finds nothing to refuse", async () => {
    const value = [
      '---',
      'title: Links of every allowed kind',
      '---',
      '',
      'A [web page](https://example.org/a?b=c&d=(e)), a [plain one](http://example.org/), a [mail](mailto:desk@example.org?subject=Hello%20there)',
      'and a [jump](#further-down). The text /URI (file:///etc/passwd) on the page is only text.',
      'A guide [to maps](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map) is a web page too.',
      '',
      '## Further down',
      '',
      'The end.'
    ].join('\n');
    const made = await renderer.html(new VFile({path: 'links.md', value}));
    const chromium = new ChromiumProcess(findBrowser(undefined));
    let printed: Uint8Array;
    try {
      const browser = await chromium.connect(30_000);
      const tab = await PrintTab.open(browser);
      printed = await tab.print(made.printPage as PrintPage, {timeout: 30_000});
      await browser.close();
    } finally {
      await chromium.kill();
    }
    const actions = pdfActions(printed);
    expect([...actions.uris].sort()).toEqual([...(await pdfjsLinks(printed))].sort());
    expect(actions.uris).toContain('https://example.org/a?b=c&d=(e)');
    expect(actions.uris).toContain('mailto:desk@example.org?subject=Hello%20there');
    expect(actions.uris).toContain('https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map');
    expect(actions.uris).toHaveLength(4);
    expect(refusedAction(actions)).toBeUndefined();
    // The PDF briefing writes packs its objects: it is Chrome's that is checked.
    const written = (await renderer.pdf(made)).pdf as Uint8Array;
    expect(refusedAction(pdfActions(written))).toBe('compressed objects whose links cannot be checked');
  });

  it.each([
    ['file:///etc/passwd', 'a link to `file:///etc/passwd`'],
    ['javascript:app.alert(1)', 'a link to `javascript:app.alert(1)`'],
    ['smb://127.0.0.1/share', 'a link to `smb://127.0.0.1/share`'],
    ['ms-msdt:/id PCWDiagnostic', 'a link to `ms-msdt:/id PCWDiagnostic`'],
    ['mailto:desk@example.org?bcc=them@example.org', 'a link to `mailto:desk@example.org?bcc=them@example.org`'],
    ['mailto:desk@example.org?subject=Hi&attach=/etc/passwd', 'a link to `mailto:desk@example.org?subject=Hi&attach=/etc/passwd`']
  ])('refuses a link to %s', async (target, reason) => {
    const actions = pdfActions(await withAction(uri(target)));
    expect(actions.uris).toEqual([target]);
    expect(refusedAction(actions)).toBe(reason);
  });

  it('decodes hexadecimal and escaped strings before judging them', async () => {
    const hex = pdfActions(await withAction(uri(PDFHexString.fromText('file:///etc/shadow'))));
    expect(hex.uris).toEqual(['file:///etc/shadow']);
    expect(refusedAction(hex)).toBe('a link to `file:///etc/shadow`');
    const escaped = pdfActions(Buffer.from('1 0 obj\n<</Type /Action /S /URI /URI (java\\163cript:\\(1\\)\\\nx)>>\nendobj\n', 'latin1'));
    expect(escaped.uris).toEqual(['javascript:(1)x']);
    expect(refusedAction(escaped)).toMatch(/^a link to `javascript:/);
  });

  it.each(['JavaScript', 'Launch', 'GoToR', 'SubmitForm', 'ImportData'])('refuses an action of type /%s', async (type) => {
    const actions = pdfActions(await withAction((document) => document.context.obj({Type: 'Action', S: type, F: PDFString.of('x')})));
    expect(refusedAction(actions)).toBe(`an action of type /${type}`);
  });

  it('refuses embedded files and scripts wherever they are named', () => {
    expect(refusedAction(pdfActions(Buffer.from('1 0 obj\n<</Names <</EmbeddedFiles 2 0 R>>>>\nendobj\n', 'latin1')))).toBe('an action of type /EmbeddedFiles');
    expect(refusedAction(pdfActions(Buffer.from('1 0 obj\n<</OpenAction 3 0 R>>\nendobj\n', 'latin1')))).toBe('an action of type /OpenAction');
  });

  it('reads names outside strings only: a link to MDN’s JavaScript pages is a web link', () => {
    const link = (target: string): Buffer => Buffer.from(`1 0 obj\n<</Type /Annot /Subtype /Link /A <</S /URI /URI ${target}>>>>\nendobj\n`, 'latin1');
    const mdn = pdfActions(link('(https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map)'));
    expect(mdn.kinds).toEqual(['URI']);
    expect(refusedAction(mdn)).toBeUndefined();
    expect(refusedAction(pdfActions(link('<68747470733A2F2F6578616D706C652E6F72672F4A532F>')))).toBeUndefined();
    // A name after a string with escaped and nested parentheses is still a name.
    expect(refusedAction(pdfActions(link('(https://example.org/\\) (a) \\( b) /JS (app.alert\\(1\\))')))).toBe('an action of type /JS');
    expect(refusedAction(pdfActions(link('(https://example.org/(x)) /OpenAction 2 0 R')))).toBe('an action of type /OpenAction');
    // A string that never closes: everything is read, names in it too.
    expect(refusedAction(pdfActions(link('(https://example.org/JavaScript/ >>')))).toBe('an action of type /JavaScript');
  });

  it('reads no link from stream data, even when it spells one', () => {
    const text = '/URI (file:///etc/passwd) /S /Launch /JavaScript';
    const bytes = Buffer.from(
      `%PDF-1.7\n1 0 obj\n<</Length ${text.length}>>\nstream\n${text}\nendstream\nendobj\n2 0 obj\n<</Type /Annot /Subtype /Link /A <</S /URI /URI (https://example.org/)>>>>\nendobj\n`,
      'latin1'
    );
    expect(pdfActions(bytes)).toEqual({uris: ['https://example.org/'], kinds: ['URI']});
  });
});
