import type {Root} from 'mdast';
import {unified, type Pluggable} from 'unified';
import {VFile, type Data} from 'vfile';
import {whole} from './parse-chains.js';

/**
 * Run lint rules on a manuscript as `briefing check` does: on the tree as written (remark-parse
 * with front matter, GFM and directives), with `file.data` as the processor left it.
 *
 * @param value
 *   The Markdown.
 * @param plugins
 *   The rules, each with its config (`[rule, config]`).
 * @param data
 *   What the processor put on `file.data` (`matter`, `settings`).
 * @returns
 *   The file, with the rules' messages.
 */
export async function lint(value: string, plugins: Pluggable[], data: Partial<Data> = {}): Promise<VFile> {
  const file = new VFile({path: 'm.md', value, data});
  const tree: Root = whole.parse(file);
  await unified().use(plugins).run(tree, file);
  return file;
}

/**
 * A file's messages in one line each, positions and severity first:
 * `start-end severity reason [source:ruleId]`.
 *
 * @param file
 *   The linted file.
 * @returns
 *   One line per message.
 */
export function lines(file: VFile): string[] {
  return file.messages.map((message) => {
    const start = `${message.line}:${message.column}`;
    const end = message.place && 'start' in message.place ? `-${message.place.end.line}:${message.place.end.column}` : '';
    return `${start}${end} ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.source}:${message.ruleId}]`;
  });
}
