import type {Root} from 'hast';
import GithubSlugger from 'github-slugger';
import {toString} from 'hast-util-to-string';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {defaults} from '../config.js';
import type {Template} from './load-template.js';

export interface RehypeHeadingIdsOptions {
  /** Loads (and caches) a template by name or folder: its ids are taken too. */
  readonly templates: (nameOrDir: string) => Promise<Template>;
}

/**
 * Give headings ids from their text, as rehype-slug does, but never one that something
 * else on the page already has: a footnote's (`user-content-fn-1`, `footnote-label`) or
 * the template's. The slugger starts with those ids taken, so `## footnote-label` becomes
 * `footnote-label-1` and every footnote link still reaches its note.
 *
 * @param options
 *   The template loader.
 * @returns
 *   Transform.
 */
export const rehypeHeadingIds: Plugin<[RehypeHeadingIdsOptions], Root> = function (options) {
  const {templates} = options;
  return async function (tree, file) {
    const template = await templates((file.data.settings ?? defaults).template);
    const slugger = new GithubSlugger();
    for (const node of [template.tree, tree]) {
      visit(node, 'element', (element) => {
        const id = element.properties['id'];
        if (typeof id === 'string') slugger.occurrences[id] = 0;
      });
    }
    visit(tree, 'element', (element) => {
      if (/^h[1-6]$/.test(element.tagName) && element.properties['id'] === undefined) {
        element.properties['id'] = slugger.slug(toString(element));
      }
    });
  };
};
