import {availableParallelism} from 'node:os';
import path from 'node:path';
import {parseMailbox} from './email-address.js';

/** Paper sizes briefing prints on. */
export const papers = ['a4', 'letter'] as const;
export type Paper = (typeof papers)[number];

/** Editions: `screen` (colour, clickable links) or `print` (duplex margins, grayscale-safe, URLs as notes). */
export const editions = ['screen', 'print'] as const;
export type Edition = (typeof editions)[number];

/** What PDFs claim: PDF/UA-1 always; `a-2b` adds PDF/A-2b for archives. */
export const pdfStandards = ['ua-1', 'a-2b'] as const;
export type PdfStandard = (typeof pdfStandards)[number];

/** Settings a manuscript's front matter may choose for itself (flags still win). */
export const documentKeys = ['template', 'paper', 'edition'] as const;
export type DocumentKey = (typeof documentKeys)[number];

/** Outputs a build can write. */
export const formats = ['pdf', 'html'] as const;
export type Format = (typeof formats)[number];

/** What a build is configured by: the values any layer may set. */
export interface SettingValues {
  /** Folder outputs are written to. */
  readonly outDir: string;
  readonly paper: Paper;
  readonly edition: Edition;
  /** Standards the PDF claims (default `ua-1`). */
  readonly pdfStandard?: PdfStandard | undefined;
  readonly formats: readonly Format[];
  /** Template name (from `templates/`) or folder. */
  readonly template: string;
  /** Milliseconds for one document (load and print). */
  readonly timeout: number;
  /** Documents printed at once, each in its own reused browser tab. */
  readonly concurrency: number;
  /** Project folder: local images must stay inside it, and `/x` paths start there. Default: see `projectRoot`. */
  readonly root?: string | undefined;
  /** Chrome/Chromium binary; else `BRIEFING_CHROME`, `PUPPETEER_EXECUTABLE_PATH`, an installed one. */
  readonly browser?: string | undefined;
  /** Defaults for `briefing email`. */
  readonly email?: EmailSettings | undefined;
  /** Front matter with a `title` required, and only briefing's own keys allowed in it. */
  readonly strict?: boolean | undefined;
}

/** The layer a setting came from, when not from the defaults. */
export type SettingOrigin = 'config' | 'matter' | 'flags';

/** Everything a build is configured by, after merging: deeply frozen. */
export interface Settings extends SettingValues {
  /**
   * The layer that chose each setting not left at its default. Two rules depend on it:
   * front matter may choose only the document keys no flag chose, and outputs may go
   * through a linked `outDir` only when one was chosen (see `outDirChosen`).
   */
  readonly origins: Readonly<Partial<Record<keyof SettingValues, SettingOrigin>>>;
}

/**
 * Defaults for `briefing email`, from the person who runs it; `--to`, `--cc`, `--from`
 * beat them. A manuscript's `email.to`, `email.cc` and `email.subject` are used only when
 * `recipientsFromManuscript` is true (or `--recipients-from-manuscript` is given), and
 * `from` never comes from a manuscript.
 */
export interface EmailSettings {
  readonly to?: readonly string[] | undefined;
  readonly cc?: readonly string[] | undefined;
  readonly from?: string | undefined;
  /** Put before the title in the subject, e.g. `[Briefing]`. */
  readonly subjectPrefix?: string | undefined;
  /** Let a manuscript's front matter suggest the subject and the recipients (default false). */
  readonly recipientsFromManuscript?: boolean | undefined;
  /** SMTP server for `--send` (`smtp://host:port`); `BRIEFING_SMTP_URL` beats it. Never credentials. */
  readonly smtpUrl?: string | undefined;
  /** Warn when the PDF is larger than this many megabytes (default 10: the lowest common limit). */
  readonly attachmentLimit?: number | undefined;
}

/** What is wrong with an address, or undefined when it is exactly one mailbox. */
function mailboxProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'expected an e-mail address as a string';
  try {
    parseMailbox(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function mailboxListProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'expected a list of e-mail addresses, one address per item';
  for (const item of value) {
    const problem = mailboxProblem(item);
    if (problem) return problem;
  }
  return undefined;
}

const emailKeys: Readonly<Record<keyof EmailSettings, (value: unknown) => string | undefined>> = {
  to: mailboxListProblem,
  cc: mailboxListProblem,
  from: mailboxProblem,
  subjectPrefix: (value) => (typeof value === 'string' ? undefined : 'expected text'),
  recipientsFromManuscript: (value) => (typeof value === 'boolean' ? undefined : 'expected true or false'),
  smtpUrl: (value) =>
    typeof value === 'string' && /^smtps?:\/\/[^/@]+$/.test(value.replace(/\/$/, '')) ? undefined : 'expected smtp://host:port or smtps://host:port, without credentials',
  attachmentLimit: (value) => (typeof value === 'number' && value > 0 ? undefined : 'expected megabytes above 0')
};

/**
 * Check the `email` settings, naming the key that is wrong.
 *
 * @param {unknown} value
 *   The `email` setting.
 * @returns {{key?: string, unknown?: boolean, reason: string} | undefined}
 *   The key at fault (none when `email` itself is not an object), whether that key is
 *   unknown, and what was expected.
 */
export function checkEmailSettings(value: unknown): {key?: string; unknown?: boolean; reason: string} | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {reason: `expected an object with ${Object.keys(emailKeys).join(', ')}`};
  for (const [key, item] of Object.entries(value)) {
    const check = Object.hasOwn(emailKeys, key) ? emailKeys[key as keyof EmailSettings] : undefined;
    if (!check) return {key, unknown: true, reason: `expected one of ${Object.keys(emailKeys).join(', ')}`};
    const problem = check(item);
    if (problem) return {key, reason: problem};
  }
  return undefined;
}

