import {availableParallelism} from 'node:os';
import {parseMailbox} from './email-address.js';

/** Paper sizes briefing prints on. */
export const papers = ['a4', 'letter'] as const;
export type Paper = (typeof papers)[number];

/** Editions: `screen` (colour, clickable links) or `print` (duplex margins, grayscale-safe, URLs as notes). */
export const editions = ['screen', 'print'] as const;
export type Edition = (typeof editions)[number];

/** Settings a manuscript's front matter may choose for itself (flags still win). */
export const documentKeys = ['template', 'paper', 'edition'] as const;

/** Outputs a build can write. */
export const formats = ['pdf', 'html'] as const;
export type Format = (typeof formats)[number];

/** Everything a build is configured by, after merging. Read-only. */
export interface Settings {
  /** Folder outputs are written to. */
  readonly outDir: string;
  readonly paper: Paper;
  readonly edition: Edition;
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
export type SettingsLayer = {readonly [Key in keyof Settings]?: Settings[Key] | undefined};

/** The defaults, the lowest layer. */
export const defaults: Settings = Object.freeze({
  outDir: 'out',
  paper: 'a4',
  edition: 'screen',
  formats: Object.freeze(['pdf', 'html'] as const),
  template: 'briefing',
  timeout: 30_000,
  // One tab per core, but a few tabs already keep Chromium busy: more only costs memory.
  concurrency: Math.min(availableParallelism(), 4)
});

/** Most documents printed at once that a setting may ask for. */
export const maxConcurrency = 16;

/** A setting that is not valid; the message names it. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

const checks: {[Key in keyof Settings]-?: (value: unknown) => string | undefined} = {
  outDir: (value) => (typeof value === 'string' && value.length > 0 ? undefined : 'expected a folder path'),
  paper: (value) => (papers.includes(value as Paper) ? undefined : `expected ${papers.join(' or ')}`),
  edition: (value) => (editions.includes(value as Edition) ? undefined : `expected ${editions.join(' or ')}`),
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
  return checks[key as keyof Settings](value);
}

/**
 * Merge configuration layers, lowest first (defaults, then project config, then flags),
 * validate the result once and freeze it. Nothing changes settings after this.
 *
 * @param {ReadonlyArray<SettingsLayer | undefined>} layers
 *   Layers above the defaults, lowest first.
 * @returns {Settings}
 *   Frozen settings.
 */
export function resolveSettings(...layers: ReadonlyArray<SettingsLayer | undefined>): Settings {
  const merged: Record<string, unknown> = {...defaults};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (!Object.hasOwn(checks, key)) throw new SettingsError(`Unknown setting \`${key}\`, expected one of ${Object.keys(checks).join(', ')}`);
      if (value !== undefined) merged[key] = value;
    }
  }
  for (const [key, check] of Object.entries(checks)) {
    const problem = check(merged[key]);
    if (problem) throw new SettingsError(`Invalid setting \`${key}\`: ${problem}`);
  }
  const email = merged['email'] as EmailSettings | undefined;
  return Object.freeze({
    ...merged,
    formats: Object.freeze([...new Set(merged['formats'] as Format[])]),
    ...(email ? {email: Object.freeze({...email})} : {})
  }) as Settings;
}
