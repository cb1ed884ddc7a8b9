import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DocumentResult} from '../../src/build/build.js';
import {Progress} from '../../src/cli/progress.js';
import {reportError} from '../../src/messages/messages.js';
import {runCli, type CliResult} from './helpers/cli.js';
import {sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * Clean text out: whatever a manuscript or a file name holds, what briefing prints on a
 * terminal or in a log carries no control character but the newlines between its own
 * lines. Escape sequences from a YAML key, from quoted raw HTML and from file names are
 * shown as `\x1b`-style escapes; a newline in a file name cannot forge a message line.
 */
let box: Sandbox;
let batch: CliResult;

/** Every C0 control but the newline, DEL, and every C1 control. */
const raw = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
/** OSC 52 (write the clipboard), a title change, a screen clear, a cursor move, CSI as one C1 byte. */
const payload = '\u001B]52;c;cHduZWQ=\u0007\u001B]0;owned\u0007\u001B[2J\u001B[1;1H\u009B31m';
/** A file name whose newline would start a line of its own: a forged error, then a forged success. */
const forgingName = 'weekly\nforged.md:1:1: error Forged message [forged]\n✓ forged.md.md';

beforeAll(async () => {
  box = await sandbox('terminal');
  const docs = path.join(box.project, 'docs');
  await mkdir(docs);
  // An unknown key whose name is the payload (YAML's double quotes write ESC as \e).
  await writeFile(path.join(docs, 'key.md'), '---\ntitle: Keys\n"\\e]52;c;cHduZWQ=\\a\\e]0;owned\\a\\e[2J\\e[1;1H": 1\n---\n\nBody.\n');
  // Raw HTML with the payload inside a quoted attribute, which a message quotes back.
  await writeFile(path.join(docs, 'html.md'), `---\ntitle: Raw\n---\n\n<span title="${payload}">Text</span> and <b onclick="${payload}">more</b>.\n`);
  // A manuscript with an error, under a name that holds newlines and the payload.
  await writeFile(path.join(docs, forgingName), `---\ntitle: Forged\ncolour: red\n---\n\n![Missing](nothing-${payload}.png)\n`);
  await writeFile(path.join(docs, `title-${payload}.md`), `---\ntitle: "Bell \\a and escape \\e[5m"\n---\n\nA fine document.\n`);
  batch = await runCli(['build', 'docs', '--format', 'html'], {cwd: box.project});
}, 120_000);

afterAll(async () => {
  await box.dispose();
});

describe('clean text out', () => {
  it('the batch ran and said something about every manuscript', () => {
    // Detector: each payload did reach a message, so a clean stderr is not a quiet one.
    expect(batch.stderr).toMatch(/Unexpected front-matter key|front-matter-unused/);
    expect(batch.stderr).toContain('\\x1b]52;c;cHduZWQ=\\x07');
    expect(batch.stderr).toContain('weekly\\x0aforged.md:1:1: error Forged message [forged]\\x0a✓ forged.md.md');
    expect(batch.stderr).toMatch(/title-\\x1b\]52;c;cHduZWQ=\\x07.*\\x9b31m\.md/);
  });

  it('prints no control character from a YAML key, raw HTML or a file name', () => {
    expect(batch.stderr).not.toMatch(raw);
    expect(batch.stdout).not.toMatch(raw);
  });

  it('a newline in a file name forges no message line and no success line', () => {
    const lines = batch.stderr.split('\n');
    expect(lines.filter((line) => line.startsWith('forged.md'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('✓ forged'))).toEqual([]);
    // Every line is a message or a document line about a manuscript in docs/, or the closing line.
    for (const line of lines) expect(line, line).toMatch(/^(?:[✓✗] )?docs\/|^\d+ of \d+ built|^$/);
  });

  it('a file name in an input error is escaped too', async () => {
    const result = await runCli(['build', `missing-${payload}.md`], {cwd: box.project});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing-\\x1b]52;c;cHduZWQ=\\x07');
    expect(result.stderr).not.toMatch(raw);
  });

  it('the live progress line and the closing table escape names (a terminal, not a log)', () => {
    let written = '';
    const stream = {isTTY: true, columns: 200, write: (text: string) => (written += text)};
    const progress = new Progress(stream, {live: true, now: () => 0});
    const input = `docs/${forgingName}${payload}`;
    const file = new VFile({path: input});
    reportError(file, `Missing image \`${payload}\``, {line: 1, column: 1}, 'image-missing');
    const failed: DocumentResult = {input, ok: false, outputs: [], milliseconds: 5, file};
    const built: DocumentResult = {input: `${input}2`, ok: true, outputs: [`out/${payload}.html`], milliseconds: 5, file: new VFile({path: `${input}2`})};
    progress.start(input, 0, 2);
    progress.document(failed, 0);
    progress.start(built.input, 1, 2);
    progress.document(built, 1);
    progress.rebuilt(built);
    progress.rebuilt(failed);
    progress.finish(`out-${payload}`);
    progress.close();
    // The progress line's own clear-line sequence is the only control it writes.
    const own = written.replaceAll('\r\u001B[2K', '');
    expect(own).not.toMatch(raw);
    expect(own).toContain('\\x1b]0;owned\\x07');
    expect(own.split('\n').filter((line) => line.startsWith('forged.md'))).toEqual([]);
  });
});
