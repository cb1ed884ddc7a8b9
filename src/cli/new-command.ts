import {parseArgs, type ParseArgsConfig} from 'node:util';
import {createManuscript} from '../new-manuscript.js';
import {usageFailure} from './shared.js';
import {newUsage} from './usage.js';
import {version} from '../version.js';

const options = {
  dir: {type: 'string', short: 'd'},
  force: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} satisfies ParseArgsConfig['options'];

/**
 * `briefing new "<title>"`: write a working example manuscript.
 *
 * @param {readonly string[]} argv
 *   Arguments after `new`.
 * @returns {Promise<number>}
 *   Exit status: 1 when the file exists already.
 */
export async function newCommand(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true});
  } catch (error) {
    return usageFailure((error as Error).message, newUsage);
  }
  const {values, positionals} = parsed;
  if (values.version) return print(`${version}\n`);
  if (values.help) return print(`${newUsage}\n`);
  if (positionals.length !== 1 || !positionals[0]?.trim()) {
    return usageFailure(positionals.length > 1 ? 'Expected one title; put it in quotes' : 'Missing title, expected the briefing’s title in quotes', newUsage);
  }
  try {
    const file = await createManuscript(positionals[0], {dir: values.dir, force: values.force});
    process.stdout.write(`${file}\n`);
    process.stderr.write(`Wrote ${file}; edit it, then run: briefing build ${file}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`briefing: ${(error as Error).message}\n`);
    return 1;
  }
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}
