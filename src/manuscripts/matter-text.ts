import {escapeControl} from '../messages/report.js';
import type {Link} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {toString} from 'mdast-util-to-string';
import {SKIP, visit} from 'unist-util-visit';

/**
 * C0 and C1 control characters but tab, line feed and carriage return: no text needs
 * them, and in a page or a terminal they are escape sequences, not words.
 */
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Remove control characters from a value.
 *
 * @param {string} value
 *   Text from the front matter.
 * @returns {{text: string; removed: string[]}}
 *   The text without them, and each one removed, escaped (`\x1b`), once.
 */
export function withoutControls(value: string): {text: string; removed: string[]} {
  const found = value.match(controls);
  if (!found) return {text: value, removed: []};
  return {text: value.replace(controls, ''), removed: [...new Set(found.map(escapeControl))]};
}

/**
 * Markdown links written where plain text is expected (`[Ada Lovelace](https://…)`,
 * as Hugo sites write bylines) become their text; everything else stays as written,
 * `<ada@example.org>` included.
 *
 * @param {string} value
 *   A name, role or affiliation.
 * @returns {string}
 *   The text a reader should see.
 */
export function linkText(value: string): string {
  if (!value.includes('](')) return value;
  const pieces: string[] = [];
  let last = 0;
  visit(fromMarkdown(value), 'link', (node: Link) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    // An autolink (`<https://…>`) is its own text.
    if (start === undefined || end === undefined || value[start] === '<') return SKIP;
    pieces.push(value.slice(last, start), toString(node));
    last = end;
    return SKIP;
  });
  pieces.push(value.slice(last));
  return pieces.join('');
}
