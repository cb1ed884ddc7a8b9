import type {Point} from 'unist';
import type {VFile} from 'vfile';
import {isMap, LineCounter, parseDocument} from 'yaml';

/** The YAML between a manuscript's opening `---` line and the first closing `---` or `...` line. */
const frontMatter = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Where a key of the front matter is written, such as `['email', 'to']`, for a message
 * about a value `briefing email` chose not to use. Values are never read from here:
 * they come from `file.data.matter`, parsed and validated once; this only finds the
 * place again, and only when there is something to say about it.
 *
 * @param {VFile} file
 *   The manuscript, with its text.
 * @param {readonly string[]} keys
 *   Path to the key.
 * @returns {Point | undefined}
 *   The key's line and column in the manuscript, or undefined when it is not found.
 */
export function matterKeyPlace(file: VFile, keys: readonly string[]): Point | undefined {
  const match = frontMatter.exec(String(file.value));
  if (!match?.[1] || match[2] === undefined) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[2], {lineCounter, schema: 'core', uniqueKeys: false});
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of keys) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((item) => String((item.key as {value?: unknown} | null)?.value) === key);
    if (!pair) return undefined;
    offset = (pair.key as {range?: number[] | null} | null)?.range?.[0];
    node = pair.value;
  }
  if (offset === undefined) return undefined;
  const {line, col} = lineCounter.linePos(offset);
  // The YAML starts on the line after the opening `---`.
  return {line: line + 1, column: col, offset: match[1].length + offset};
}
