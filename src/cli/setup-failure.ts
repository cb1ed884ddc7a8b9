import {ConfigError} from '../config/config-file.js';
import {SettingsError} from '../config/config.js';
import {InputError} from '../manuscripts/manuscripts.js';
import {escapeControl} from '../messages/report.js';
import {UsageError, usageFailure} from './arguments.js';
import {exitCode} from './exit-codes.js';

/**
 * Exit status and output for an error before any document: configuration errors
 * are listed with their places, inputs and settings as usage errors, anything else
 * as a failure of its own.
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
    return exitCode.usage;
  }
  if (error instanceof UsageError || error instanceof InputError || error instanceof SettingsError) return usageFailure(escapeControl(error.message), usage);
  process.stderr.write(`briefing: ${escapeControl((error as Error).message)}\n`);
  return exitCode.failed;
}
