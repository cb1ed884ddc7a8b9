import {describe, expect, it} from 'vitest';
import {
  defaults,
  documentSettings,
  frozenSettings,
  isSettings,
  outDirChosen,
  outputFolder,
  resolveSettings,
  settingsOf,
  SettingsError,
  type SettingsLayer
} from '../../src/config/config.js';

/** Settings from one layer of configuration. */
const fromConfig = (config: SettingsLayer) => resolveSettings({config});

describe('resolveSettings', () => {
  it('gives the defaults when there are no layers', () => {
    expect(resolveSettings()).toEqual(defaults);
    expect(resolveSettings({config: undefined, flags: {}})).toEqual(defaults);
  });

  it('lets the flags override the configuration, and records which layer chose each setting', () => {
    const config: SettingsLayer = {outDir: 'project-out', paper: 'letter', timeout: 10_000};
    const flags: SettingsLayer = {outDir: 'flag-out'};
    const settings = resolveSettings({config, flags});
    expect(settings.outDir).toBe('flag-out');
    expect(settings.paper).toBe('letter');
    expect(settings.timeout).toBe(10_000);
    expect(settings.template).toBe(defaults.template);
    expect(settings.origins).toEqual({outDir: 'flags', paper: 'config', timeout: 'config'});
  });

  it('treats an undefined value as "not set", not as an override', () => {
    const settings = resolveSettings({config: {paper: 'letter'}, flags: {paper: undefined}});
    expect(settings.paper).toBe('letter');
    expect(settings.origins.paper).toBe('config');
  });

  it('removes duplicate formats, keeping their order', () => {
    expect(fromConfig({formats: ['html', 'pdf', 'html']}).formats).toEqual(['html', 'pdf']);
  });

  it('returns an object frozen all the way down', () => {
    const settings = fromConfig({formats: ['pdf'], email: {to: ['desk@example.org']}});
    for (const part of [settings, settings.formats, settings.origins, settings.email, settings.email?.to]) expect(Object.isFrozen(part)).toBe(true);
    expect(() => {
      (settings as {paper: string}).paper = 'letter';
    }).toThrow(TypeError);
    expect(() => (settings.formats as string[]).push('html')).toThrow(TypeError);
    expect(() => (settings.email?.to as string[]).push('x@example.org')).toThrow(TypeError);
  });

  it('changes neither its inputs nor the defaults, and freezes none of the caller’s objects', () => {
    const layer = {formats: ['pdf', 'pdf'] as ('pdf' | 'html')[], outDir: 'x', email: {to: ['desk@example.org']}};
    const before = structuredClone(layer);
    const snapshot = structuredClone(defaults);
    resolveSettings({config: layer, flags: {paper: 'letter'}});
    expect(layer).toEqual(before);
    expect(Object.isFrozen(layer.email.to)).toBe(false);
    expect(defaults).toEqual(snapshot);
  });

  it('throws SettingsError naming an unknown key, in either layer', () => {
    const layer = {paperSize: 'a4'} as unknown as SettingsLayer;
    expect(() => fromConfig(layer)).toThrow(SettingsError);
    expect(() => resolveSettings({flags: layer})).toThrow(/`paperSize`/);
    // The record of origins is not a setting.
    expect(() => fromConfig({origins: {}} as unknown as SettingsLayer)).toThrow(/`origins`/);
  });

  it('treats Object.prototype names as unknown keys too', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
      const layer = JSON.parse(`{"${key}": "x"}`) as SettingsLayer;
      expect(() => fromConfig(layer), key).toThrow(SettingsError);
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
    expect(() => fromConfig(layer)).toThrow(SettingsError);
    expect(() => fromConfig(layer)).toThrow(`\`${key}\``);
  });

  it('validates the merged result, so a bad configuration fixed by a flag passes', () => {
    expect(resolveSettings({config: {paper: 'A5' as 'a4'}, flags: {paper: 'letter'}}).paper).toBe('letter');
  });
});

