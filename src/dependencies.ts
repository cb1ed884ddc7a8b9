import path from 'node:path';
import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {visit} from 'unist-util-visit';
import {classifyUrl} from './markdown/remark-safe-urls.js';

declare module 'vfile' {
  interface DataMap {
    /** Absolute paths of the local files a manuscript reads (its images); set by the renderer. */
    dependencies: string[];
  }
}

/**
 * The local files a manuscript uses, resolved the way the image inliner resolves them
 * (against the manuscript's folder), so `--watch` rebuilds when one of them changes.
 *
 * @param {Root} tree
 *   The parsed manuscript, before any transform.
 * @param {VFile} file
 *   The manuscript.
 * @returns {string[]}
 *   Absolute paths, without duplicates; whether they exist is not checked.
 */
export function collectDependencies(tree: Root, file: VFile): string[] {
  const base = path.dirname(path.resolve(file.cwd, file.path ?? 'document'));
  const found = new Set<string>();
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'definition') return;
    if (classifyUrl(node.url) !== 'relative') return;
    try {
      found.add(path.resolve(base, decodeURIComponent(node.url.replace(/[?#].*$/, ''))));
    } catch {
      // Not a valid path: the image inliner reports it.
    }
  });
  return [...found];
}
