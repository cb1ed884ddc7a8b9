import {describe, expect, it} from 'vitest';
import {defaults, resolveSettings, SettingsError, type SettingsLayer} from '../../src/config/config.js';

describe('resolveSettings', () => {
  it('gives the defaults when there are no layers', () => {
    expect(resolveSettings()).toEqual(defaults);
    expect(resolveSettings(undefined, {})).toEqual(defaults);
  });

  it('lets each layer override the ones below it', () => {
    const project: SettingsLayer = {outDir: 'project-out', paper: 'letter', timeout: 10_000};
    const flags: SettingsLayer = {outDir: 'flag-out'};
    const settings = resolveSettings(project, flags);
    expect(settings.outDir).toBe('flag-out');
    expect(settings.paper).toBe('letter');
    expect(settings.timeout).toBe(10_000);
    expect(settings.template).toBe(defaults.template);
  });

  it('treats an undefined value as "not set", not as an override', () => {
    expect(resolveSettings({paper: 'letter'}, {paper: undefined}).paper).toBe('letter');
  });

  it('removes duplicate formats, keeping their order', () => {
    expect(resolveSettings({formats: ['html', 'pdf', 'html']}).formats).toEqual(['html', 'pdf']);
  });

  it('returns a frozen object with a frozen formats list', () => {
    const settings = resolveSettings({formats: ['pdf']});
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.formats)).toBe(true);
    expect(() => {
      (settings as {paper: string}).paper = 'letter';
    }).toThrow(TypeError);
    expect(() => (settings.formats as string[]).push('html')).toThrow(TypeError);
  });

  it('changes neither its inputs nor the defaults', () => {
    const layer = {formats: ['pdf', 'pdf'] as ('pdf' | 'html')[], outDir: 'x'};
    const before = structuredClone(layer);
    const snapshot = structuredClone(defaults);
    resolveSettings(layer);
    expect(layer).toEqual(before);
    expect(defaults).toEqual(snapshot);
  });

  it('throws SettingsError naming an unknown key', () => {
    const layer = {paperSize: 'a4'} as unknown as SettingsLayer;
    expect(() => resolveSettings(layer)).toThrow(SettingsError);
    expect(() => resolveSettings(layer)).toThrow(/`paperSize`/);
  });

  it('treats Object.prototype names as unknown keys too', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
      const layer = JSON.parse(`{"${key}": "x"}`) as SettingsLayer;
      expect(() => resolveSettings(layer), key).toThrow(SettingsError);
    }
  });

  it.each([
    ['paper', 'A5'],
    ['paper', 'A4'],
    ['formats', []],
    ['formats', ['pdf', 'docx']],
    ['formats', 'pdf'],
    ['timeout', 0],
    ['timeout', -5],
    ['timeout', 1.5],
    ['timeout', '30000'],
    ['outDir', ''],
    ['template', ''],
    ['browser', ''],
    ['browser', 42]
  ])('throws SettingsError for %s = %j', (key, value) => {
    const layer = {[key]: value} as SettingsLayer;
    expect(() => resolveSettings(layer)).toThrow(SettingsError);
    expect(() => resolveSettings(layer)).toThrow(`\`${key}\``);
  });

  it('validates the merged result, so a bad low layer fixed by a higher one passes', () => {
    expect(resolveSettings({paper: 'A5' as 'a4'}, {paper: 'letter'}).paper).toBe('letter');
  });
});

describe('email settings', () => {
  it('takes addresses, a subject prefix, an SMTP URL without credentials and a limit in megabytes, frozen', () => {
    const settings = resolveSettings({email: {to: ['desk@example.org'], subjectPrefix: '[Briefing]', smtpUrl: 'smtp://127.0.0.1:2525', attachmentLimit: 5}});
    expect(settings.email?.to).toEqual(['desk@example.org']);
    expect(Object.isFrozen(settings.email)).toBe(true);
  });

  it('refuses credentials in the SMTP URL, unknown keys and addresses that are not addresses', () => {
    expect(() => resolveSettings({email: {smtpUrl: 'smtp://user:secret@host:25'}})).toThrow(SettingsError);
    expect(() => resolveSettings({email: {bcc: ['x@example.org']} as never})).toThrow(/unknown key `bcc`/);
    expect(() => resolveSettings({email: {to: ['nobody']}})).toThrow(SettingsError);
  });
});
