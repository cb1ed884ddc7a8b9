import type {VFile} from 'vfile';

/**
 * Messages as one line each, in the `file:line:column: severity reason [rule]` form that
 * editors, terminals and CI annotations link to the place in the manuscript.
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
      lines.push(`${file.path}${place}: ${severity} ${message.reason}${rule}`);
    }
  }
  return lines.join('\n');
}
