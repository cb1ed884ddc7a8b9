import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {remarkParseInPieces} from '../../src/markdown/remark-parse-in-pieces.js';
import {atEveryHeading, byDefault, whole} from '../helpers/parse-chains.js';
import {splitAtHeadings} from '../../src/markdown/split-at-headings.js';


/**
 * Labels from a small pool, so that references and definitions meet and some are defined
 * twice (the first wins), written in any case and with inner whitespace (CommonMark folds
 * both; `ß` and `SS`, `ﬀ` and `FF`, `ǅ` fold to the same or not as micromark decides), some
 * with a caret, an escaped bracket or emphasis that the definition scan might misread.
 */
const label = fc
  .tuple(
    fc.constantFrom('alpha', 'Beta', 'gamma note', 'Δelta', 'ß', 'SS', 'ﬀ', 'FF', 'ǅ', 'x', '^odd', '1', 'a\\]b', '*em*'),
    fc.constantFrom('lower', 'upper', 'asis', 'spaced')
  )
  .map(([name, style]) => (style === 'lower' ? name.toLowerCase() : style === 'upper' ? name.toUpperCase() : style === 'spaced' ? name.replace(' ', ' \t ') : name));

const word = fc.constantFrom('harbour', 'ledger', 'quiet', 'river', 'lantern', 'seven', 'north', 'copper');
const words = fc.array(word, {minLength: 1, maxLength: 6}).map((list) => list.join(' '));

/** Something inline that may become a reference, or stay text. */
const inline = fc.oneof(
  words,
  label.map((name) => `[^${name}]`),
  label.map((name) => `[${name}]`),
  fc.tuple(words, label).map(([text, name]) => `[${text}][${name}]`),
  label.map((name) => `[${name}][]`),
  label.map((name) => `![${name}]`),
  label.map((name) => `[^${name}]: in running text`)
);
const paragraph = fc.array(inline, {minLength: 1, maxLength: 5}).map((list) => list.join(' '));

/** A definition, link or footnote, perhaps inside a container, perhaps over two lines. */
const definition = fc
  .tuple(
    fc.boolean(),
    label,
    words,
    fc.constantFrom('plain', 'list', 'quote', 'indented', 'two lines', 'footnote with paragraphs')
  )
  .map(([footnote, name, text, where]) => {
    const line = footnote ? `[^${name}]: ${text}` : `[${name}]: https://example.org/${encodeURIComponent(text)} "${text}"`;
    if (where === 'list') return `- ${line}`;
    if (where === 'quote') return `> ${line}`;
    if (where === 'indented') return `   ${line}`;
    if (where === 'two lines') return footnote ? `${line}\n    continued ${text}` : `[${name}]:\n  https://example.org/${encodeURIComponent(text)}`;
    return footnote ? `${line}\n\n    A second paragraph of the note, with [^${name}] inside.` : line;
  });

const heading = fc.tuple(fc.integer({min: 1, max: 3}), words).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);
const block = fc.oneof(
  // A definition cannot interrupt a paragraph; one may follow another.
  {weight: 1, arbitrary: fc.tuple(paragraph, definition).map(([text, next]) => `${text}\n${next}`)},
  {weight: 1, arbitrary: fc.tuple(definition, definition).map(([first, next]) => `${first}\n${next}`)},
  {weight: 1, arbitrary: words.map((text) => `${text}\n---`)},
  {weight: 3, arbitrary: paragraph},
  {weight: 2, arbitrary: definition},
  {weight: 1, arbitrary: paragraph.map((text) => `- ${text}`)}
);
const section = fc.tuple(heading, fc.array(block, {minLength: 1, maxLength: 5})).map(([title, blocks]) => [title, ...blocks].join('\n\n'));
const documentOf = (sections: fc.Arbitrary<string[]>) => sections.map((list) => list.join('\n\n') + '\n');

describe('remarkParseInPieces, for any document of references and definitions', () => {
  it('gives the tree that remark-parse gives, cut at every heading', () => {
    fc.assert(
      fc.property(documentOf(fc.array(section, {minLength: 2, maxLength: 8})), (document) => {
        expect(splitAtHeadings(document, 0).length).toBeGreaterThan(1);
        expect(atEveryHeading.parse(document)).toStrictEqual(whole.parse(document));
      }),
      {numRuns: 250}
    );
  });

  it('gives the same tree to a document long enough to be cut by default', () => {
    // Filler in its own section keeps the definitions and references of the others in separate pieces.
    const filler = `## Filler\n\n${'A plain paragraph of filler text with nothing to resolve.\n\n'.repeat(300)}`;
    fc.assert(
      fc.property(documentOf(fc.array(section, {minLength: 2, maxLength: 6})), (document) => {
        const [first, ...rest] = document.split(/\n\n(?=#)/);
        const long = [first, filler, filler, ...rest, filler, filler].join('\n\n');
        expect(long.length).toBeGreaterThan(48 * 1024);
        expect(splitAtHeadings(long, 16 * 1024).length).toBeGreaterThan(2);
        expect(byDefault.parse(long)).toStrictEqual(whole.parse(long));
      }),
      {numRuns: 10}
    );
  });
});
