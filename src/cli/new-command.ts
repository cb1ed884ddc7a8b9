import {createManuscript} from '../manuscripts/new-manuscript.js';
import {parseCommand, usageFailure, type OptionTable} from './arguments.js';
import {exitCode} from './exit-codes.js';
import {newUsage} from './usage.js';

const options = {
  dir: {type: 'string', short: 'd'},
  force: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} satisfies OptionTable;

/**
 * `briefing new "<title>"`: write a working example manuscript.
 *
 * @param {readonly string[]} argv
 *   Arguments after `new`.
 * @returns {Promise<number>}
 *   Exit status: 1 when the file exists already.
 */
export async function newCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommand(argv, options, newUsage);
  if (typeof parsed === 'number') return parsed;
  const {values} = parsed;
  const positionals = parsed.inputs;
  if (positionals.length !== 1 || !positionals[0]?.trim()) {
    return usageFailure(positionals.length > 1 ? 'Expected one title; put it in quotes' : 'Missing title, expected the briefing’s title in quotes', newUsage);
  }
  try {
    const file = await createManuscript(positionals[0], {dir: values.dir, force: values.force});
    process.stdout.write(`${file}\n`);
    process.stderr.write(`Wrote ${file}; edit it, then run: briefing build ${file}\n`);
    return exitCode.ok;
  } catch (error) {
    process.stderr.write(`briefing: ${(error as Error).message}\n`);
    return exitCode.failed;
  }
}