describe('documentSettings', () => {
  it('takes the document keys from the front matter over the configuration', () => {
    const run = fromConfig({paper: 'a4', edition: 'screen', outDir: 'o'});
    const document = documentSettings(run, {paper: 'letter', edition: 'print', template: 'memo'});
    expect(document).toMatchObject({paper: 'letter', edition: 'print', template: 'memo', outDir: 'o'});
    expect(document.origins).toEqual({paper: 'matter', edition: 'matter', template: 'matter', outDir: 'config'});
    expect(Object.isFrozen(document) && Object.isFrozen(document.origins)).toBe(true);
    expect(run.paper).toBe('a4');
  });

  it('lets flags beat the front matter', () => {
    const run = resolveSettings({config: {edition: 'screen'}, flags: {paper: 'a4'}});
    const document = documentSettings(run, {paper: 'letter', edition: 'print'});
    expect(document.paper).toBe('a4');
    expect(document.edition).toBe('print');
    expect(document.origins).toEqual({paper: 'flags', edition: 'matter'});
  });

  it('is the run’s settings themselves when the front matter chooses nothing', () => {
    const run = fromConfig({paper: 'letter'});
    expect(documentSettings(run, undefined)).toBe(run);
    expect(documentSettings(run, {})).toBe(run);
  });

  it('still validates what the front matter chose', () => {
    expect(() => documentSettings(defaults, {paper: 'A5'})).toThrow(/`paper`/);
  });
});

describe('settings that travel', () => {
  it('are known as resolved settings, unlike a layer that looks alike', () => {
    const run = fromConfig({paper: 'letter'});
    expect(isSettings(run)).toBe(true);
    expect(isSettings(defaults)).toBe(true);
    expect(isSettings({...run})).toBe(false);
    expect(isSettings(undefined)).toBe(false);
  });

  it('are frozen again after crossing a thread', () => {
    const copy = structuredClone(fromConfig({formats: ['pdf']}));
    expect(Object.isFrozen(copy)).toBe(false);
    const again = frozenSettings(copy);
    expect(again).toBe(copy);
    expect(Object.isFrozen(again.formats)).toBe(true);
    expect(isSettings(again)).toBe(true);
  });

  it('come from the caller or from its layers, never both', () => {
    const run = fromConfig({paper: 'letter'});
    expect(settingsOf(run, {})).toBe(run);
    expect(settingsOf(run, {flags: {paper: undefined}})).toBe(run);
    expect(settingsOf(undefined, {flags: {paper: 'letter'}}).origins).toEqual({paper: 'flags'});
    expect(() => settingsOf(run, {flags: {paper: 'a4'}})).toThrow(TypeError);
    expect(() => settingsOf(run, {config: {outDir: 'x'}})).toThrow(TypeError);
  });
});

describe('the output folder', () => {
  it('is chosen only when a flag or the configuration names it', () => {
    expect(outDirChosen(defaults)).toBe(false);
    expect(outDirChosen(fromConfig({outDir: 'out'}))).toBe(true);
    expect(outDirChosen(resolveSettings({flags: {outDir: 'elsewhere'}}))).toBe(true);
  });

  it('is shown relative to the working directory', () => {
    expect(outputFolder(defaults, '/work')).toBe('out');
    expect(outputFolder(fromConfig({outDir: '/work'}), '/work')).toBe('.');
    expect(outputFolder(fromConfig({outDir: '/elsewhere/pdf'}), '/work')).toBe('../elsewhere/pdf');
  });
});

describe('email settings', () => {
  it('takes addresses, a subject prefix, an SMTP URL without credentials and a limit in megabytes, frozen', () => {
    const settings = fromConfig({email: {to: ['desk@example.org'], subjectPrefix: '[Briefing]', smtpUrl: 'smtp://127.0.0.1:2525', attachmentLimit: 5}});
    expect(settings.email?.to).toEqual(['desk@example.org']);
    expect(Object.isFrozen(settings.email)).toBe(true);
  });

  it('refuses credentials in the SMTP URL, unknown keys and addresses that are not addresses', () => {
    expect(() => fromConfig({email: {smtpUrl: 'smtp://user:secret@host:25'}})).toThrow(SettingsError);
    expect(() => fromConfig({email: {bcc: ['x@example.org']} as never})).toThrow(/unknown key `bcc`/);
    expect(() => fromConfig({email: {to: ['nobody']}})).toThrow(SettingsError);
  });
});
