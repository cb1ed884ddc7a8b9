import {loadConfig, type ProjectConfig} from '../config/config-file.js';

/**
 * The project configuration `--config` and `--no-config` ask for: the named file, none,
 * or the one found from the working directory up.
 *
 * @param {{config?: string | boolean; 'no-config'?: string | boolean}} values
 *   Parsed flags.
 * @returns {Promise<ProjectConfig>}
 *   The configuration layer.
 */
export async function projectConfig(values: {config?: string | boolean | undefined; 'no-config'?: string | boolean | undefined}): Promise<ProjectConfig> {
  if (values['no-config']) return {settings: {}};
  return loadConfig({file: typeof values.config === 'string' ? values.config : undefined});
}
