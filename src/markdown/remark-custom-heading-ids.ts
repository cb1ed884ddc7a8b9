import type {Heading, Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';

declare module 'vfile' {
  interface DataMap {
    /** Heading ids the author wrote (`{#id}`), set by `remarkCustomHeadingIds`. */
    customHeadingIds?: Set<string>;
  }
}

/**
 * `## Title {#id}` (pandoc, kramdown, Hugo, MkDocs), and the same id in an MDX comment
 * in braces (as react.dev writes them): an id chosen by the author, which the
 * document's own links use. Read from the heading's source, since Markdown parses the
 * braces as text (and the comment's stars as emphasis).
 */
const customId = /[ \t]*\{(?:#([^\s{}#]+)[^{}]*|\/\*[ \t]*([^*{}]+?)[ \t]*\*\/)\}[ \t]*#*[ \t]*$/;

/**
 * Take an author's heading id off the end of a heading's text and give it to the
 * heading (`rehypeHeadingIds` keeps it unless the page already has that id), so the
 * braces do not print and `#id` links reach the heading.
 *
 * @returns
 *   Transform.
 */
export const remarkCustomHeadingIds: Plugin<[], Root> = function () {
  return function (tree, file) {
    const source = String(file.value);
    const chosen = new Set<string>();
    file.data.customHeadingIds = chosen;
    visit(tree, 'heading', (heading: Heading) => {
      const start = heading.position?.start.offset;
      const end = heading.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const match = customId.exec(source.slice(start, end).split(/\r?\n/)[0] ?? '');
      const id = match?.[1] ?? match?.[2];
      if (!match || !id) return;
      const cut = start + match.index;
      while (heading.children.length > 0) {
        const last = heading.children.at(-1);
        const from = last?.position?.start.offset;
        const to = last?.position?.end.offset;
        if (!last || from === undefined || to === undefined) return;
        if (from >= cut) {
          heading.children.pop();
          continue;
        }
        if (to > cut) {
          if (last.type !== 'text') return;
          last.value = last.value.slice(0, Math.max(0, last.value.length - (to - cut))).trimEnd();
        }
        break;
      }
      heading.data = {...heading.data, hProperties: {...heading.data?.hProperties, id}};
      chosen.add(id);
    });
  };
};
