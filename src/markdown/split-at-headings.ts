/** Where a piece of a document starts: a line start, as an offset and a 1-based line. */
export interface PieceStart {
  readonly offset: number;
  readonly line: number;
}

/** An ATX heading at column 1: `#` to `######`, then a space, a tab or the line's end. */
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
const blank = /^[ \t]*$/;
/** A code fence, at most three spaces in; `fenceAt` checks a backtick fence's info. */
const fenceOpening = /^ {0,3}(`{3,}|~{3,})/;
const fenceClosing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const directiveOpening = /^ {0,3}(:{3,})[^:\s]/;
const directiveClosing = /^ {0,3}(:{3,})[ \t]*$/;
/** HTML blocks that run on across blank lines (CommonMark kinds 1 to 5), with their ends. */
const htmlBlocks: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
];
const frontMatterFence = /^(?:-{3}|\+{3})[ \t]*$/;
const lineEnding = /\r\n|\r|\n/g;

/**
 * Find where a long Markdown document can be cut into pieces that parse on their own:
 * before an ATX heading at column 1 that follows a blank line, outside front matter,
 * fenced code, container directives and the HTML blocks that span blank lines. Such a
 * heading closes every list, block quote, footnote definition and table before it.
 * Pieces are at least `pieceSize` characters long (except the last).
 *
 * This is a cheap line scan, so it may be fooled (say, by a fence that a list item
 * opened); the parser checks every cut against the parsed piece and undoes wrong ones.
 *
 * @param {string} document
 *   The whole Markdown document.
 * @param {number} pieceSize
 *   Smallest piece, in characters.
 * @returns {PieceStart[]}
 *   Starts of the pieces, the first at offset 0.
 */
export function splitAtHeadings(document: string, pieceSize: number): PieceStart[] {
  const starts: PieceStart[] = [{offset: 0, line: 1}];
  let lineStart = 0;
  let line = 1;
  let previousBlank = false;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let inFrontMatter: string | undefined;
  const directives: number[] = [];

  while (lineStart <= document.length) {
    lineEnding.lastIndex = lineStart;
    const ending = lineEnding.exec(document);
    const lineEnd = ending ? ending.index : document.length;
    const text = document.slice(lineStart, lineEnd);

    if (line === 1 && frontMatterFence.test(text)) {
      inFrontMatter = text.slice(0, 3);
    } else if (inFrontMatter !== undefined) {
      // pandoc closes `---` front matter with `...`; whichever line comes first closes it.
      if ((frontMatterFence.test(text) && text.startsWith(inFrontMatter)) || (inFrontMatter === '---' && /^\.{3}[ \t]*$/.test(text))) inFrontMatter = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined;
    } else if (fence !== undefined) {
      const closing = fenceClosing.exec(text)?.[1];
      if (closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length) fence = undefined;
    } else if (
      previousBlank &&
      directives.length === 0 &&
      atxHeading.test(text) &&
      lineStart - (starts.at(-1) as PieceStart).offset >= pieceSize
    ) {
      starts.push({offset: lineStart, line});
    } else {
      fence = fenceAt(text);
      const opened = fence === undefined ? htmlBlocks.find(([start]) => start.test(text)) : undefined;
      // An HTML block may end on the line that starts it.
      if (opened && !opened[1].test(text.replace(opened[0], ''))) htmlEnd = opened[1];
      const directive = directiveOpening.exec(text)?.[1];
      const closing = directiveClosing.exec(text)?.[1];
      if (directive !== undefined) directives.push(directive.length);
      else if (closing !== undefined && directives.length > 0 && closing.length >= (directives.at(-1) as number)) directives.pop();
    }

    previousBlank = blank.test(text);
    if (!ending) break;
    lineStart = lineEnd + ending[0].length;
    line++;
  }
  return starts;
}

/**
 * The fence that a line opens, if any. A backtick fence's info may not hold a backtick;
 * that is checked by a search after the fence, not by a lookahead in the pattern, which
 * was rescanned for every backtick of the run (60 k on one line: 4 s).
 */
function fenceAt(text: string): string | undefined {
  const match = fenceOpening.exec(text);
  if (!match) return undefined;
  const fence = match[1] as string;
  return fence[0] === '`' && text.includes('`', match[0].length) ? undefined : fence;
}
