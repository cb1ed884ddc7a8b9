import type {Root, RootContent} from 'mdast';
import remarkParse from 'remark-parse';
import {unified, type Plugin} from 'unified';
import type {Point} from 'unist';
import {collectDefinitions, guessDefinitions, hasUnresolvedBracket, resolvesUndefined, seedDefinitions, walk, type Definitions} from './definitions-in-scope.js';
import {splitAtHeadings, type PieceStart} from './split-at-headings.js';

export interface ParseInPiecesOptions {
  /** Documents shorter than this (in characters) are parsed whole (default: 48 KB). */
  readonly minSize?: number;
  /** Smallest piece, in characters (default: 16 KB). */
  readonly pieceSize?: number;
}

/** A parsed piece and where it starts in the document. */
interface Piece {
  readonly start: PieceStart;
  readonly text: string;
  tree: Root;
}

/**
 * Replace remark-parse's parser with one that gives the same tree (positions included)
 * in linear time on long documents. micromark slows down quadratically with the length
 * of a document full of lists, block quotes and footnotes (each container that closes
 * copies every event before it), so a long document is cut before top-level headings
 * (`splitAtHeadings`), each piece is parsed with the processor's micromark extensions,
 * and the pieces' children are shifted back to document coordinates and joined.
 *
 * References resolve across pieces: every piece is parsed with the definitions that a
 * scan of the whole document guesses in scope, and a piece is parsed again, with the
 * definitions the pieces really hold, when the guess was wrong for it. A cut that turns
 * out to be inside something still open at the piece's end (an unclosed fence, HTML
 * block or container directive) is undone.
 *
 * @param options
 *   When to cut, and into how small pieces.
 * @returns
 *   Nothing: sets the processor's parser.
 */
export const remarkParseInPieces: Plugin<[ParseInPiecesOptions?], string, Root> = function (options = {}) {
  const {minSize = 48 * 1024, pieceSize = 16 * 1024} = options;
  const self = this;
  /** Parse with the processor's extensions, as remark-parse does, and `definitions` in scope. */
  const parse = (text: string, definitions?: Definitions): Root => {
    const extensions = self.data('micromarkExtensions') ?? [];
    return unified()
      .use(remarkParse)
      .data('settings', self.data('settings'))
      .data('micromarkExtensions', definitions ? [...extensions, seedDefinitions(definitions)] : extensions)
      .data('fromMarkdownExtensions', self.data('fromMarkdownExtensions') ?? [])
      .parse(text);
  };

  self.parser = function (document) {
    // A byte-order mark shifts micromark's offsets; such a document is parsed whole.
    if (document.length < minSize || document.charCodeAt(0) === 0xfeff) return parse(document);
    const guess = guessDefinitions(document);
    const starts = splitAtHeadings(document, pieceSize);
    const pieces: Piece[] = [];
    for (let index = 0; index < starts.length; index++) {
      const start = starts[index] as PieceStart;
      let end = index + 1;
      let text = document.slice(start.offset, starts[end]?.offset);
      let tree = parse(text, guess);
      // Undo cuts inside something that the next piece would have continued.
      while (end < starts.length && isOpenAtEnd(tree, text)) {
        end++;
        text = document.slice(start.offset, starts[end]?.offset);
        tree = parse(text, guess);
      }
      pieces.push({start, text, tree});
      index = end - 1;
    }

    const found = collectDefinitions(pieces.map((piece) => piece.tree));
    const missed = [...found.links].some((id) => !guess.links.has(id)) || [...found.footnotes].some((id) => !guess.footnotes.has(id));
    const children: RootContent[] = [];
    for (const piece of pieces) {
      if (resolvesUndefined(piece.tree, found) || (missed && hasUnresolvedBracket(piece.tree))) piece.tree = parse(piece.text, found);
      shiftPositions(piece.tree, piece.start);
      children.push(...piece.tree.children);
    }
    const first = pieces[0]?.tree.position?.start;
    const last = pieces.at(-1) as Piece;
    const end = last.tree.position?.end;
    return {type: 'root', children, ...(first && end && {position: {start: first, end: shift(end, last.start)}})};
  };
};

/** Whether the last block reaches into the piece's closing blank line, so was never closed. */
function isOpenAtEnd(tree: Root, text: string): boolean {
  const body = text.replace(/(?:\r\n|\r|\n)$/, '');
  const lastLine = Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r')) + 1;
  const end = tree.children.at(-1)?.position?.end.offset;
  return end !== undefined && end >= lastLine;
}

/** Move every position of a piece's tree (but the root's) from piece to document coordinates. */
function shiftPositions(tree: Root, start: PieceStart): void {
  if (start.offset === 0) return;
  walk(tree, (node) => {
    // New points: one may be shared between nodes.
    if (node.position && node !== tree) node.position = {start: shift(node.position.start, start), end: shift(node.position.end, start)};
    return false;
  });
}

/** A point in a piece that starts at `start`, in document coordinates. */
function shift(point: Point, start: PieceStart): Point {
  return {line: point.line + start.line - 1, column: point.column, offset: (point.offset ?? 0) + start.offset};
}
