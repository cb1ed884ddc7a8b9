import type {VFile} from 'vfile';

// Messages, as the CLI prints them and as the library records them.

export interface Reported {
  readonly file: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly severity: 'error' | 'warning' | 'info';
  readonly reason: string;
  readonly rule?: string | undefined;
}

/** `file:line:column: severity reason [rule]`, as `formatMessages` prints them. */
const messageLine = /^(.+?)(?::(\d+):(\d+))?: (error|warning|info) (.*?)(?: \[([\w-]+)\])?$/;

/**
 * The messages the CLI printed.
 *
 * @param stderr
 *   Standard error of a run.
 * @returns
 *   The message lines, parsed.
 */
export function parseMessages(stderr: string): Reported[] {
  const found: Reported[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    const match = messageLine.exec(line.replace(/^\r?\u001B\[2K/, ''));
    if (!match) continue;
    found.push({
      file: match[1] ?? '',
      line: match[2] === undefined ? undefined : Number(match[2]),
      column: match[3] === undefined ? undefined : Number(match[3]),
      severity: match[4] as Reported['severity'],
      reason: match[5] ?? '',
      rule: match[6]
    });
  }
  return found;
}

/**
 * A VFile's messages in the same shape.
 *
 * @param file
 *   A manuscript after a build.
 * @returns
 *   Its messages.
 */
export function messagesOf(file: VFile): Reported[] {
  return file.messages.map((message) => ({
    file: file.path,
    line: message.line,
    column: message.column,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    reason: message.reason,
    rule: message.ruleId
  }));
}

/**
 * An expected message: its rule, and where: `line:column`, only `line` when the column is
 * not the point, or nothing when any place will do (but it must have one).
 */
export interface Expected {
  readonly rule: string | RegExp;
  readonly at?: `${number}:${number}` | `${number}`;
  readonly severity?: 'error' | 'warning';
}

/**
 * Whether a message matches an expectation.
 *
 * @param message
 *   A message.
 * @param expected
 *   What was expected.
 * @returns
 *   Whether it matches.
 */
export function matches(message: Reported, expected: Expected): boolean {
  const [line, column] = expected.at?.split(':').map(Number) ?? [];
  const rule = typeof expected.rule === 'string' ? message.rule === expected.rule : expected.rule.test(message.rule ?? '');
  const place = message.line !== undefined && (line === undefined || message.line === line) && (column === undefined || message.column === column);
  return rule && place && (expected.severity === undefined || message.severity === expected.severity);
}

/**
 * Messages, one per line, for assertion failures that show what was reported instead.
 *
 * @param messages
 *   Messages.
 * @returns
 *   Text.
 */
export function show(messages: readonly Reported[]): string {
  return messages.map((message) => `${message.line ?? '?'}:${message.column ?? '?'} ${message.severity} ${message.reason} [${message.rule ?? ''}]`).join('\n') || '(no messages)';
}

/** Lines that only a crash prints: a JavaScript stack trace or the engine's own error names. */
export const crashOutput = /RangeError|Maximum call stack|^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$|node:internal|Unhandled|FATAL ERROR|heap out of memory/m;

/**
 * An expectation in words, for assertion messages.
 *
 * @param expected
 *   What was expected.
 * @returns
 *   `rule at line:column`.
 */
export function label(expected: Expected): string {
  return `${expected.severity ?? 'message'} ${String(expected.rule)} at ${expected.at ?? 'some place'}`;
}
