import {spawn} from 'node:child_process';
import {PDFDocument, StandardFonts} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {liveMarkup, pageCarries} from './helpers/html.js';
import {png} from './helpers/images.js';
import {crashOutput, matches, parseMessages} from './helpers/messages.js';
import {readPdf} from './helpers/outputs.js';
import {isAlive, processTable, survivors} from './helpers/processes.js';

/**
 * The detectors the security tests rely on find what they look for: a test that cannot
 * fail proves nothing.
 */
const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`;
const page = (head: string, body: string): string => `<!doctype html><html><head><meta charset="utf-8">${head}<style>p{}</style></head><body>${body}</body></html>`;

describe('liveMarkup', () => {
  it('passes an inert page', () => {
    const image = `data:image/png;base64,${png().toString('base64')}`;
    expect(liveMarkup(page(csp, `<p><a href="https://example.org/">a</a> <a href="#x">b</a> <a href="mailto:a@example.org">c</a><img src="${image}" alt=""></p>`))).toEqual([]);
  });

  it.each([
    ['a script', '<script>alert(1)</script>'],
    ['an event handler', '<p onclick="alert(1)">x</p>'],
    ['an event handler on an image', '<img src="data:image/png;base64,AA==" onerror="alert(1)">'],
    ['an iframe', '<iframe src="https://example.org/"></iframe>'],
    ['an SVG', '<svg><circle r="1"/></svg>'],
    ['a style attribute', '<p style="color:red">x</p>'],
    ['a style element in the body', '<style>p{}</style>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['a protocol-relative link', '<a href="//example.org/">x</a>'],
    ['a file: link', '<a href="file:///etc/passwd">x</a>'],
    ['a remote image', '<img src="https://example.org/x.png">'],
    ['an srcset', '<img src="data:image/png;base64,AA==" srcset="https://example.org/x.png 2x">'],
    ['a form', '<form action="https://example.org/"><input name="q"></form>'],
    ['a base', '<base href="https://example.org/">'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://example.org/">']
  ])('finds %s', (_name, body) => {
    expect(liveMarkup(page(csp, body)).length).toBeGreaterThan(0);
  });

  it('finds a page without its Content-Security-Policy', () => {
    expect(liveMarkup(page('', '<p>x</p>'))).toEqual(['no Content-Security-Policy <meta>']);
  });
});

describe('pageCarries', () => {
  it('finds a secret as text, and inside an inlined image', () => {
    expect(pageCarries('<p>SECRET123</p>', 'SECRET123')).toBe(true);
    expect(pageCarries(`<img src="data:image/png;base64,${png('SECRET123').toString('base64')}">`, 'SECRET123')).toBe(true);
    expect(pageCarries(`<img src="data:image/png;base64,${png('other').toString('base64')}">`, 'SECRET123')).toBe(false);
  });
});

describe('messages', () => {
  it('parses the CLI lines and matches places', () => {
    const [message] = parseMessages('\u001B[2Kdoc.md:12:3: error Unexpected thing, expected another [some-rule]\n✗ doc.md: not built\n');
    expect(message).toEqual({file: 'doc.md', line: 12, column: 3, severity: 'error', reason: 'Unexpected thing, expected another', rule: 'some-rule'});
    if (!message) return;
    expect(matches(message, {rule: 'some-rule', at: '12:3'})).toBe(true);
    expect(matches(message, {rule: 'some-rule', at: '12'})).toBe(true);
    expect(matches(message, {rule: /^some-/})).toBe(true);
    expect(matches(message, {rule: 'some-rule', at: '12:4'})).toBe(false);
    expect(matches(message, {rule: 'some-rule', severity: 'warning'})).toBe(false);
  });

  it('recognises crash output', () => {
    expect('RangeError: Maximum call stack size exceeded\n    at visit (file:///x/y.js:10:5)\n').toMatch(crashOutput);
    expect('doc.md:1:1: error Manuscript too large [input-size]\n').not.toMatch(crashOutput);
  });
});

describe('readPdf', () => {
  it('reads a PDF’s text', async () => {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    document.addPage().drawText('SECRET456 in a PDF', {x: 50, y: 700, font, size: 12});
    const content = await readPdf(await document.save());
    expect(content.pages).toBe(1);
    expect(content.text).toContain('SECRET456');
  });
});

describe('processes', () => {
  it('tells a live process from an exited one', async () => {
    const child = spawn('sleep', ['30']);
    const info = processTable().get(child.pid ?? -1);
    expect(info && isAlive(info)).toBe(true);
    child.kill('SIGKILL');
    expect(info ? await survivors([info], 2000) : ['missing']).toEqual([]);
  });
});
