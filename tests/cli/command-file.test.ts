import {execFile} from 'node:child_process';
import {mkdtemp, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {writeOutputs} from '../../scripts/bundles.mjs';
import {version} from '../../src/util/version.js';
import {cli} from './helpers.js';

const run = promisify(execFile);

describe('dist/cli.js as a command', () => {
  it('runs by itself, as npm’s `briefing` link runs it, after the tests’ build rewrote it', async () => {
    expect((await stat(cli)).mode & 0o111, 'executable').not.toBe(0);
    expect((await run(cli, ['--version'])).stdout).toBe(`${version}\n`);
  });

  it('is written executable when it starts with #!, and other outputs are not', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefing-outputs-'));
    try {
      const command = path.join(dir, 'tool.js');
      const chunk = path.join(dir, 'chunk.js');
      // A file already there, not executable, as a rename would leave it.
      await writeFile(command, 'old', {mode: 0o644});
      // The two fields of esbuild's output files that writeOutputs reads.
      const outputs = [
        {path: command, contents: Buffer.from('#!/usr/bin/env node\nconsole.log(1)\n')},
        {path: chunk, contents: Buffer.from('export const a = 1;\n')}
      ] as unknown as Parameters<typeof writeOutputs>[0];
      await writeOutputs(outputs);
      expect((await stat(command)).mode & 0o111).not.toBe(0);
      expect((await stat(chunk)).mode & 0o111).toBe(0);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
