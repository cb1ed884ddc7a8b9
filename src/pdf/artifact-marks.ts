import {operations, type Operation} from './content-stream.js';

/** Operators that build a path; the path's painting operator ends the graphics object. */
const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const textShowing = new Set(['Tj', 'TJ', "'", '"']);
/** Graphics objects drawn by one operator. */
const drawing = new Set(['Do', 'sh', 'BI']);

const open = '/Artifact BMC\n';
const close = 'EMC\n';

/** How much of the page's height, from the top and from the bottom, holds running headers and footers. */
const marginBand = 0.12;

/** A transformation matrix `[a b c d e f]`. */
type Matrix = [number, number, number, number, number, number];

/** `m` × `n`, as `cm` applies `m` to the current matrix `n`. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

function numbers(operands: string, count: number): Matrix | undefined {
  const values = operands.trim().split(/\s+/).map(Number);
  return values.length === count && values.every(Number.isFinite) ? (values as Matrix) : undefined;
}

/**
 * The artifact's mark for a run whose text stands at `heights` (points from the page's
 * foot): a run of text all in the top or bottom margin is pagination (ISO 32000-1,
 * 14.8.2.2), a header or a footer when it is all in one of them (Matterhorn 18-002); any
 * other run is a plain artifact.
 */
function artifactMark(heights: readonly number[], pageHeight: number | undefined): string {
  if (pageHeight === undefined || heights.length === 0) return open;
  const band = pageHeight * marginBand;
  const top = heights.every((y) => y > pageHeight - band);
  const bottom = heights.every((y) => y < band);
  if (top) return '/Artifact <</Type /Pagination /Subtype /Header>> BDC\n';
  if (bottom) return '/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n';
  if (heights.every((y) => y > pageHeight - band || y < band)) return '/Artifact <</Type /Pagination>> BDC\n';
  return open;
}

/**
 * Mark as `/Artifact` whatever a page draws outside marked content. Chrome tags what the
 * accessibility tree holds and draws the rest bare: the page margin boxes (running header,
 * page numbers, byline), rules and backgrounds of the template, the pull quote's lifted
 * copy (hidden from screen readers in the HTML), images without alternative text. PDF/UA-1
 * wants every piece of content either tagged or an artifact (Matterhorn 01-005); all of
 * these are page furniture, so each run of bare graphics objects goes into one
 * `/Artifact BMC … EMC`. The marks go only between graphics objects, never inside a path
 * or across a text object's ends (a text object that holds marked content is marked
 * inside, show by show). Nothing drawn changes.
 *
 * @param {string} content
 *   A page content stream's decoded data, as Latin-1 text.
 * @param {Operation[] | undefined} list
 *   Its operations, when already split.
 * @param {number | undefined} pageHeight
 *   The page's height in points: a run of text in the top or bottom margin is then marked
 *   as pagination (`/Header`, `/Footer`).
 * @returns {string}
 *   The data with its bare content marked; unchanged when nothing is bare, or when the
 *   stream cannot be read or its marks do not balance.
 */
