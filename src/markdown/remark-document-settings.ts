import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {documentKeys, resolveSettings, type Settings, type SettingsLayer} from '../config/config.js';

declare module 'vfile' {
  interface DataMap {
    /** This document's settings: the run's, then its front matter, then flags. */
    settings: Settings;
  }
}

export interface RemarkDocumentSettingsOptions {
  /** Defaults and project configuration. */
  readonly settings: Settings;
  /** Command-line flags: they beat the front matter. */
  readonly override?: SettingsLayer | undefined;
}

/**
 * Settle the settings of one document once, on `file.data.settings`: front matter may
 * choose its `template`, `paper` and `edition`, but flags given for the run still win.
 *
 * @param options
 *   The run's settings and flags.
 * @returns
 *   Transform.
 */
export const remarkDocumentSettings: Plugin<[RemarkDocumentSettingsOptions], Root> = function (options) {
  const {settings, override} = options;
  return function (_tree, file) {
    const matter = file.data.matter;
    const fromMatter: Record<string, unknown> = {};
    for (const key of documentKeys) if (matter?.[key] !== undefined) fromMatter[key] = matter[key];
    file.data.settings = resolveSettings(settings, fromMatter as SettingsLayer, override);
  };
};
