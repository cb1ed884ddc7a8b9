import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import {unified, type PluggableList} from 'unified';
import {VFile, type Data} from 'vfile';
import {remarkYamlFrontMatter} from '../../src/markdown/remark-yaml-front-matter.js';

/** What a plugin made of a manuscript: the HTML and the messages, one line each. */
export interface Rendered {
  readonly html: string;
  readonly messages: string[];
  readonly file: VFile;
}

/**
 * Markdown → HTML through remark-parse (with front matter, GFM and directives), the
 * plugins under test, remark-rehype and rehype-stringify: remark-gfm's fixture style.
 * Raw HTML is not passed through (as in briefing, which never lets it in).
 *
 * @param input
 *   The Markdown.
 * @param markdown
 *   remark plugins, run after parsing.
 * @param html
 *   rehype plugins, run after remark-rehype.
 * @param data
 *   `file.data` before the run (what earlier plugins would have set).
 * @returns
 *   The page's HTML and the messages as `line:column-endLine:endColumn severity reason [ruleId]`.
 */
export async function render(input: string, markdown: PluggableList, html: PluggableList = [], data: Partial<Data> = {}): Promise<Rendered> {
  const file = new VFile({path: 'm.md', value: input, data});
  const processor = unified().use(remarkParse).use(remarkYamlFrontMatter).use(remarkGfm).use(remarkDirective).use(markdown).use(remarkRehype).use(html).use(rehypeStringify);
  const output = String(await processor.process(file));
  return {html: output, messages: messageLines(file), file};
}

/**
 * A file's messages, one line each.
 *
 * @param file
 *   The file.
 * @returns
 *   `line:column[-endLine:endColumn] error|warning reason [ruleId]`.
 */
export function messageLines(file: VFile): string[] {
  return file.messages.map((message) => {
    const end = message.place && 'start' in message.place ? `-${message.place.end.line}:${message.place.end.column}` : '';
    return `${message.line}:${message.column}${end} ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.ruleId}]`;
  });
}
