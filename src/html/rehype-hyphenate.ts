import {createRequire} from 'node:module';
import type {Element, Root} from 'hast';
import type {Plugin} from 'unified';
import {getOrCreate} from '../util/get-or-create.js';

type Hyphenate = (text: string) => string;

const require = createRequire(import.meta.url);

/** Pattern sets of the `hyphen` package by language tag, where the name differs. */
const patternNames: Record<string, string> = {en: 'en-us', 'en-gb': 'en-gb', de: 'de-1996', el: 'el-monoton', no: 'nb', sr: 'sr-cyrl'};

/** Elements whose text is set justified in running text. */
const prose = new Set(['p', 'li', 'dd', 'td']);
/** Elements whose text is never hyphenated: boxes set ragged, code, links, quotes. */
const keepWhole = new Set(['aside', 'figure', 'pre', 'code', 'a', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Insert soft hyphens (U+00AD) into the article's running text (run it on the article,
 * before it goes into the template) for its language, so
 * justified lines break well in print. Chrome hyphenates nothing on its own offline
 * (its dictionaries are downloaded on demand), so this is done at build time with the
 * TeX patterns of the `hyphen` package. URLs, e-mail addresses, code and headings are
 * left whole. Languages without patterns are left alone.
 *
 * @returns
 *   Transform.
 */
export const rehypeHyphenate: Plugin<[], Root> = function () {
  const byLanguage = new Map<string, Hyphenate | undefined>();
  return function (tree, file) {
    const lang = (file.data.matter?.lang ?? 'en').toLowerCase();
    const hyphenate = getOrCreate(byLanguage, lang, () => loadHyphenator(lang));
    if (!hyphenate) return;

    const walk = (node: Root | Element, inProse: boolean): void => {
      for (const child of node.children) {
        if (child.type === 'text' && inProse) child.value = hyphenateProse(child.value, hyphenate);
        else if (child.type === 'element' && !keepWhole.has(child.tagName)) walk(child, inProse || prose.has(child.tagName));
      }
    };
    walk(tree, false);
  };
};

/**
 * Longest word that is hyphenated, in letters. `hyphen`'s cost grows with the square of a
 * word's length (40 k letters: 7 s); the longest words in use, German legal compounds,
 * stay under 64 letters. A longer run of letters is not a word a reader reads, and the
 * templates' `overflow-wrap: break-word` still wraps it.
 */
export const maxHyphenatedWord = 64;
/** Longest run without white space whose words are hyphenated: past it, it is data, not prose. */
export const maxHyphenatedToken = 2048;

/**
 * Hyphenate the words of a text, leaving URLs, e-mail addresses, short words and runs of
 * letters too long to be words whole.
 *
 * @param {string} text
 *   Running text.
 * @param {Hyphenate} hyphenate
 *   Hyphenator for the language.
 * @returns {string}
 *   Text with soft hyphens.
 */
export function hyphenateProse(text: string, hyphenate: Hyphenate): string {
  return text.replace(/\S+/g, (token) =>
    token.length > maxHyphenatedToken || /[/@]|^www\.|\d/.test(token)
      ? token
      : token.replace(/\p{L}{6,}/gu, (word) => (word.length > maxHyphenatedWord ? word : hyphenate(word)))
  );
}

function loadHyphenator(lang: string): Hyphenate | undefined {
  const primary = lang.split('-')[0] ?? lang;
  for (const name of [patternNames[lang], lang, patternNames[primary], primary]) {
    if (!name || !/^[a-z]{2,3}(?:-[a-z0-9]+)*$/.test(name)) continue;
    let path: string;
    try {
      path = require.resolve(`hyphen/${name}/index.js`);
    } catch {
      continue;
    }
    // The patterns are CommonJS modules.
    const language = require(path) as {hyphenateSync: (text: string, options?: object) => string};
    return (word) => language.hyphenateSync(word, {minWordLength: 6});
  }
  return undefined;
}
