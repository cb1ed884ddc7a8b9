import {readFile, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fromHtml} from 'hast-util-from-html';
import {select} from 'hast-util-select';
import {toString} from 'hast-util-to-string';
import {PDFDocument} from 'pdf-lib';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {inputCases} from './cases/input.js';
import {killStrayRuns, runCli, runCliWithin} from './helpers/cli.js';
import {crashOutput, label, matches, parseMessages, show} from './helpers/messages.js';
import {sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * Bad and hostile input, through the CLI as a user runs it: each case is a positioned
 * error and exit status 1 within its budget (6 s of CPU time, and the test's timeout),
 * with no stack trace. HTML only: these fail before printing. Then the input that must
 * work: BOM, CRLF, a 1 MB manuscript.
 */
const cpuBudget = 6;
const budget = 20_000;

let box: Sandbox;

beforeAll(async () => {
  box = await sandbox('input');
});
afterEach(() => killStrayRuns());
afterAll(async () => {
  await box.dispose();
});

describe('input that is refused', () => {
  it.each(inputCases)('$name', {timeout: budget}, async ({name, input, error}) => {
    await writeFile(path.join(box.project, `${name}.md`), input);
    const outDir = `out-${name}`;
    const result = await runCliWithin(['build', `${name}.md`, '--format', 'html', '--out-dir', outDir], {cwd: box.project}, cpuBudget);
    expect(result.overBudget, `stopped after ${result.overBudget} s of CPU, still running`).toBeUndefined();
    const messages = parseMessages(result.stderr);

    expect(messages.some((message) => matches(message, error)), `expected ${label(error)}, got:\n${show(messages)}`).toBe(true);
    expect(messages.filter((message) => message.line === undefined), 'every message has a place').toEqual([]);
    expect(result.stderr, 'no crash, no stack trace').not.toMatch(crashOutput);
    expect(result.code).toBe(1);
    expect(await readdir(path.join(box.project, outDir)).catch(() => []), 'nothing written').toEqual([]);
  });
});

describe('input that builds', () => {
  it('a UTF-8 BOM and CRLF line endings: built, title parsed (PDF and HTML)', {timeout: 60_000}, async () => {
    const variants = {
      bom: '\uFEFF---\ntitle: With a BOM\n---\n\nBody.\n',
      crlf: '---\r\ntitle: With CRLF\r\nauthors: [Ada]\r\n---\r\n\r\nBody.\r\n',
      'bom-crlf': '\uFEFF---\r\ntitle: With a BOM and CRLF\r\n---\r\n\r\nBody.\r\n'
    };
    for (const [name, text] of Object.entries(variants)) await writeFile(path.join(box.project, `${name}.md`), text);
    const result = await runCli(['build', ...Object.keys(variants).map((name) => `${name}.md`), '--out-dir', 'out-encodings'], {cwd: box.project});
    expect(parseMessages(result.stderr), result.stderr).toEqual([]);
    expect(result.code).toBe(0);

    for (const [name, text] of Object.entries(variants)) {
      const title = /title: (.+?)\r?\n/.exec(text)?.[1];
      const html = fromHtml(await readFile(path.join(box.project, 'out-encodings', `${name}.html`), 'utf8'));
      expect(toString(select('h1', html) ?? {type: 'root', children: []}).replaceAll('\u00AD', ''), name).toBe(title);
      const pdf = await PDFDocument.load(await readFile(path.join(box.project, 'out-encodings', `${name}.pdf`)), {updateMetadata: false});
      expect(pdf.getTitle(), name).toBe(title);
    }
  });

  it('a valid 1 MB manuscript builds its HTML within the budget', {timeout: 30_000}, async () => {
    const paragraph =
      'Lorem ipsum dolor sit amet, *consectetur* adipiscing elit, sed do **eiusmod** tempor incididunt ut labore et dolore magna aliqua. ' +
      'Ut enim ad minim veniam, quis [nostrud](https://example.org/) exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.\n\n';
    const body = `## Section\n\n${paragraph.repeat(20)}`;
    const text = `---\ntitle: One megabyte\n---\n\n${body.repeat(Math.ceil((1024 * 1024) / body.length))}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    await writeFile(path.join(box.project, 'one-megabyte.md'), text);

    const result = await runCli(['build', 'one-megabyte.md', '--format', 'html', '--out-dir', 'out-large'], {cwd: box.project});
    expect(parseMessages(result.stderr).filter((message) => message.severity === 'error'), result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect((await readFile(path.join(box.project, 'out-large', 'one-megabyte.html'))).byteLength).toBeGreaterThan(1024 * 1024);
  });
});
