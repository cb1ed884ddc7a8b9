import type {Element, Root} from 'hast';
import GithubSlugger from 'github-slugger';
import {toString} from 'hast-util-to-string';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {visitParents} from 'unist-util-visit-parents';
import '../markdown/remark-custom-heading-ids.js';
import {defaults} from '../config/config.js';
import type {Template} from './template/load-template.js';

export interface RehypeHeadingIdsOptions {
  /** Loads (and caches) a template by name or folder: its ids are taken too. */
  readonly templates: (nameOrDir: string) => Promise<Template>;
}

/**
 * Give headings ids from their text, as rehype-slug does, but never one that something
 * else on the page already has: a footnote's (`user-content-fn-1`, `footnote-label`) or
 * the template's. The slugger starts with those ids taken, so `## footnote-label` becomes
 * `footnote-label-1` and every footnote link still reaches its note. An id the author
 * gave a heading (`remarkCustomHeadingIds`) is kept unless it is taken too.
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
    const chosen = file.data.customHeadingIds ?? new Set<string>();
    // Headings of the article whose id the author chose (`{#id}`); the notes' own
    // heading, which remark-rehype gives an id, is not one of them.
    const authored = new Set<Element>();
    visitParents(tree, 'element', (element, ancestors) => {
      const id = element.properties['id'];
      const inNotes = ancestors.some((ancestor) => ancestor.type === 'element' && ancestor.properties['dataFootnotes'] !== undefined);
      if (/^h[1-6]$/.test(element.tagName) && typeof id === 'string' && chosen.has(id) && !inNotes) authored.add(element);
    });
    for (const node of [template.tree, tree]) {
      visit(node, 'element', (element) => {
        const id = element.properties['id'];
        if (typeof id === 'string' && !authored.has(element)) slugger.occurrences[id] = 0;
      });
    }
    visit(tree, 'element', (element) => {
      if (authored.has(element)) {
        // Kept while it is free; else made unique like any other.
        const wanted = element.properties['id'] as string;
        if (Object.hasOwn(slugger.occurrences, wanted)) element.properties['id'] = slugger.slug(wanted);
        else slugger.occurrences[wanted] = 0;
      } else if (/^h[1-6]$/.test(element.tagName) && element.properties['id'] === undefined) {
        element.properties['id'] = slugger.slug(toString(element));
      }
    });
  };
};
