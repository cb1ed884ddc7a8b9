import type {VFile} from 'vfile';

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
 *   Lines, sorted by file and position; empty when there are none.
 */
export function formatMessages(files: readonly VFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) {
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
      const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
      const rule = message.ruleId ? ` [${message.ruleId}]` : '';
      lines.push(`${escapeControl(String(file.path))}${place}: ${severity} ${escapeControl(message.reason)}${escapeControl(rule)}`);
    }
  }
  return lines.join('\n');
}
