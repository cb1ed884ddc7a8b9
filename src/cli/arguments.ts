import {parseArgs, type ParseArgsConfig} from 'node:util';
import {version} from '../util/version.js';
import {exitCode} from './exit-codes.js';

/** A problem with the command line: exit status 2, with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A table of flags, as `node:util`'s `parseArgs` takes it. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>;

/** The parsed values of a table of flags: strings (lists when repeatable) and booleans, each optional. */
export type FlagValues<Options extends OptionTable> = {
  [Key in keyof Options]?: Options[Key]['type'] extends 'string' ? (Options[Key] extends {multiple: true} ? string[] : string) : boolean;
};

/** Flags every command that reads manuscripts takes: configuration, project root, quiet, help, version. */
export const commonOptions = {
  root: {type: 'string'},
  strict: {type: 'boolean'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  quiet: {type: 'boolean', short: 'q'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} satisfies OptionTable;

/** A command's parsed arguments: flags by name, and the rest. */
export interface ParsedCommand<Options extends OptionTable> {
  readonly values: FlagValues<Options>;
  readonly inputs: string[];
}

/**
 * Parse a command's arguments strictly, answering `--help` and `--version` here.
 *
 * @param {readonly string[]} argv
 *   Arguments after the command's name.
 * @param {OptionTable} options
 *   The command's flags (with `help` and `version`).
 * @param {string} usage
 *   The command's help.
 * @returns {ParsedCommand | number}
 *   The arguments, or the exit status when the command is already answered.
 */
export function parseCommand<Options extends OptionTable>(argv: readonly string[], options: Options, usage: string): ParsedCommand<Options> | number {
  let values: FlagValues<Options>;
  let inputs: string[];
  try {
    const parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true});
    values = parsed.values as FlagValues<Options>;
    inputs = parsed.positionals;
  } catch (error) {
    return usageFailure((error as Error).message, usage);
  }
  const asked = values as Record<string, unknown>;
  if (asked['version'] === true || asked['help'] === true) {
    process.stdout.write(`${asked['version'] === true ? version : usage}\n`);
    return exitCode.ok;
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
  return exitCode.usage;
}