function checkEmail(value: unknown): string | undefined {
  const problem = checkEmailSettings(value);
  if (!problem?.key) return problem?.reason;
  return `${problem.unknown ? 'unknown' : 'invalid'} key \`${problem.key}\`: ${problem.reason}`;
}

/** One layer of configuration: any subset of the settings. */
export type SettingsLayer = {readonly [Key in keyof SettingValues]?: SettingValues[Key] | undefined};

/** The layers of a run, above the defaults: the project's configuration, then the flags. */
export interface SettingsLayers {
  /** The configuration file (`loadConfig`), below the front matter. */
  readonly config?: SettingsLayer | undefined;
  /** Command-line flags, or a library caller's options: they beat the front matter. */
  readonly flags?: SettingsLayer | undefined;
}

/** Settings made by `resolveSettings` (or the defaults), as opposed to a layer that looks alike. */
const resolved = new WeakSet<object>();

/** The defaults, the lowest layer. */
export const defaults: Settings = deepFreeze({
  outDir: 'out',
  paper: 'a4',
  edition: 'screen',
  formats: ['pdf', 'html'],
  template: 'briefing',
  timeout: 30_000,
  // One tab per core, but a few tabs already keep Chromium busy: more only costs memory.
  concurrency: Math.min(availableParallelism(), 4),
  origins: {}
} satisfies Settings);
resolved.add(defaults);

/** Most documents printed at once that a setting may ask for. */
export const maxConcurrency = 16;

/** A setting that is not valid; the message names it. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

const checks: {[Key in keyof SettingValues]-?: (value: unknown) => string | undefined} = {
  outDir: (value) => (typeof value === 'string' && value.length > 0 ? undefined : 'expected a folder path'),
  paper: (value) => (papers.includes(value as Paper) ? undefined : `expected ${papers.join(' or ')}`),
  edition: (value) => (editions.includes(value as Edition) ? undefined : `expected ${editions.join(' or ')}`),
  pdfStandard: (value) => (value === undefined || pdfStandards.includes(value as PdfStandard) ? undefined : `expected ${pdfStandards.join(' or ')}`),
  formats: (value) =>
    Array.isArray(value) && value.length > 0 && value.every((format) => formats.includes(format as Format))
      ? undefined
      : `expected a list of ${formats.join(', ')}`,
  template: (value) => (typeof value === 'string' && value.length > 0 ? undefined : 'expected a template name or folder'),
  timeout: (value) => (Number.isInteger(value) && (value as number) > 0 ? undefined : 'expected a whole number of milliseconds above 0'),
  concurrency: (value) =>
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= maxConcurrency ? undefined : `expected a whole number from 1 to ${maxConcurrency}`,
  root: (value) => (value === undefined || (typeof value === 'string' && value.length > 0) ? undefined : 'expected a folder path'),
  browser: (value) => (value === undefined || (typeof value === 'string' && value.length > 0) ? undefined : 'expected a path'),
  email: checkEmail,
  strict: (value) => (value === undefined || typeof value === 'boolean' ? undefined : 'expected true or false')
};

/**
 * Check one setting on its own, for a layer read from a file, whose messages point at
 * the value.
 *
 * @param {string} key
 *   Setting name.
 * @param {unknown} value
 *   Its value.
 * @returns {string | undefined}
 *   What was expected, when the key is unknown or the value is invalid.
 */
export function checkSetting(key: string, value: unknown): string | undefined {
  if (!Object.hasOwn(checks, key)) return `unknown setting, expected one of ${Object.keys(checks).join(', ')}`;
  return checks[key as keyof SettingValues](value);
}

/**
 * Merge the settings of a run, once: the defaults, then the project configuration, then
 * the flags. The result is validated and deeply frozen, and travels down unchanged;
 * only a manuscript's front matter adds a layer, per document (`documentSettings`).
 *
 * @param {SettingsLayers} layers
 *   The configuration file's layer and the flags; a value `undefined` sets nothing.
 * @returns {Settings}
 *   Frozen settings, with the layer each came from.
 * @throws {SettingsError}
 *   When a key is unknown or a merged value is invalid.
 */
