import type {Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkSmartypants from 'remark-smartypants';
import type {Plugin, Transformer} from 'unified';
import {visit} from 'unist-util-visit';
import {getOrCreate} from '../get-or-create.js';

type QuoteMarks = {double: string; single: string};

/** What smartypants replaces: quotes, backticks, `--` and `---`, `...` and `. . .`. */
const mayChange = /["'`]|--|\.\s?\.\s?\./;

/** Quotation marks by primary language subtag: [opening, closing]. English is the default. */
const quotesByLanguage: Record<string, [QuoteMarks, QuoteMarks]> = {
  en: [{double: '“', single: '‘'}, {double: '”', single: '’'}],
  de: [{double: '„', single: '‚'}, {double: '“', single: '‘'}],
  cs: [{double: '„', single: '‚'}, {double: '“', single: '‘'}],
  pl: [{double: '„', single: '‚'}, {double: '”', single: '’'}],
  nl: [{double: '“', single: '‘'}, {double: '”', single: '’'}],
  fr: [{double: '«\u202F', single: '‹\u202F'}, {double: '\u202F»', single: '\u202F›'}],
  ru: [{double: '«', single: '„'}, {double: '»', single: '“'}],
  uk: [{double: '«', single: '„'}, {double: '»', single: '“'}],
  es: [{double: '«', single: '“'}, {double: '»', single: '”'}],
  it: [{double: '«', single: '“'}, {double: '»', single: '”'}],
  pt: [{double: '«', single: '“'}, {double: '»', single: '”'}],
  sv: [{double: '”', single: '’'}, {double: '”', single: '’'}],
  fi: [{double: '”', single: '’'}, {double: '”', single: '’'}],
  ja: [{double: '「', single: '『'}, {double: '」', single: '』'}],
  zh: [{double: '“', single: '‘'}, {double: '”', single: '’'}]
};

/**
 * Typographer's punctuation for the document's `lang`: curly quotes in that language's
 * style, `--` as an en dash and `---` as an em dash, `...` as an ellipsis, and a hyphen
 * set between spaces (` - `) as a spaced en dash. Code is left alone.
 *
 * @returns
 *   Transform.
 */
export const remarkTypography: Plugin<[], Root> = function () {
  const byLanguage = new Map<string, Transformer<Root>>();
  return function (tree, file) {
    const language = (file.data.matter?.lang ?? 'en').toLowerCase().split('-')[0] ?? 'en';
    const key = language in quotesByLanguage ? language : 'en';
    const smarten = getOrCreate(byLanguage, key, () => {
      const [openingQuotes, closingQuotes] = quotesByLanguage[key] as [QuoteMarks, QuoteMarks];
      return (remarkSmartypants as unknown as (options: object) => Transformer<Root>)({openingQuotes, closingQuotes, dashes: 'oldschool'});
    });
    visit(tree, 'text', (node) => {
      node.value = node.value.replace(/(?<=\S) - (?=\S)/g, ' – ');
    });
    // remark-smartypants joins all the text it is given into one retext string, whose cost
    // grows faster than its length; quotes never pair across top-level blocks, so each block
    // is smartened on its own. The transform is synchronous; it never calls `next`.
    // A block with nothing to smarten (no quote, backtick, double hyphen or dotted
    // ellipsis) is skipped: building its retext tree would be most of the cost.
    for (const child of tree.children) {
      if (mayChange.test(toString(child))) void smarten({type: 'root', children: [child]}, file, () => undefined);
    }
  };
};
