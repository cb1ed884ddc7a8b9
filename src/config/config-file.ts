import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {checkEmailSettings, checkSetting, SettingsError, type SettingsLayer} from './config.js';
import {escapeControl} from '../messages/report.js';

/** The project's configuration file, looked for from the working directory upwards. */
export const configFileName = 'briefing.config.json';

/** Keys a configuration file may set. `timeout` is in seconds there, as on the command line. */
export const configKeys = ['outDir', 'paper', 'template', 'edition', 'formats', 'concurrency', 'timeout', 'email', 'root', 'strict', 'pdfStandard'] as const;

/** Project configuration, as read from a file: the layer between the defaults and the front matter. */
export interface ProjectConfig {
  /** The file it came from; undefined when the project has none. */
  readonly path?: string | undefined;
  /** Its settings, with `outDir` and template folders resolved against the file's folder. */
  readonly settings: SettingsLayer;
}

/** A configuration file that cannot be used. Each line of the message is `file:line:column: error …`. */
export class ConfigError extends SettingsError {
  override name = 'ConfigError';
}

export interface LoadConfigOptions {
  /** Where to start looking; default: the working directory. */
  readonly cwd?: string;
  /** Use this file (a `briefing.config.json`-style file, or a package.json) instead of looking. */
  readonly file?: string;
}

/**
 * Read the project configuration: `briefing.config.json`, or the `"briefing"` key of
 * package.json, in the working directory or the nearest folder above it that has
 * either (a package.json ends the search: it marks the project's root). Unknown keys
 * and invalid values are errors that name the file, the line and the column.
 *
 * @param {LoadConfigOptions} options
 *   Where to look.
 * @returns {Promise<ProjectConfig>}
 *   The settings layer; empty when there is no configuration.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ProjectConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const file = options.file ? path.resolve(cwd, options.file) : await findConfig(cwd);
  if (!file) return Object.freeze({settings: Object.freeze({})});

  const shown = path.relative(cwd, file) || path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: error Cannot read the configuration file (${(error as NodeJS.ErrnoException).code})`);
  }
  const inPackage = path.basename(file) === 'package.json';
  const where = inPackage ? ['briefing'] : [];

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const {locateSyntaxError} = await import('./config-locate.js');
    throw new ConfigError(`${shown}:${await locateSyntaxError(text)}`);
  }
  if (inPackage) data = (data as Record<string, unknown> | null)?.['briefing'];
  if (data === undefined && inPackage && !options.file) return Object.freeze({settings: Object.freeze({})});

  const problems: Array<{keys: string[]; value: boolean; reason: string}> = [];
  const layer: Record<string, unknown> = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({keys: [], value: true, reason: `Invalid configuration, expected an object of settings (${configKeys.join(', ')})`});
  } else {
    for (const [key, value] of Object.entries(data)) {
      if (!(configKeys as readonly string[]).includes(key)) {
        problems.push({keys: [key], value: false, reason: `Unknown key \`${key}\`, expected one of ${configKeys.join(', ')}`});
        continue;
      }
      const setting = key === 'timeout' && typeof value === 'number' && value > 0 ? Math.round(value * 1000) : value;
      // An e-mail problem points at the key inside `email` that has it, not at `email`.
      const nested = key === 'email' ? checkEmailSettings(setting) : undefined;
      const problem = key === 'timeout' && !(typeof value === 'number' && value > 0) ? 'expected seconds above 0' : checkSetting(key, setting);
      if (nested?.key !== undefined) {
        const what = `${nested.unknown ? 'Unknown key' : 'Invalid'} \`${key}.${escapeControl(nested.key)}\``;
        problems.push({keys: [key, nested.key], value: !nested.unknown, reason: `${what}: ${escapeControl(nested.reason)}`});
      } else if (problem) problems.push({keys: [key], value: true, reason: `Invalid \`${key}\`: ${problem}`});
      else layer[key] = resolvePath(key, setting, path.dirname(file));
    }
  }

  if (problems.length > 0) {
    const {locateValue} = await import('./config-locate.js');
    const lines = problems.map(({keys, value, reason}) => `${shown}:${locateValue(text, [...where, ...keys], value)}: error ${reason}`);
    throw new ConfigError(lines.join('\n'));
  }
  return Object.freeze({path: file, settings: Object.freeze(layer) as SettingsLayer});
}

/** Folders named in the file are relative to the file, wherever the command runs. */
function resolvePath(key: string, value: unknown, dir: string): unknown {
  if (key === 'outDir' || key === 'root') return path.resolve(dir, value as string);
  if (key === 'template' && /[\\/]/.test(value as string)) return path.resolve(dir, value as string);
  return value;
}

async function findConfig(start: string): Promise<string | undefined> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const name of [configFileName, 'package.json']) {
      const candidate = path.join(dir, name);
      if (await stat(candidate).then((info) => info.isFile(), () => false)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