export function resolveSettings(layers: SettingsLayers = {}): Settings {
  const merged: Record<string, unknown> = {...defaults};
  const origins: Partial<Record<keyof SettingValues, SettingOrigin>> = {};
  for (const origin of ['config', 'flags'] as const) {
    for (const [key, value] of Object.entries(layers[origin] ?? {})) {
      if (!Object.hasOwn(checks, key)) throw new SettingsError(`Unknown setting \`${key}\`, expected one of ${Object.keys(checks).join(', ')}`);
      if (value === undefined) continue;
      merged[key] = value;
      origins[key as keyof SettingValues] = origin;
    }
  }
  return settle({...merged, formats: [...new Set(merged['formats'] as Format[])], origins});
}

/**
 * One document's settings: the run's, with the document keys its front matter chooses
 * (`template`, `paper`, `edition`) unless a flag chose them first.
 *
 * @param {Settings} run
 *   The run's settings (`resolveSettings`).
 * @param {Partial<Record<DocumentKey, string>> | undefined} matter
 *   The manuscript's front matter, already validated by its schema.
 * @returns {Settings}
 *   Frozen settings; `run` itself when the front matter chooses nothing.
 */
export function documentSettings(run: Settings, matter: Readonly<Partial<Record<DocumentKey, string | undefined>>> | undefined): Settings {
  const chosen = documentKeys.filter((key) => matter?.[key] !== undefined && run.origins[key] !== 'flags');
  if (chosen.length === 0) return frozenSettings(run);
  const merged: Record<string, unknown> = {...run};
  const origins = {...run.origins};
  for (const key of chosen) {
    merged[key] = matter?.[key];
    origins[key] = 'matter';
  }
  return settle({...merged, origins});
}

/**
 * Settings that crossed a thread (a structured clone is neither frozen nor known here),
 * frozen again; settings already resolved here are returned as they are.
 *
 * @param {Settings} settings
 *   Settings, possibly a copy.
 * @returns {Settings}
 *   The same settings, deeply frozen.
 */
export function frozenSettings(settings: Settings): Settings {
  return resolved.has(settings) ? settings : brand(deepFreeze(settings));
}

/**
 * Whether a value is settings made by `resolveSettings`, rather than a layer of them.
 *
 * @param {unknown} value
 *   Settings or a layer.
 * @returns {boolean}
 *   True for resolved settings.
 */
export function isSettings(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && resolved.has(value);
}

/**
 * The settings of a library call that takes either resolved settings or their layers:
 * merged here, at the entry, and nowhere below.
 *
 * @param {Settings | undefined} settings
 *   Settings the caller resolved already.
 * @param {SettingsLayers} layers
 *   Or the layers to merge.
 * @returns {Settings}
 *   Frozen settings.
 * @throws {TypeError}
 *   When both are given: which would win is not obvious.
 */
export function settingsOf(settings: Settings | undefined, layers: SettingsLayers): Settings {
  if (!settings) return resolveSettings(layers);
  const given = [layers.config, layers.flags].some((layer) => layer && Object.values(layer).some((value) => value !== undefined));
  if (given) throw new TypeError('Give either settings or settings layers (config and flags), not both');
  return frozenSettings(settings);
}

/**
 * Whether the person running the command chose the output folder: a flag or the
 * configuration set `outDir`. Only then may it be a symbolic link.
 *
 * @param {Settings} settings
 *   The run's settings.
 * @returns {boolean}
 *   True when `outDir` is not the default.
 */
export function outDirChosen(settings: Settings): boolean {
  return settings.origins.outDir !== undefined;
}

/**
 * The output folder as the command shows it: relative to the working directory.
 *
 * @param {Settings} settings
 *   The run's settings.
 * @param {string} cwd
 *   Working directory.
 * @returns {string}
 *   A relative path, `.` for the working directory itself.
 */
export function outputFolder(settings: Settings, cwd: string): string {
  return path.relative(cwd, path.resolve(cwd, settings.outDir)) || '.';
}

/**
 * Validate merged settings, then copy and freeze them: the layers' own objects and lists
 * are the caller's, and stay as they were.
 */
function settle(merged: Record<string, unknown>): Settings {
  for (const [key, check] of Object.entries(checks)) {
    const problem = check(merged[key]);
    if (problem) throw new SettingsError(`Invalid setting \`${key}\`: ${problem}`);
  }
  return brand(deepFreeze(structuredClone(merged)) as unknown as Settings);
}

function brand(settings: Settings): Settings {
  resolved.add(settings);
  return settings;
}

/** Freeze a value of plain objects and arrays, all the way down. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
