import {parseArgs, type ParseArgsConfig} from 'node:util';
import {VFile} from 'vfile';
import {ConfigError, loadConfig, type ProjectConfig} from '../config/config-file.js';
import {SettingsError} from '../config/config.js';
import {InputError} from '../manuscripts/manuscripts.js';
import {escapeControl} from '../messages/report.js';
import {version} from '../util/version.js';

type VFileMessage = VFile['messages'][number];

/** A problem with the command line: exit status 2, with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Flags every command that reads manuscripts takes: configuration, project root, quiet, help, version. */
export const commonOptions = {
  root: {type: 'string'},
  strict: {type: 'boolean'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  quiet: {type: 'boolean', short: 'q'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} satisfies ParseArgsConfig['options'];

/** A command's parsed arguments: flags by name, and the rest. */
export interface ParsedCommand {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly inputs: string[];
}

/**
 * Parse a command's arguments strictly, answering `--help` and `--version` here.
 *
 * @param {readonly string[]} argv
 *   Arguments after the command's name.
 * @param {ParseArgsConfig['options']} options
 *   The command's flags (with `help` and `version`).
 * @param {string} usage
 *   The command's help.
 * @returns {ParsedCommand | number}
 *   The arguments, or the exit status when the command is already answered.
 */
export function parseCommand(argv: readonly string[], options: ParseArgsConfig['options'], usage: string): ParsedCommand | number {
  let values: ParsedCommand['values'];
  let inputs: string[];
  try {
    const parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true});
    values = parsed.values as ParsedCommand['values'];
    inputs = parsed.positionals;
  } catch (error) {
    return usageFailure((error as Error).message, usage);
  }
  if (values['version'] === true || values['help'] === true) {
    process.stdout.write(`${values['version'] === true ? version : usage}\n`);
    return 0;
  }
  return {values, inputs};
}

/**
 * Report a usage error with the command's help.
 *
 * @param {string} message
 *   What is wrong.
 * @param {string} usage
 *   The command's help.
 * @returns {number}
 *   Exit status 2.
 */
export function usageFailure(message: string, usage: string): number {
  process.stderr.write(`briefing: ${message}\n\n${usage}\n`);
  return 2;
}

/**
 * Exit status and output for an error before any document: configuration errors
 * are listed with their places, inputs and settings as usage errors.
 *
 * @param {unknown} error
 *   What was thrown.
 * @param {string} usage
 *   The command's help.
 * @returns {number}
 *   Exit status.
 */
export function setupFailure(error: unknown, usage: string): number {
  // Messages name files and values from the command line or a manuscript: printed clean.
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message.split('\n').map(escapeControl).join('\n')}\n`);
    return 2;
  }
  if (error instanceof UsageError || error instanceof InputError || error instanceof SettingsError) return usageFailure(escapeControl(error.message), usage);
  process.stderr.write(`briefing: ${escapeControl((error as Error).message)}\n`);
  return 1;
}

/**
 * The project configuration the flags ask for.
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

/**
 * Inputs as the library takes them: `-` becomes the manuscript read from standard input.
 *
 * @param {readonly string[]} inputs
 *   Positional arguments.
 * @returns {Promise<Array<string | VFile>>}
 *   Paths and at most one in-memory file.
 */
export async function readInputs(inputs: readonly string[]): Promise<Array<string | VFile>> {
  if (inputs.filter((input) => input === '-').length > 1) throw new UsageError('Standard input (`-`) can be read only once');
  if (!inputs.includes('-')) return [...inputs];
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const file = new VFile({path: '<stdin>', cwd: process.cwd(), value: Buffer.concat(chunks)});
  return inputs.map((input) => (input === '-' ? file : input));
}

/** One message as JSON: where, how bad, what. */
export interface JsonMessage {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly endLine?: number | undefined;
  readonly endColumn?: number | undefined;
  readonly severity: 'error' | 'warning' | 'info';
  readonly reason: string;
  readonly ruleId?: string | undefined;
  readonly source?: string | undefined;
}

/**
 * A file's messages for `--json`, sorted by place.
 *
 * @param {VFile} file
 *   The manuscript.
 * @returns {JsonMessage[]}
 *   Plain objects.
 */
export function jsonMessages(file: VFile): JsonMessage[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message: VFileMessage) => ({
      line: message.line,
      column: message.column,
      endLine: message.place && 'end' in message.place ? message.place.end.line : undefined,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : undefined,
      severity: severity(message),
      reason: message.reason,
      ruleId: message.ruleId,
      source: message.source
    }));
}

/**
 * How bad a message is.
 *
 * @param {VFileMessage} message
 *   A message.
 * @returns {'error' | 'warning' | 'info'}
 *   Its severity, as `formatMessages` shows it.
 */
export function severity(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/**
 * Stop on Ctrl-C, TERM or HUP: the first signal aborts (the browser is closed before
 * exiting), a second one exits at once.
 *
 * @returns {{signal: AbortSignal; dispose(): void}}
 *   The signal to pass to the library, and a way to stop listening.
 */
export function interruptions(): {signal: AbortSignal; dispose(): void} {
  const controller = new AbortController();
  const interrupted = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.exit(130);
    }
    // On a terminal, over the live progress line.
    process.stderr.write(`${process.stderr.isTTY ? '\r\u001B[2K' : ''}briefing: ${name}, stopping\n`);
    controller.abort(new Error(name));
  };
  const names: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const name of names) process.on(name, interrupted);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of names) process.off(name, interrupted);
    }
  };
}
