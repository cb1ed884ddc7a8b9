import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {mkdir, open, readFile, readdir, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build, type DocumentResult} from '../../src/index.js';
import {leakCases} from './cases/file-leaks.js';
import {openInPlainBrowser, type Opened} from './helpers/browser.js';
import {pageCarries} from './helpers/html.js';
import {png, svg} from './helpers/images.js';
import {label, matches, messagesOf, show} from './helpers/messages.js';
import {readPdf, type PdfContent} from './helpers/outputs.js';
import {manuscript, sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * No file outside the project reaches an output. Secrets outside the project are real
 * images (so only the path checks stand between them and the PDF); every case is printed
 * in one batch, then the pages, the PDFs, and the pages opened in a plain browser are
 * searched for the secret.
 */
let box: Sandbox;
const built = new Map<string, {document: DocumentResult; outputs: string[]; html?: string; pdf?: Buffer; content?: PdfContent}>();
let opened: Opened[] = [];
/** What /etc/passwd always starts with. */
const passwd = 'root:x:0:0:';

beforeAll(async () => {
  box = await sandbox('leaks');
  const {outside, project, token} = box;
  await writeFile(path.join(outside, 'secret.svg'), svg(token));
  await writeFile(path.join(outside, 'secret.png'), png(token));
  await writeFile(path.join(outside, 'secret.txt'), `${token}\n`);

  const images = path.join(project, 'images');
  await mkdir(images);
  await writeFile(path.join(images, 'ok.png'), png('inside the project'));
  await symlink(path.join(outside, 'secret.svg'), path.join(images, 'secret-link.svg'));
  await symlink(outside, path.join(images, 'outside-link'));
  await symlink('/etc/hostname', path.join(images, 'hostname.png'));
  await writeFile(path.join(images, 'notes.png'), `Not an image. ${token}\n`);
  expect(spawnSync('mkfifo', [path.join(images, 'fifo.png')]).status, 'mkfifo').toBe(0);
  // 11 MB, sparse: a PNG signature and nothing else.
  const huge = await open(path.join(images, 'huge.png'), 'w');
  await huge.write(png(), 0);
  await huge.truncate(11 * 1024 * 1024);
  await huge.close();
  await writeFile(
    path.join(images, 'xxe.svg'),
    `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file://${outside}/secret.txt">]>\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="4" y="24">&xxe;</text></svg>\n`
  );
  await writeFile(
    path.join(images, 'file-refs.svg'),
    [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200">',
      `<image href="file://${outside}/secret.png" width="10" height="10"/>`,
      `<image xlink:href="file://${outside}/secret.svg" width="10" height="10"/>`,
      `<foreignObject width="400" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="file://${outside}/secret.txt"></iframe></foreignObject>`,
      `<style>@import url("file://${outside}/secret.txt");</style>`,
      '<text x="4" y="180">file references</text>',
      '</svg>'
    ].join('\n')
  );

  const manuscripts = path.join(project, 'manuscripts');
  await mkdir(manuscripts);
  for (const {name, body} of leakCases) {
    await writeFile(path.join(manuscripts, `${name}.md`), manuscript(name, body.replaceAll('OUTSIDE', outside)));
  }
  const report = await build(
    leakCases.map(({name}) => `manuscripts/${name}.md`),
    {cwd: project, outDir: 'out', formats: ['pdf', 'html']}
  );
  const written = await readdir(path.join(project, 'out')).catch(() => [] as string[]);
  for (const document of report.documents) {
    const name = path.basename(document.input, '.md');
    const outputs = written.filter((file) => path.parse(file).name === name);
    const entry: {document: DocumentResult; outputs: string[]; html?: string; pdf?: Buffer; content?: PdfContent} = {document, outputs};
    if (outputs.includes(`${name}.html`)) entry.html = await readFile(path.join(project, 'out', `${name}.html`), 'utf8');
    if (outputs.includes(`${name}.pdf`)) {
      entry.pdf = await readFile(path.join(project, 'out', `${name}.pdf`));
      entry.content = await readPdf(entry.pdf);
    }
    built.set(name, entry);
  }
  // As a recipient opens them: JavaScript on, no request blocking.
  opened = await openInPlainBrowser(written.filter((file) => file.endsWith('.html')).map((file) => path.join(project, 'out', file)));
}, 180_000);

afterAll(async () => {
  await box.dispose();
});

describe('no file outside the project reaches an output', () => {
  it('the secrets are real images, and an image inside the project is inlined', () => {
    expect(readFileSync(path.join(box.outside, 'secret.png')).includes(box.token)).toBe(true);
    const control = built.get('control-image-inside');
    expect(control?.document.ok, show(control ? messagesOf(control.document.file) : [])).toBe(true);
    expect(control?.html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
  });

  it.each(leakCases)('$name', ({name, reported}) => {
    const entry = built.get(name);
    expect(entry, 'the manuscript was processed').toBeDefined();
    const {document, outputs, html, pdf, content} = entry as NonNullable<typeof entry>;
    const messages = messagesOf(document.file);

    if (reported) {
      expect(messages.some((message) => matches(message, reported)), `expected ${label(reported)}, got:\n${show(messages)}`).toBe(true);
    }
    expect(messages.filter((message) => message.line === undefined), 'every message has a place').toEqual([]);
    // An error means nothing is written; a warning means the page and PDF are made without the file.
    expect(outputs.length, `outputs ${outputs.join(', ')}`).toBe(document.ok ? 2 : 0);

    for (const secret of [box.token, passwd]) {
      if (html !== undefined) expect(pageCarries(html, secret), `page carries ${secret}`).toBe(false);
      if (pdf) expect(pdf.includes(secret), `PDF bytes carry ${secret}`).toBe(false);
      if (content) expect(content.text).not.toContain(secret);
    }
    // Nor file: links, nor the machine's paths (the project's, which no manuscript names;
    // a path the author typed as text may stay text).
    if (html !== undefined) expect(html).not.toContain(box.project);
    if (content) {
      expect(content.links.filter((url) => /^file:/i.test(url) || url.includes(box.base))).toEqual([]);
      expect(content.text).not.toContain(box.project);
    }
    const page = opened.find((item) => path.basename(item.file) === `${name}.html`);
    if (page) {
      expect(page.requests, 'requests of the page opened in a browser').toEqual([]);
      expect(page.text).not.toContain(box.token);
    }
  });
});
