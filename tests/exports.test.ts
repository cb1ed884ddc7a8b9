import {expect, it} from 'vitest';
import * as api from '../src/index.js';

/**
 * The public API is a promise: adding or removing an export must change this list on
 * purpose. Internals (the Chromium process, the renderer class) are not in it: the
 * factories make them, and their types are exported as types.
 */
it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'BrowserNotFoundError',
    'ConfigError',
    'DeliveryError',
    'InputError',
    'ManuscriptExistsError',
    'PrintError',
    'SettingsError',
    'build',
    'check',
    'composeEml',
    'configFileName',
    'createEmailMessage',
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
    'sendEmail',
    'submitPrintJob',
    'templatesDir',
    'version',
    'waitForPrintJob',
    'watch'
  ]);
});
