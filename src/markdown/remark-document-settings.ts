import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {documentSettings, type Settings} from '../config/config.js';

declare module 'vfile' {
  interface DataMap {
    /** This document's settings: the run's, with what its front matter may choose (flags still win). */
    settings: Settings;
  }
}

export interface RemarkDocumentSettingsOptions {
  /** The run's settings: defaults, project configuration and flags, merged once. */
  readonly settings: Settings;
}

/**
 * Settle the settings of one document once, on `file.data.settings`: front matter may
 * choose its `template`, `paper` and `edition`, but flags given for the run still win.
 *
 * @param options
 *   The run's settings.
 * @returns
 *   Transform.
 */
export const remarkDocumentSettings: Plugin<[RemarkDocumentSettingsOptions], Root> = function (options) {
  const {settings} = options;
  return function (_tree, file) {
    file.data.settings = documentSettings(settings, file.data.matter);
  };
};
