import type {Root, RootContent, Text} from 'mdast';
import {retext} from 'retext';
import retextSmartypants from 'retext-smartypants';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import {frenchSpacing, quoteReplacements} from './quote-replacements.js';
import {quoteStyleFor} from './quote-style.js';

/** A text node of a block and where its value starts in the block's text. */
interface Piece {
  readonly node: Text;
  readonly start: number;
}

/**
 * Typographer's punctuation for the document's `lang`: quotation marks as CLDR gives
 * them for the language (`"…"` the outer pair, `'…'` the nested one), an apostrophe
 * (U+2019) wherever a `'` is not a quote, French spacing, `--` as an en dash and `---`
 * as an em dash, `...` as an ellipsis, and a hyphen set between spaces (` - `) as a
 * spaced en dash. Code is left alone. No character is lost: each straight quote becomes
 * its mark (with its space, in French), every other character stays.
 *
 * smartypants (retext-smartypants) tells opening from closing quotes, on the text of a
 * whole block so that quotes pair around emphasis, links and code; it is given English
 * marks, one character for one, and the language's marks replace them afterwards.
 * (remark-smartypants, given marks longer than one character, cut one character from the
 * block's end per mark, and it sets every apostrophe as the language's closing quote.)
 *
 * @returns
 *   Transform.
 */
export const remarkTypography: Plugin<[], Root> = function () {
  const smartypants = retext().use(retextSmartypants, {backticks: false, dashes: false, ellipses: false}).freeze();
  return function (tree, file) {
    const style = quoteStyleFor(file.data.matter?.lang ?? 'en');
    visit(tree, 'text', (node) => {
      node.value = dashesAndEllipses(node.value);
    });
    // Quotes never pair across top-level blocks, and smartypants' cost grows faster than
    // the text it is given: each block is smartened on its own, and only if it has quotes.
    for (const block of tree.children) {
      const {text, pieces} = blockText(block);
      if (!/["']/.test(text)) continue;
      const marks = quoteReplacements(text, String(smartypants.processSync(text)), style);
      for (const {node, start} of pieces) {
        node.value = node.value.replace(/["']/g, (quote, offset: number) => marks.get(start + offset) ?? quote);
      }
    }
    if (style.spaced) {
      visit(tree, 'text', (node) => {
        node.value = frenchSpacing(node.value);
      });
    }
  };
};

/**
 * A block's text as smartypants should read it: inline code stands for a word, and each
 * paragraph, heading, table cell and line break for a space, so that a quote at their
 * start opens.
 */
function blockText(block: RootContent): {text: string; pieces: Piece[]} {
  const pieces: Piece[] = [];
  let text = '';
  visit(block, (node) => {
    if (node.type === 'text') {
      pieces.push({node, start: text.length});
      text += node.value;
    } else if (node.type === 'inlineCode') text += 'A';
    else if (node.type === 'break' || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') text += ' ';
  });
  return {text, pieces};
}

/** Dashes and ellipses: runs of exactly two or three hyphens or three dots, nothing longer. */
function dashesAndEllipses(value: string): string {
  return value
    .replace(/(?<=\S) - (?=\S)/g, ' – ')
    .replace(/(?<!-)-{2,3}(?!-)/g, (dashes) => (dashes.length === 2 ? '–' : '—'))
    .replace(/(?<!\.)\.(?:\.\.| \. \.)(?!\.)/g, '…');
}
