import type {Nodes, Parents, Root, RootContent, Text} from 'mdast';
import type {Plugin} from 'unified';
import type {VFile} from 'vfile';
import {SKIP, visit} from 'unist-util-visit';
import {escapeControl} from '../messages/report.js';
import {reportWarning} from '../messages/messages.js';
import {mailtoSubjectOnly} from './mailto-subject.js';

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
 * someone's inbox. The link text stays. A `mailto:` link keeps its recipients and its
 * `subject` only (`mailtoSubjectOnly`). Images must be relative paths, which
 * `rehypeInlineImages` reads and inlines; a web image is refused with a warning here,
 * and leaves a visible trace in the page (its alt text and address, see `imageTrace`).
 *
 * @returns
 *   Transform.
 */
export const remarkSafeUrls: Plugin<[], Root> = function () {
  return function (tree, file) {
    // A definition is checked as what uses it: a link, an image, or both.
    const usedAs = new Map<string, Set<'link' | 'image'>>();
    visit(tree, (node) => {
      if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
      const uses = usedAs.get(node.identifier) ?? new Set();
      uses.add(node.type === 'linkReference' ? 'link' : 'image');
      usedAs.set(node.identifier, uses);
    });
    const refused = {link: new Set<string>(), image: new Map<string, string>()};
    visit(tree, 'definition', (node) => {
      for (const kind of usedAs.get(node.identifier) ?? ['link' as const]) {
        const url = checked(node.url, kind, node, file);
        if (url !== undefined) node.url = url;
        else if (kind === 'link') refused.link.add(node.identifier);
        else refused.image.set(node.identifier, node.url);
      }
    });

    visit(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      if (node.type === 'link' || node.type === 'image') {
        const url = checked(node.url, node.type, node, file);
        if (url !== undefined) {
          node.url = url;
          return undefined;
        }
        unwrap(parent, index, node.type === 'link' ? node.children : [imageTrace(node.alt ?? '', node.url, node)]);
        return [SKIP, index + 1];
      }
      if (node.type === 'linkReference' && refused.link.has(node.identifier)) {
        unwrap(parent, index, node.children);
        return [SKIP, index];
      }
      if (node.type === 'imageReference' && refused.image.has(node.identifier)) {
        unwrap(parent, index, [imageTrace(node.alt ?? '', refused.image.get(node.identifier) as string, node)]);
        return [SKIP, index + 1];
      }
      return undefined;
    });
  };
};

/** Longest address a trace shows in full. */
const traceUrlLength = 200;

/**
 * What the page shows instead of an image it does not load: its alt text and, for a
 * web image, its address, in a span the templates style (`.image-trace`), so the reader
 * sees that something stood there and where to find it. An address that is not a web
 * address (`javascript:`, `data:`) is not shown.
 *
 * @param {string} alt
 *   The image's alt text.
 * @param {string} url
 *   Its address.
 * @param {Nodes} node
 *   The image, for the position.
 * @returns {Text}
 *   A text node rendered as `<span class="image-trace">`.
 */
export function imageTrace(alt: string, url: string, node: Nodes): Text {
  const address = classifyUrl(url) === 'web' ? url.trim() : '';
  const shown = address.length > traceUrlLength ? `${address.slice(0, traceUrlLength)}…` : address;
  const parts = [alt.trim().replace(/\s+/g, ' '), shown].filter(Boolean);
  return {
    type: 'text',
    value: `[image${parts.length > 0 ? `: ${parts.join(' — ')}` : ''}]`,
    data: {hName: 'span', hProperties: {className: ['image-trace']}},
    ...(node.position && {position: node.position})
  };
}

/**
 * The URL to keep, or undefined when it is refused (with a warning saying why). A
 * protocol-relative link (`//host/path`) is kept as `https:`: opened from disk it would
 * otherwise become a `file://host/…` share. Images must be local files: web images are
 * never fetched.
 */
function checked(url: string, kind: 'link' | 'image', node: Nodes, file: VFile): string | undefined {
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
    return undefined;
  }
  if (type === 'web' && kind === 'image') {
    reportWarning(file, `Remote image \`${shown}\` is not fetched, expected a local image file next to the manuscript`, node, 'remote-image');
    return undefined;
  }
  if (type === 'relative' && kind === 'link') {
    reportWarning(file, `Relative link \`${shown}\` leads nowhere in a PDF, expected an absolute http(s) URL or a #fragment; kept as text`, node, 'relative-link');
    return undefined;
  }
  if (type === 'web' && kind === 'link' && URL.canParse(url) && new URL(url).protocol === 'mailto:') {
    const kept = mailtoSubjectOnly(url);
    if (kept.dropped.length > 0) {
      const fields = kept.dropped.map((name) => `\`${escapeControl(name)}\``).join(', ');
      reportWarning(
        file,
        `Dropped ${fields} from the \`mailto:\` link \`${shown}\`, expected at most a \`subject\`: a link may not add recipients, text or attachments to a reader's message`,
        node,
        'mailto-fields'
      );
    }
    return kept.url;
  }
  return type === 'web' && url.trim().startsWith('//') ? `https:${url.trim()}` : url;
}

function unwrap(parent: Parents, index: number, children: readonly RootContent[]): void {
  (parent.children as RootContent[]).splice(index, 1, ...children);
}
