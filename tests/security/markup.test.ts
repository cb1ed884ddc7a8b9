import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fromHtml} from 'hast-util-from-html';
import {toString} from 'hast-util-to-string';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build, type DocumentResult} from '../../src/index.js';
import {markupCases} from './cases/markup.js';
import {liveMarkup} from './helpers/html.js';
import {label, matches, messagesOf, show} from './helpers/messages.js';
import {isWholePdf, readPdf, type PdfContent} from './helpers/outputs.js';
import {manuscript, sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * Raw HTML and dangerous URLs: all cases are printed in one batch (one browser), then each
 * page is parsed and searched for anything live, each PDF read back for its links.
 */
let box: Sandbox;
const results = new Map<string, {document: DocumentResult; html: string; pdf: Uint8Array; content: PdfContent}>();

beforeAll(async () => {
  box = await sandbox('markup');
  const files: string[] = [];
  for (const {name, body, input} of markupCases) {
    await writeFile(path.join(box.project, `${name}.md`), input ?? manuscript(name, body ?? ''));
    files.push(`${name}.md`);
  }
  const report = await build(files, {cwd: box.project, outDir: 'out', formats: ['pdf', 'html']});
  for (const document of report.documents) {
    const name = path.basename(document.input, '.md');
    if (!document.ok) {
      results.set(name, {document, html: '', pdf: new Uint8Array(), content: {pages: 0, text: '', links: [], javascript: false, attachments: []}});
      continue;
    }
    const html = await readFile(path.join(box.project, 'out', `${name}.html`), 'utf8');
    const pdf = new Uint8Array(await readFile(path.join(box.project, 'out', `${name}.pdf`)));
    results.set(name, {document, html, pdf, content: await readPdf(pdf)});
  }
}, 180_000);

afterAll(async () => {
  await box.dispose();
});

describe('no live markup from the manuscript', () => {
  it.each(markupCases)('$name', ({name, warnings, keeps}) => {
    const result = results.get(name);
    expect(result, 'built at all').toBeDefined();
    const {document, html, pdf, content} = result as NonNullable<typeof result>;
    const messages = messagesOf(document.file);

    // The PDF still builds: dropping markup is a warning, not a failure.
    expect(document.ok, `not built:\n${show(messages)}`).toBe(true);
    expect(isWholePdf(pdf)).toBe(true);

    // Said with a positioned warning.
    for (const expected of warnings) {
      expect(messages.some((message) => matches(message, expected)), `expected ${label(expected)}, got:\n${show(messages)}`).toBe(true);
    }
    expect(messages.filter((message) => message.line === undefined), 'every message has a place').toEqual([]);

    // Nothing live in the page, parsed as a browser parses it.
    expect(liveMarkup(html)).toEqual([]);
    // Soft hyphens are the typesetter's (build-time hyphenation), not the manuscript's.
    if (keeps) expect(toString(fromHtml(html)).replaceAll('\u00AD', '')).toContain(keeps);

    // Nothing live in the PDF: links only to the web or mail, no scripts, no attachments.
    expect(content.links.filter((url) => !/^(?:https?:\/\/[^/\\]|mailto:)/i.test(url))).toEqual([]);
    expect(content.javascript).toBe(false);
    expect(content.attachments).toEqual([]);
  });
});
