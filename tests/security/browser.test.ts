import {mkdir, readFile, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {VFile} from 'vfile';
import {build, createRenderer, type Rendered} from '../../src/index.js';
import {messagesOf, show} from './helpers/messages.js';
import {isWholePdf, temporaryFiles} from './helpers/outputs.js';
import {chromiumBelow, ChromiumWatch, survivors, type ProcessInfo} from './helpers/processes.js';
import {manuscript, sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * The browser fails: it is killed in the middle of a batch, or a document cannot be printed
 * within its budget. The build must go on, report what failed, and leave no Chromium
 * behind. Chromium processes are told apart from other test files' by being descendants
 * of this worker process.
 */
let box: Sandbox;

beforeAll(async () => {
  box = await sandbox('browser');
});
afterAll(async () => {
  await box.dispose();
});

/** A few pages of text. */
const pages = (index: number): string => manuscript(`Document ${index}`, `Paragraph ${index} with enough words to fill a line or two. `.repeat(400));

describe('the browser fails', () => {
  it('killed mid-batch: the batch finishes, at most the document in flight fails, no Chromium remains', {timeout: 90_000}, async () => {
    const dir = path.join(box.project, 'killed');
    await mkdir(dir);
    const inputs: string[] = [];
    for (let index = 0; index < 8; index++) {
      await writeFile(path.join(dir, `doc${index}.md`), pages(index));
      inputs.push(`killed/doc${index}.md`);
    }
    const watch = new ChromiumWatch(() => process.pid);
    const killed: ProcessInfo[] = [];
    let killing: Promise<void> | undefined;

    let report;
    try {
      report = await build(inputs, {
        cwd: box.project,
        outDir: 'out-killed',
        concurrency: 1,
        onDocument(_result, index) {
          if (index !== 0) return;
          // Shortly after the first document: the second is in flight.
          killing = new Promise((resolve) => {
            setTimeout(() => {
              for (const info of watch.look()) {
                try {
                  process.kill(info.pid, 'SIGKILL');
                  killed.push(info);
                } catch {
                  // Already gone.
                }
              }
              resolve();
            }, 100);
          });
        }
      });
    } finally {
      watch.stop();
    }
    await killing;

    expect(killed.length, 'Chromium processes were killed').toBeGreaterThan(0);
    expect(report.documents).toHaveLength(8);
    const failed = report.documents.filter((document) => !document.ok);
    expect(failed.length, failed.map((document) => `${document.input}: ${show(messagesOf(document.file))}`).join('\n')).toBeLessThanOrEqual(1);
    for (const document of failed) expect(messagesOf(document.file).some((message) => message.severity === 'error'), 'a failure says why').toBe(true);
    for (const document of report.documents.filter((item) => item.ok)) {
      const name = path.basename(document.input, '.md');
      expect(isWholePdf(await readFile(path.join(box.project, 'out-killed', `${name}.pdf`))), name).toBe(true);
    }
    const restarted = [...watch.seen.values()].filter((info) => !killed.some((victim) => victim.pid === info.pid));
    expect(restarted.length, 'a fresh Chromium printed the rest').toBeGreaterThan(0);
    expect(await survivors(watch.seen.values()), 'Chromium processes still alive').toEqual([]);
    expect(chromiumBelow(process.pid)).toEqual([]);
    expect(await temporaryFiles(path.join(box.project, 'out-killed'))).toEqual([]);
  });

  it('a print that cannot finish in time: "timed out", the batch goes on, no Chromium remains, the old PDF stays', {timeout: 90_000}, async () => {
    const dir = path.join(box.project, 'hung');
    await mkdir(dir);
    await writeFile(path.join(dir, 'before.md'), pages(1));
    // About 3,000 pages of code: parsed in a second or two, printed in half a minute. The
    // budget leaves the short documents room on a loaded machine, and the listing none.
    const listing = Array.from({length: 150_000}, (_, line) => `line ${line} goes on`).join('\n');
    await writeFile(path.join(dir, 'endless.md'), manuscript('Endless', `\`\`\`\n${listing}\n\`\`\``));
    await writeFile(path.join(dir, 'after.md'), pages(2));
    const out = path.join(box.project, 'out-hung');
    await mkdir(out);
    const earlier = Buffer.from('%PDF-1.7\n% an earlier good print\n%%EOF\n');
    await writeFile(path.join(out, 'endless.pdf'), earlier);

    const watch = new ChromiumWatch(() => process.pid);
    let report;
    try {
      report = await build(['hung/before.md', 'hung/endless.md', 'hung/after.md'], {cwd: box.project, outDir: 'out-hung', concurrency: 1, timeout: 8000});
    } finally {
      watch.stop();
    }
    const [before, endless, after] = report.documents;

    expect(endless?.ok).toBe(false);
    const reasons = endless ? messagesOf(endless.file).map((message) => message.reason) : [];
    expect(reasons.some((reason) => /timed out/.test(reason)), reasons.join('\n')).toBe(true);
    expect(before?.ok, before ? show(messagesOf(before.file)) : '').toBe(true);
    expect(after?.ok, after ? show(messagesOf(after.file)) : '').toBe(true);
    expect(await readFile(path.join(out, 'endless.pdf'))).toEqual(earlier);
    expect(await temporaryFiles(out)).toEqual([]);
    expect((await readdir(out)).sort()).toEqual(['after.html', 'after.pdf', 'before.html', 'before.pdf', 'endless.pdf']);
    expect(watch.seen.size, 'Chromium was watched').toBeGreaterThan(0);
    expect(await survivors(watch.seen.values()), 'Chromium processes still alive').toEqual([]);
    expect(chromiumBelow(process.pid)).toEqual([]);
  });

  it('Chromium is driven over a pipe, resolves no host names, and keeps its sandbox unless run as root', {timeout: 60_000}, async () => {
    await writeFile(path.join(box.project, 'flags.md'), pages(3));
    const watch = new ChromiumWatch(() => process.pid, 10);
    try {
      const report = await build(['flags.md'], {cwd: box.project, outDir: 'out-flags', formats: ['pdf']});
      expect(report.ok).toBe(true);
    } finally {
      watch.stop();
    }
    const browsers = [...watch.seen.values()].filter((info) => !/--type=/.test(info.command));
    expect(browsers.length, 'the browser process was seen').toBeGreaterThan(0);
    for (const {command} of browsers) {
      expect(command).toContain('--remote-debugging-pipe');
      expect(command).not.toMatch(/--remote-debugging-port|--remote-debugging-address/);
      expect(command).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
      expect(command.includes('--no-sandbox'), command).toBe(process.getuid?.() === 0);
    }
    expect(await survivors(watch.seen.values())).toEqual([]);
  });

  it('killed while three documents wait to print: one new Chromium prints all three', {timeout: 90_000}, async () => {
    const renderer = await createRenderer({concurrency: 3});
    try {
      const made = await Promise.all([0, 1, 2].map((index) => renderer.html(new VFile({path: `crash${index}.md`, value: pages(index)}))));
      await renderer.pdf(made[0] as Rendered);
      const browsers = (): ProcessInfo[] => chromiumBelow(process.pid).filter((info) => !/--type=/.test(info.command));
      const before = browsers();
      expect(before).toHaveLength(1);
      for (const info of before) process.kill(info.pid, 'SIGKILL');
      await expect.poll(() => browsers().filter((info) => before.some((old) => old.pid === info.pid)).length).toBe(0);
      const watch = new ChromiumWatch(() => process.pid, 5);
      let printed;
      try {
        printed = await Promise.all(made.map((document) => renderer.pdf(document)));
      } finally {
        watch.stop();
      }
      for (const document of printed) expect(isWholePdf(document.pdf ?? new Uint8Array())).toBe(true);
      const started = [...watch.seen.values()].filter((info) => !/--type=/.test(info.command) && !before.some((old) => old.pid === info.pid));
      expect(started.map((info) => info.pid)).toHaveLength(1);
    } finally {
      await renderer.close();
    }
  });
});
