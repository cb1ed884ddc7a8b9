import distance from 'damerau-levenshtein';

/**
 * Keys that pandoc, Jekyll, Hugo, MkDocs, VuePress and Docusaurus write for what a
 * briefing key means, by the key they stand for. `tags` gathers all of its keys;
 * for the others the briefing key, then the first alias given, wins.
 */
export const matterAliases: Readonly<Record<string, readonly string[]>> = Object.freeze({
  authors: Object.freeze(['author']),
  subtitle: Object.freeze(['description']),
  // pandoc's and Hugo's prose summary of the document: the summary box, one point per paragraph.
  summary: Object.freeze(['abstract']),
  tags: Object.freeze(['keywords', 'categories']),
  lang: Object.freeze(['language'])
});

/** Aliases inside an author record: Docusaurus gives an author's `title` (their role). */
export const authorAliases: Readonly<Record<string, readonly string[]>> = Object.freeze({role: Object.freeze(['title'])});

/**
 * The briefing key an alias stands for.
 *
 * @param {Readonly<Record<string, readonly string[]>>} aliases
 *   Aliases by briefing key.
 * @param {string} key
 *   A key as written.
 * @returns {string | undefined}
 *   The briefing key, when `key` is one of its aliases.
 */
export function aliasOf(aliases: Readonly<Record<string, readonly string[]>>, key: string): string | undefined {
  for (const [target, names] of Object.entries(aliases)) if (names.includes(key)) return target;
  return undefined;
}

/**
 * Settings of a run that a manuscript might try to set: a manuscript is data and never
 * chooses where outputs go, which browser runs or how long it may take (only `template`,
 * `paper` and `edition` are its own). Refused in every mode, so the attempt is seen.
 */
export const runSettingKeys: readonly string[] = Object.freeze(['outDir', 'formats', 'timeout', 'concurrency', 'root', 'browser', 'strict']);

/** Names of JavaScript's object machinery: no tool's key, only ever an attempt at pollution. */
export const reservedKeys: readonly string[] = Object.freeze(['__proto__', 'constructor', 'prototype']);

/** Longer keys than this are nobody's typo of a front-matter key; no distance is worked out. */
const longestTypo = 16;

/**
 * The key `key` is most likely a misspelling of: one edit away (a letter added, dropped,
 * changed, or two swapped), two for keys of eight letters or more, or differing only in
 * case. Anything further is a key of some other tool, not a typo.
 *
 * @param {string} key
 *   A key as written.
 * @param {readonly string[]} candidates
 *   Keys that would have been understood.
 * @returns {string | undefined}
 *   The closest candidate, when it is close enough.
 */
export function nearMiss(key: string, candidates: readonly string[]): string | undefined {
  if (key.length > longestTypo || candidates.includes(key)) return undefined;
  let best: string | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const steps = distance(key.toLowerCase(), candidate.toLowerCase()).steps;
    const allowed = Math.max(key.length, candidate.length) >= 8 ? 2 : 1;
    if (steps <= allowed && steps < fewest) {
      best = candidate;
      fewest = steps;
    }
  }
  return best;
}
