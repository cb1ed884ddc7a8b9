import {existsSync} from 'node:fs';
import {mkdir, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/index.js';
import {matterCases} from './cases/front-matter.js';
import {killStrayRuns, runCli} from './helpers/cli.js';
import {crashOutput, label, matches, parseMessages, show} from './helpers/messages.js';
import {sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * Front matter is data: every way of making it code, configuration or a bomb is refused
 * by the CLI with a positioned error and exit status 1, and runs nothing. HTML only, so no
 * browser is needed: these fail before anything is printed.
 */
const budget = 15_000;

let box: Sandbox;
let markers: string;

beforeAll(async () => {
  box = await sandbox('matter');
  markers = path.join(box.base, 'markers');
  await mkdir(markers);
});
afterEach(() => killStrayRuns());
afterAll(async () => {
  await box.dispose();
});

describe('front matter never runs and never configures', () => {
  it('builds a plain YAML manuscript (the harness can tell success from failure)', {timeout: budget}, async () => {
    await writeFile(path.join(box.project, 'control.md'), '---\ntitle: Plain YAML\nauthors: [Ada]\n---\n\nBody.\n');
    const result = await runCli(['build', 'control.md', '--format', 'html', '--out-dir', 'out-control'], {cwd: box.project});
    expect(result.stderr).not.toMatch(/ error /);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(box.project, 'out-control', 'control.html'))).toBe(true);
  });

  it.each(matterCases)('$name: positioned error, exit 1, nothing run', {timeout: budget}, async ({name, input, error, args = []}) => {
    const marker = path.join(markers, name);
    await writeFile(path.join(box.project, `${name}.md`), input.replaceAll('MARKER', marker));
    const outDir = `out-${name}`;

    const result = await runCli(['build', `${name}.md`, '--format', 'html', '--out-dir', outDir, ...args], {cwd: box.project});
    const messages = parseMessages(result.stderr);

    expect(messages.some((message) => message.severity === 'error' && matches(message, error)), `expected ${label(error)}, got:\n${show(messages)}`).toBe(true);
    expect(messages.every((message) => message.line !== undefined), 'every message has a place').toBe(true);
    expect(result.stderr, 'no crash, no stack trace, no engine error text').not.toMatch(crashOutput);
    expect(result.code).toBe(1);
    expect(existsSync(marker), 'the payload ran').toBe(false);
    expect(await readdir(path.join(box.project, outDir)).catch(() => []), 'nothing written').toEqual([]);
  });

  it('cannot pollute prototypes in the process that builds it', async () => {
    const attempts = [
      '---\ntitle: x\n__proto__:\n  polluted: yes\n---\n\nBody.\n',
      '---\ntitle: x\nconstructor:\n  prototype:\n    polluted: yes\n---\n\nBody.\n',
      '---\ntitle: x\nauthors:\n  - name: A\n    __proto__: {polluted: yes}\n---\n\nBody.\n',
      '---\ntitle: x\n"__proto__": {polluted: yes}\n---\n\nBody.\n'
    ];
    const files: string[] = [];
    for (const [index, value] of attempts.entries()) {
      await writeFile(path.join(box.project, `proto-${index}.md`), value);
      files.push(`proto-${index}.md`);
    }
    const report = await build(files, {cwd: box.project, outDir: 'out-proto', formats: ['html']});
    expect(report.documents.map((document) => document.ok)).toEqual(attempts.map(() => false));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
