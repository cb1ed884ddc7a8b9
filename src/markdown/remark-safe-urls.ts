import type {Nodes, Parents, Root, RootContent} from 'mdast';
import type {Plugin} from 'unified';
import type {VFile} from 'vfile';
import {SKIP, visit} from 'unist-util-visit';
import {reportWarning} from '../messages.js';

/** Schemes a reader can follow from a PDF or a mailed page. */
const linkSchemes = new Set(['http:', 'https:', 'mailto:']);

/** A base no manuscript URL can name, to tell relative URLs from absolute ones. */
const probe = 'https://briefing.invalid/';

/**
 * What kind of URL this is, decided by the WHATWG URL parser (as a browser decides),
 * so `JaVaScRiPt:`, `java\tscript:` and entity-encoded schemes are caught too.
 *
 * @param {string} url
 *   URL from the manuscript.
 * @returns {'fragment' | 'relative' | 'web' | 'unsafe'}
 *   Its kind.
 */
export function classifyUrl(url: string): 'fragment' | 'relative' | 'web' | 'unsafe' {
  if (url.trim().startsWith('#')) return 'fragment';
  let absolute: URL | undefined;
  try {
    absolute = new URL(url);
  } catch {
    // No scheme: relative, unless protocol-relative (`//host/path`).
    const resolved = URL.canParse(url, probe) ? new URL(url, probe) : undefined;
    if (!resolved) return 'unsafe';
    if (resolved.host === new URL(probe).host) return 'relative';
    absolute = resolved;
  }
  return linkSchemes.has(absolute.protocol) ? 'web' : 'unsafe';
}

/**
 * Keep only links a reader can follow, and tell the author about the rest: a
 * `javascript:`, `file:` or `data:` URL never reaches the page (the sanitiser would drop
 * it silently), and a relative link points at nothing once the briefing is a PDF in
 * someone's inbox. The link text stays. Images are checked the same way, except that
 * relative image paths are fine: `rehypeInlineImages` reads and inlines them.
 *
 * @returns
 *   Transform.
 */
export const remarkSafeUrls: Plugin<[], Root> = function () {
  return function (tree, file) {
    const refused = new Set<string>();
    visit(tree, 'definition', (node) => {
      if (!allowed(node.url, 'link', node, file)) refused.add(node.identifier);
    });

    visit(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      if (node.type === 'link' && !allowed(node.url, 'link', node, file)) {
        unwrap(parent, index, node.children);
        return [SKIP, index];
      }
      if (node.type === 'image' && !allowed(node.url, 'image', node, file)) {
        unwrap(parent, index, []);
        return [SKIP, index];
      }
      if ((node.type === 'linkReference' || node.type === 'imageReference') && refused.has(node.identifier)) {
        unwrap(parent, index, node.type === 'linkReference' ? node.children : []);
        return [SKIP, index];
      }
      return undefined;
    });
  };
};

function allowed(url: string, kind: 'link' | 'image', node: Nodes, file: VFile): boolean {
  const type = classifyUrl(url);
  const shown = url.length > 60 ? `${url.slice(0, 60)}…` : url;
  if (type === 'unsafe') {
    const scheme = /^\s*([^:/?#]+):/.exec(url)?.[1]?.toLowerCase() ?? 'this';
    reportWarning(
      file,
      `Unexpected \`${scheme}:\` ${kind} \`${shown}\`, expected ${kind === 'link' ? 'http, https or mailto' : 'a relative path to an image file'}; it is not rendered`,
      node,
      'unsafe-url'
    );
    return false;
  }
  if (type === 'relative' && kind === 'link') {
    reportWarning(file, `Relative link \`${shown}\` leads nowhere in a PDF, expected an absolute http(s) URL or a #fragment; kept as text`, node, 'relative-link');
    return false;
  }
  return true;
}

function unwrap(parent: Parents, index: number, children: readonly RootContent[]): void {
  (parent.children as RootContent[]).splice(index, 1, ...children);
}
