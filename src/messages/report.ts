import type {VFile} from 'vfile';
import {compareMessage} from 'vfile-sort';
import {statistics} from 'vfile-statistics';

type VFileMessage = VFile['messages'][number];

/** How bad a message is: an error stops the output, a warning is advice, an info a note. */
export type Severity = 'error' | 'warning' | 'info';

/** C0 controls (newline and tab too), DEL, C1 controls and the Unicode line and paragraph separators: what a terminal or a log acts on. */
const controls = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * Make a value from a manuscript safe to print on a terminal or in a log: control
 * characters become `\x1b`-style escapes. An escape sequence in a YAML key or a file
 * name then cannot move the cursor, set the window title or write the clipboard, and
 * a newline in a file name cannot forge a `x.md:1:1: error` line of its own.
 *
 * @param {string} value
 *   Any text.
 * @returns {string}
 *   The text with every C0 and C1 control character escaped.
 */
export function escapeControl(value: string): string {
  return value.replace(controls, (character) => {
    const code = character.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/**
 * Messages as one line each, in the `file:line:column: severity reason [rule]` form that
 * editors, terminals and CI annotations link to the place in the manuscript. File names,
 * reasons and rules have their control characters escaped (`escapeControl`).
 *
 * @param {readonly VFile[]} files
 *   Files whose messages to show.
 * @returns {string}
 *   Lines, file by file in the order given, each file's sorted by place (`vfile-sort`:
 *   line, column, then errors before warnings before infos); empty when there are none.
 */
export function formatMessages(files: readonly VFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const message of sortMessages(file)) {
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
      const rule = message.ruleId ? ` [${message.ruleId}]` : '';
      lines.push(`${escapeControl(String(file.path))}${place}: ${severity(message)} ${escapeControl(message.reason)}${escapeControl(rule)}`);
    }
  }
  return lines.join('\n');
}

/**
 * A file's messages in the order they are shown: by place, as `vfile-sort` orders them
 * (messages without a place first, then by line and column; at one place errors, then
 * warnings, then infos).
 *
 * @param {VFile} file
 *   The manuscript.
 * @returns {VFileMessage[]}
 *   A sorted copy; the file's own list is left as it is.
 */
export function sortMessages(file: VFile): VFileMessage[] {
  return [...file.messages].sort(compareMessage);
}

/**
 * How bad a message is.
 *
 * @param {VFileMessage} message
 *   A message.
 * @returns {Severity}
 *   `error` when fatal, `warning` when not, `info` when unset.
 */
export function severity(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** How many messages of each severity some files hold. */
export interface MessageCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/**
 * Count the errors, warnings and infos of files (`vfile-statistics`).
 *
 * @param {VFile | readonly VFile[]} files
 *   One file or several.
 * @returns {MessageCounts}
 *   The counts.
 */
export function countMessages(files: VFile | readonly VFile[]): MessageCounts {
  const {fatal, warn, info} = statistics(Array.isArray(files) ? [...files] : (files as VFile));
  return {errors: fatal, warnings: warn, infos: info};
}

/**
 * The problems among some messages, for a summary line: `1 error, 2 warnings`. Infos are
 * notes, not problems, and are left out.
 *
 * @param {MessageCounts} counts
 *   What `countMessages` found.
 * @returns {string}
 *   The counts in words; empty when there are no errors or warnings.
 */
export function formatCounts(counts: MessageCounts): string {
  return [counts.errors ? plural(counts.errors, 'error') : '', counts.warnings ? plural(counts.warnings, 'warning') : ''].filter(Boolean).join(', ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
