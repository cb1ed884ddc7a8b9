import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build, type DocumentResult} from '../../src/index.js';
import {externalSvg, networkCases} from './cases/network.js';
import {openInPlainBrowser} from './helpers/browser.js';
import {startCanary, type Canary, type CanaryHit} from './helpers/canary.js';
import {label, matches, messagesOf, show} from './helpers/messages.js';
import {isWholePdf} from './helpers/outputs.js';
import {manuscript, sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * No request leaves the process. A canary server on 127.0.0.1 (and ::1) records every
 * request and connection while all cases print in one batch in real Chromium, and again
 * while the HTML outputs are opened in a plain browser with JavaScript on, as a recipient
 * would open them. Both controls first prove that a request would have been seen.
 */
let box: Sandbox;
let canary: Canary;
const documents = new Map<string, DocumentResult>();
/** Hits while printing, and while a plain browser showed the outputs. */
let printing: CanaryHit[] = [];
let reading: CanaryHit[] = [];
/** What the plain browser did with a page that does load from the canary. */
let control: {hits: CanaryHit[]; requests: readonly string[]} = {hits: [], requests: []};
let selfTest: CanaryHit[] = [];

const fill = (text: string): string => text.replaceAll('CANARY', canary.origin).replaceAll('PORT', String(canary.port));

beforeAll(async () => {
  box = await sandbox('network');
  canary = await startCanary();

  // The canary hears a request when one is made.
  await (await fetch(`${canary.origin}/self-test`)).text();
  selfTest = [...canary.hits];
  canary.reset();

  await mkdir(path.join(box.project, 'images'));
  await writeFile(path.join(box.project, 'images', 'external.svg'), externalSvg(canary.origin));
  const files: string[] = [];
  for (const {name, body, input} of networkCases) {
    await writeFile(path.join(box.project, `${name}.md`), fill(input ?? manuscript(name, body ?? '')));
    files.push(`${name}.md`);
  }
  const report = await build(files, {cwd: box.project, outDir: 'out', formats: ['pdf', 'html']});
  for (const document of report.documents) documents.set(path.basename(document.input, '.md'), document);
  // Late requests (a redirect, a lazy load) would come soon after: wait a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
  printing = [...canary.hits];
  canary.reset();

  // The same browser that reads the outputs must see a plain page's request.
  const controlPage = path.join(box.base, 'control.html');
  await writeFile(controlPage, `<!doctype html><title>control</title><img src="${canary.origin}/control/x.png">`);
  const pages = (await readdir(path.join(box.project, 'out'))).filter((file) => file.endsWith('.html')).map((file) => path.join(box.project, 'out', file));
  await openInPlainBrowser([controlPage, ...pages], (opened) => {
    if (opened.file !== controlPage) return;
    control = {hits: [...canary.hits], requests: opened.requests};
    canary.reset();
  });
  reading = [...canary.hits];
}, 180_000);

afterAll(async () => {
  await canary?.close();
  await box?.dispose();
});

const describeHits = (hits: readonly CanaryHit[]): string => hits.map((hit) => `${hit.kind} ${hit.method ?? ''} ${hit.url ?? ''} from ${hit.address}`).join('\n');

describe('no request leaves the process', () => {
  it('the canary records requests, from Node and from a plain browser', () => {
    expect(selfTest.some((hit) => hit.kind === 'request' && hit.url === '/self-test')).toBe(true);
    expect(control.hits.some((hit) => hit.kind === 'request' && hit.url === '/control/x.png')).toBe(true);
    expect(control.requests).toContain(`${canary.origin}/control/x.png`);
  });

  it('printing every case made no request and no connection', () => {
    expect(printing, describeHits(printing)).toEqual([]);
  });

  it('opening every HTML output in a plain browser made no request and no connection', () => {
    expect(reading, describeHits(reading)).toEqual([]);
  });

  it.each(networkCases)('$name', ({name, reported}) => {
    const document = documents.get(name);
    expect(document, 'processed').toBeDefined();
    const {file, ok} = document as DocumentResult;
    const messages = messagesOf(file);
    expect(ok, show(messages)).toBe(true);
    if (reported) expect(messages.some((message) => matches(message, reported)), `expected ${label(reported)}, got:\n${show(messages)}`).toBe(true);
    expect(messages.filter((message) => message.line === undefined), 'every message has a place').toEqual([]);
    expect([...printing, ...reading].filter((hit) => hit.url?.startsWith(`/${name}/`)), 'hits for this case').toEqual([]);
  });

  it('every case printed a whole PDF', async () => {
    for (const name of documents.keys()) {
      expect(isWholePdf(await readFile(path.join(box.project, 'out', `${name}.pdf`))), name).toBe(true);
    }
  });
});
