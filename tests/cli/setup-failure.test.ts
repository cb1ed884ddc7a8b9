import {describe, expect, it} from 'vitest';
import {UsageError} from '../../src/cli/arguments.js';
import {exitCode} from '../../src/cli/exit-codes.js';
import {setupFailure} from '../../src/cli/setup-failure.js';
import {ConfigError} from '../../src/config/config-file.js';
import {SettingsError} from '../../src/config/config.js';
import {InputError} from '../../src/manuscripts/manuscripts.js';
import {captureOutput} from './helpers.js';

const usage = 'Usage: briefing test <file>';

describe('setupFailure', () => {
  it('lists configuration errors with their places, without the usage: exit status 2', async () => {
    const error = new ConfigError('briefing.config.json:2:3: error Unknown key `colour`\nbriefing.config.json:3:3: error Invalid `paper`');
    const {result, stderr} = await captureOutput(() => setupFailure(error, usage));
    expect(result).toBe(exitCode.usage);
    expect(stderr).toBe('briefing.config.json:2:3: error Unknown key `colour`\nbriefing.config.json:3:3: error Invalid `paper`\n');
  });

  it('reports usage, input and settings errors with the usage: exit status 2', async () => {
    for (const error of [new UsageError('Bad flag'), new InputError('x.md: no such file or folder'), new SettingsError('Invalid paper')]) {
      const {result, stderr} = await captureOutput(() => setupFailure(error, usage));
      expect(result, error.name).toBe(exitCode.usage);
      expect(stderr).toBe(`briefing: ${error.message}\n\n${usage}\n`);
    }
  });

  it('reports anything else without the usage: exit status 1', async () => {
    const {result, stderr} = await captureOutput(() => setupFailure(new Error('Chromium did not start'), usage));
    expect(result).toBe(exitCode.failed);
    expect(stderr).toBe('briefing: Chromium did not start\n');
  });

  it('escapes control characters of names from the command line or a manuscript', async () => {
    const {stderr} = await captureOutput(() => setupFailure(new InputError('a\u001B]0;x\u0007.md\nforged.md:1:1: error'), usage));
    expect(stderr.split('\n')[0]).toBe('briefing: a\\x1b]0;x\\x07.md\\x0aforged.md:1:1: error');
    const config = await captureOutput(() => setupFailure(new ConfigError('a\u001B[2J.json:1:1: error Bad'), usage));
    expect(config.stderr).toBe('a\\x1b[2J.json:1:1: error Bad\n');
  });
});