export function markArtifacts(content: string, list = operations(content), pageHeight?: number): string {
  if (!list) return content;
  const holders = marksHoldingStructure(list);
  const inserts: Array<[number, string]> = [];
  /** Open marks: structure (an MCID or an artifact), a unit (no structure inside, read as one piece of content) or a container (structure inside). */
  const stack: Array<'structure' | 'unit' | 'container'> = [];
  /** Structure marks and units open: content inside them is never marked here. */
  let closed = 0;
  let inText = false;
  /** The open artifact run: the stack depth and text state it was opened at, its mark's insert, where its text stands. */
  let artifact: {depth: number; inText: boolean; insert: number; heights: number[]} | undefined;
  let pathStart = -1;
  // Where text stands: the current transformation and the text line matrix. Chrome moves
  // the line before every glyph, and only bare text needs to know where it stands: the
  // line matrix is brought up to date, through the same steps in the same order, only then.
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  let line: Matrix = [1, 0, 0, 1, 0, 0];
  /** The operations before this index have moved `line`. */
  let lineAt = 0;
  const lineBefore = (index: number): Matrix => {
    for (; lineAt < index; lineAt++) {
      const {operator, operands} = list[lineAt] as Operation;
      if (operator === 'BT') {
        line = [1, 0, 0, 1, 0, 0];
      } else if (operator === 'Tm') {
        line = numbers(operands, 6) ?? line;
      } else if (operator === 'Td' || operator === 'TD') {
        const offset = numbers(operands, 2) as [number, number] | undefined;
        if (offset) line = multiply([1, 0, 0, 1, offset[0], offset[1]], line);
      }
    }
    return line;
  };
  const begin = (at: number): void => {
    if (closed > 0 || artifact) return;
    inserts.push([at, open]);
    artifact = {depth: stack.length, inText, insert: inserts.length - 1, heights: []};
  };
  /** Before a graphics object outside text: a run with text ends, so that rules and clips stay out of a header or footer. */
  const split = (at: number): void => {
    if (pageHeight !== undefined && artifact && !artifact.inText && artifact.depth === stack.length && artifact.heights.length > 0) end(at);
  };
  const end = (at: number): void => {
    if (!artifact) return;
    (inserts[artifact.insert] as [number, string])[1] = artifactMark(artifact.heights, pageHeight);
    inserts.push([at, close]);
    artifact = undefined;
  };
  for (let index = 0; index < list.length; index++) {
    const {operator, start, operands} = list[index] as Operation;
    if (operator === 'BMC' || operator === 'BDC') {
      if (closed > 0) {
        stack.push('structure');
        closed++;
      } else if (/\/MCID\b/.test(operands) || /^\s*\/Artifact\b/.test(operands)) {
        end(start);
        stack.push('structure');
        closed++;
      } else if (holders.has(index)) {
        // A mark around tagged content (right-to-left text, actual text): runs are marked
        // inside it, so one opened outside ends here.
        end(start);
        stack.push('container');
      } else {
        begin(start);
        stack.push('unit');
        closed++;
      }
    } else if (operator === 'EMC') {
      const kind = stack.pop();
      if (kind === undefined) return content;
      if (kind === 'container') {
        if (artifact && artifact.depth > stack.length) end(start);
      } else {
        closed--;
      }
    } else if (operator === 'BT') {
      // Each text object of a run may stand in another margin: a run is split before it,
      // and joined again below where both halves get the same mark.
      if (holders.has(index)) end(start);
      else {
        split(start);
        begin(start);
      }
      inText = true;
    } else if (operator === 'ET') {
      if (artifact?.inText) end(start);
      inText = false;
    } else if (textShowing.has(operator)) {
      begin(start);
      if (artifact) {
        const at = lineBefore(index);
        artifact.heights.push(at[4] * ctm[1] + at[5] * ctm[3] + ctm[5]);
      }
    } else if (operator === 'q') {
      saved.push(ctm);
    } else if (operator === 'Q') {
      ctm = saved.pop() ?? ctm;
    } else if (operator === 'cm') {
      const matrix = numbers(operands, 6);
      if (matrix) ctm = multiply(matrix, ctm);
    } else if (pathConstruction.has(operator)) {
      if (pathStart < 0) pathStart = start;
    } else if (pathPainting.has(operator)) {
      if (!inText) split(pathStart < 0 ? start : pathStart);
      begin(pathStart < 0 ? start : pathStart);
      pathStart = -1;
    } else if (drawing.has(operator)) {
      if (!inText) split(start);
      begin(start);
    }
  }
  if (stack.length !== 0) return content;
  if (artifact) {
    (inserts[artifact.insert] as [number, string])[1] = artifactMark(artifact.heights, pageHeight);
    inserts.push([content.length, `${/\s$/.test(content) ? '' : '\n'}${close}`]);
  }
  if (inserts.length === 0) return content;
  let result = '';
  let from = 0;
  for (const [at, text] of joinRuns(inserts)) {
    result += content.slice(from, at);
    // A mark is a token of its own, whatever came before it.
    if (at > 0 && !/\s/.test(content[at - 1] ?? '') && !text.startsWith('\n')) result += '\n';
    result += text;
    from = at;
  }
  return result + content.slice(from);
}

/** The inserts without the split between two runs that touch and have the same mark. */
function joinRuns(inserts: ReadonlyArray<[number, string]>): Array<[number, string]> {
  const joined: Array<[number, string]> = [];
  let mark = '';
  for (let index = 0; index < inserts.length; index++) {
    const [at, text] = inserts[index] as [number, string];
    const next = inserts[index + 1];
    if (text === close && next && next[0] === at && next[1] === mark) {
      index++;
      continue;
    }
    if (text !== close) mark = text;
    joined.push([at, text]);
  }
  return joined;
}

/**
 * The indexes of the `BT`, `BMC` and `BDC` operators whose text object or marked content
 * holds tagged content or an artifact: those are marked inside, never as one piece.
 */
function marksHoldingStructure(list: readonly Operation[]): Set<number> {
  const result = new Set<number>();
  const open: number[] = [];
  for (let index = 0; index < list.length; index++) {
    const {operator, operands} = list[index] as Operation;
    if (operator === 'BT' || operator === 'BMC' || operator === 'BDC') {
      if (operator !== 'BT' && (/\/MCID\b/.test(operands) || /^\s*\/Artifact\b/.test(operands))) for (const at of open) result.add(at);
      open.push(index);
    }
    if (operator === 'ET' || operator === 'EMC') open.pop();
  }
  return result;
}
