#!/usr/bin/env node
import {exitCode} from './cli/exit-codes.js';
import {mainUsage, usages} from './cli/usage.js';
import {startHtmlThreadEarly} from './pipeline/html-thread.js';
import {timelineMark} from './util/timeline.js';
import {version} from './util/version.js';

/**
 * Run the command line: find the command and hand the rest to it. Commands load on
 * demand, so `briefing build` spawns Chromium before anything heavy is imported.
 * Returns the exit status; never calls `process.exit`, so pending output and browser
 * shutdown finish first.
 *
 * @param {readonly string[]} argv
 *   Arguments after `node cli.js`.
 * @returns {Promise<number>}
 *   Exit status.
 */
export async function main(argv: readonly string[]): Promise<number> {
  timelineMark('command started');
  const [command, ...rest] = argv;
  switch (command) {
    case 'build':
      // The HTML stage's thread starts while the command loads (see `html-thread.ts`).
      startHtmlThreadEarly();
      return (await import('./cli/build-command.js')).buildCommand(rest);
    case 'check':
      return (await import('./cli/check-command.js')).checkCommand(rest);
    case 'new':
      return (await import('./cli/new-command.js')).newCommand(rest);
    case 'email':
      return (await import('./cli/email-command.js')).emailCommand(rest);
    case 'print':
      return (await import('./cli/print-command.js')).printCommand(rest);
    case 'help': {
      const topic = rest[0];
      if (topic !== undefined && !(topic in usages)) return failure(`Unknown command \`${topic}\``);
      process.stdout.write(`${topic === undefined ? mainUsage : usages[topic]}\n`);
      return exitCode.ok;
    }
    case '-v':
    case '--version':
      process.stdout.write(`${version}\n`);
      return exitCode.ok;
    case '-h':
    case '--help':
      process.stdout.write(`${mainUsage}\n`);
      return exitCode.ok;
    case undefined:
      return failure('Missing command');
    default:
      return failure(command.startsWith('-') ? `Unknown option \`${command}\` before a command` : `Unknown command \`${command}\``);
  }
}

function failure(message: string): number {
  process.stderr.write(`briefing: ${message}\n\n${mainUsage}\n`);
  return exitCode.usage;
}

process.exitCode = await main(process.argv.slice(2));
if (process.env['BRIEFING_TIMELINE']) process.once('exit', () => timelineMark('exit'));
