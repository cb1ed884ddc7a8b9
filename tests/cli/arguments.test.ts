import {describe, expect, it} from 'vitest';
import {commonOptions, parseCommand, usageFailure, UsageError} from '../../src/cli/arguments.js';
import {exitCode} from '../../src/cli/exit-codes.js';
import {version} from '../../src/util/version.js';
import {captureOutput} from './helpers.js';

const options = {...commonOptions, paper: {type: 'string', short: 'p'}, to: {type: 'string', multiple: true}} as const;
const usage = 'Usage: briefing test <file>';

describe('parseCommand', () => {
  it('returns flags by name and the positionals, long, short and repeated', async () => {
    const {result, stdout, stderr} = await captureOutput(() => parseCommand(['a.md', '-p', 'letter', '--to', 'x@example.org', '--to', 'y@example.org', '--quiet', 'b.md'], options, usage));
    expect(result).toEqual({values: {paper: 'letter', to: ['x@example.org', 'y@example.org'], quiet: true}, inputs: ['a.md', 'b.md']});
    expect(stdout + stderr).toBe('');
  });

  it('answers --help with the usage and --version with the version on standard output, exit status 0', async () => {
    for (const [flag, expected] of [['--help', usage], ['-h', usage], ['--version', version], ['-v', version]] as const) {
      const {result, stdout, stderr} = await captureOutput(() => parseCommand(['a.md', flag], options, usage));
      expect(result, flag).toBe(exitCode.ok);
      expect(stdout, flag).toBe(`${expected}\n`);
      expect(stderr, flag).toBe('');
    }
  });

  it('refuses an unknown flag and a missing value with the usage on standard error, exit status 2', async () => {
    for (const argv of [['a.md', '--colour'], ['a.md', '--paper']]) {
      const {result, stdout, stderr} = await captureOutput(() => parseCommand(argv, options, usage));
      expect(result, argv.join(' ')).toBe(exitCode.usage);
      expect(stderr).toMatch(/^briefing: .*\n\nUsage: briefing test <file>\n$/);
      expect(stdout).toBe('');
    }
  });
});

describe('usageFailure', () => {
  it('prints the message and the usage, and gives exit status 2', async () => {
    const {result, stderr} = await captureOutput(() => usageFailure('Missing manuscript', usage));
    expect(result).toBe(2);
    expect(stderr).toBe('briefing: Missing manuscript\n\nUsage: briefing test <file>\n');
  });

  it('has an error class of its own', () => {
    const error = new UsageError('Bad flag');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('UsageError');
  });
});
