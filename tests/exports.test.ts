import {expect, it} from 'vitest';
import * as api from '../src/index.js';

/** The public API is a promise: adding or removing an export must change this list on purpose. */
it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'BrowserNotFoundError',
    'ChromiumProcess',
    'ConfigError',
    'InputError',
    'ManuscriptExistsError',
    'Renderer',
    'SettingsError',
    'build',
    'check',
    'configFileName',
    'createManuscript',
    'createProcessor',
    'createRenderer',
    'defaults',
    'editions',
    'findBrowser',
    'findManuscripts',
    'formatMessages',
    'formats',
    'loadConfig',
    'loadTemplate',
    'matterKeys',
    'maxConcurrency',
    'papers',
    'resolveSettings',
    'templatesDir',
    'version',
    'watch'
  ]);
});
