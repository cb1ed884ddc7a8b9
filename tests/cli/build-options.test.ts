import {describe, expect, it} from 'vitest';
import {UsageError} from '../../src/cli/arguments.js';
import {documentOptions, flagsToSettings, outputOptions} from '../../src/cli/build-options.js';
import {maxConcurrency} from '../../src/config/config.js';

describe('flagsToSettings', () => {
  it('leaves every setting no flag gives undefined, so it overrides nothing', () => {
    const layer = flagsToSettings({});
    expect(Object.values(layer).every((value) => value === undefined)).toBe(true);
  });

  it('turns each flag into its setting: names lower-cased, seconds into milliseconds, lists split', () => {
    expect(
      flagsToSettings({
        'out-dir': 'site',
        paper: 'Letter',
        edition: 'PRINT',
        format: 'html, PDF',
        template: './house',
        timeout: '2.5',
        concurrency: '3',
        browser: '/usr/bin/chromium',
        strict: true,
        root: '..'
      })
    ).toEqual({
      outDir: 'site',
      paper: 'letter',
      edition: 'print',
      formats: ['html', 'pdf'],
      template: './house',
      timeout: 2500,
      concurrency: 3,
      browser: '/usr/bin/chromium',
      strict: true,
      root: '..'
    });
  });

  it('makes one format for --stdout: PDF unless told otherwise, never two', () => {
    expect(flagsToSettings({stdout: true}).formats).toEqual(['pdf']);
    expect(flagsToSettings({stdout: true, format: 'html'}).formats).toEqual(['html']);
    expect(() => flagsToSettings({stdout: true, format: 'pdf,html'})).toThrow('--stdout writes one output');
  });

  it.each([
    [{paper: 'a5'}, 'Unknown paper `a5`, expected a4 or letter'],
    [{edition: 'web'}, 'Unknown edition `web`, expected screen or print'],
    [{format: 'pdf,docx'}, 'Unknown format `docx`, expected pdf, html or pdf,html'],
    [{timeout: '0'}, 'Invalid --timeout `0`, expected seconds above 0'],
    [{timeout: 'soon'}, 'Invalid --timeout `soon`'],
    [{concurrency: '0'}, `Invalid --concurrency \`0\`, expected a whole number from 1 to ${maxConcurrency}`],
    [{concurrency: '1.5'}, 'Invalid --concurrency `1.5`'],
    [{concurrency: String(maxConcurrency + 1)}, `Invalid --concurrency \`${maxConcurrency + 1}\``]
  ])('refuses %j as a usage error', (values, message) => {
    expect(() => flagsToSettings(values)).toThrow(UsageError);
    expect(() => flagsToSettings(values)).toThrow(message);
  });
});

describe('the shared option tables', () => {
  it('give every document command the same document flags, and the output flags apart', () => {
    expect(Object.keys(documentOptions)).toEqual(['root', 'strict', 'config', 'no-config', 'quiet', 'help', 'version', 'out-dir', 'paper', 'edition', 'pdf-standard', 'template', 'timeout', 'browser']);
    expect(Object.keys(outputOptions)).toEqual(['format', 'concurrency']);
  });
});
