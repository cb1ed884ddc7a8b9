import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {pathologicalCases} from './cases/pathological.js';
import {killStrayRuns, runCliWithin} from './helpers/cli.js';
import {crashOutput, parseMessages, show} from './helpers/messages.js';
import {manuscript, sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * Bounded work: each pathological input goes through the CLI with a 2-second document
 * budget (`--timeout 2`). It must finish, built (exit 0) or refused or stopped with a
 * reported error (exit 1), within 6 s of CPU time (start-up, then at most the document's
 * 2 s, with room to spare), and within the test's timeout of 20 s. The CPU budget is the
 * one that decides: on two cores shared with browser tests, wall-clock time says more
 * about the neighbours than about the parser. A parse that runs on past the document's
 * budget fails here, as a hung CI job would.
 */
const documentSeconds = 2;
const cpuBudget = 6;
const budget = 20_000;

let box: Sandbox;

beforeAll(async () => {
  box = await sandbox('pathological');
});
afterEach(() => killStrayRuns());
afterAll(async () => {
  await box.dispose();
});

describe('pathological Markdown finishes within its budget', () => {
  it.each(pathologicalCases)('$name', {timeout: budget}, async ({name, body}) => {
    await writeFile(path.join(box.project, `${name}.md`), manuscript(name, body));
    const result = await runCliWithin(['build', `${name}.md`, '--format', 'html', '--timeout', String(documentSeconds), '--out-dir', 'out'], {cwd: box.project}, cpuBudget);
    expect(result.overBudget, `stopped after ${result.overBudget} s of CPU, still running`).toBeUndefined();
    const messages = parseMessages(result.stderr);
    const errors = messages.filter((message) => message.severity === 'error');

    expect(result.stderr, 'no crash, no stack trace').not.toMatch(crashOutput);
    expect([0, 1], `exit status ${result.code}:\n${result.stderr.slice(0, 2000)}`).toContain(result.code);
    if (result.code === 1) expect(errors.length, 'a failure is reported').toBeGreaterThan(0);
    // Errors point into the manuscript, unless the document was stopped for time.
    expect(errors.filter((message) => message.line === undefined && !/timed out/.test(message.reason)), show(errors)).toEqual([]);
  });
});
