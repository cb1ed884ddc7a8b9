/**
 * Case 3b, in a process of its own: the parse alone of a long manuscript dense with block
 * quotes and lists, where remark-parse is quadratic, against briefing's parser in pieces.
 * Checks that both give the same tree. Prints JSON: milliseconds, and whether the trees match.
 *
 * Usage: node parse-dense.js <dist folder> <size>
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import remarkParse from 'remark-parse';
import {unified, type Plugin} from 'unified';

const [dist = 'dist', sizeArgument = '1048576'] = process.argv.slice(2);
const {remarkParseInPieces} = (await import(pathToFileURL(path.resolve(dist, 'markdown', 'remark-parse-in-pieces.js')).href)) as {
  remarkParseInPieces: Plugin<[], string, import('mdast').Root>;
};

/** Sections of quotes, paragraphs and short lists: each closing container costs micromark the whole document so far. */
function denseManuscript(size: number): string {
  let text = '';
  for (let section = 0; text.length < size; section++) {
    text += `## Section ${section + 1}\n\n`;
    for (let block = 0; block < 8; block++) {
      text += `> A quoted source ${section}.${block}, with *emphasis* and a few more words.\n\nA paragraph between the quotes, ${block}.\n\n- first point\n- second point\n\n`;
    }
  }
  return text;
}

// Warm both up on a short one, so neither pays for compiling the parser.
const pieces = unified().use(remarkParseInPieces).freeze();
const plain = unified().use(remarkParse).freeze();
for (const processor of [pieces, plain]) processor.parse(denseManuscript(64 * 1024));
const document = denseManuscript(Number(sizeArgument));
const time = (run: () => unknown): [number, unknown] => {
  const started = performance.now();
  const result = run();
  return [performance.now() - started, result];
};
const [inPieces, piecesTree] = time(() => pieces.parse(document));
const [whole, wholeTree] = time(() => plain.parse(document));
process.stdout.write(`${JSON.stringify({bytes: document.length, remarkParse: whole, inPieces, sameTree: JSON.stringify(piecesTree) === JSON.stringify(wholeTree)})}\n`);
