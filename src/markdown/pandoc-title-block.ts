import type {Paragraph, Root} from 'mdast';
import type {VFile} from 'vfile';

/** One `%` line of a title block with its continuation lines, and where it starts. */
export interface TitleBlockField {
  readonly lines: readonly string[];
  readonly line: number;
}

/** pandoc's title block: title, authors, date, each possibly empty. */
export interface TitleBlock {
  readonly paragraph: Paragraph;
  readonly title?: TitleBlockField | undefined;
  readonly authors?: TitleBlockField | undefined;
  readonly date?: TitleBlockField | undefined;
}

/**
 * pandoc's title block: up to three lines at the very start of the file, `% Title`,
 * `% Author; Author` and `% Date`, each continued on lines that start with a space
 * (another author, or more of the title). Markdown reads them as the first paragraph;
 * only a paragraph made of such lines and nothing else is one.
 *
 * @param {Root} tree
 *   The document.
 * @param {VFile} file
 *   The manuscript.
 * @returns {TitleBlock | undefined}
 *   The block, when the document opens with one.
 */
export function findTitleBlock(tree: Root, file: VFile): TitleBlock | undefined {
  const paragraph = tree.children[0];
  const start = paragraph?.position?.start;
  const end = paragraph?.position?.end.offset;
  if (paragraph?.type !== 'paragraph' || start?.line !== 1 || start.column !== 1 || start.offset === undefined || end === undefined) return undefined;
  const text = String(file.value).slice(start.offset, end);
  if (!text.startsWith('%')) return undefined;

  const fields: Array<{lines: string[]; line: number}> = [];
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    const last = fields.at(-1);
    if (line.startsWith('%')) fields.push({lines: [line.slice(1).trim()].filter(Boolean), line: start.line + index});
    else if (/^[ \t]/.test(line) && last) last.lines.push(line.trim());
    else return undefined;
  }
  if (fields.length > 3) return undefined;
  const present = (field: TitleBlockField | undefined) => (field && field.lines.length > 0 ? field : undefined);
  return {paragraph, title: present(fields[0]), authors: present(fields[1]), date: present(fields[2])};
}
