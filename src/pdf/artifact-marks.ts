import {operations, type Operation} from './content-stream.js';

/** Operators that build a path; the path's painting operator ends the graphics object. */
const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const textShowing = new Set(['Tj', 'TJ', "'", '"']);
/** Graphics objects drawn by one operator. */
const drawing = new Set(['Do', 'sh', 'BI']);

const open = '/Artifact BMC\n';
const close = 'EMC\n';

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
 * @returns {string}
 *   The data with its bare content marked; unchanged when nothing is bare, or when the
 *   stream cannot be read or its marks do not balance.
 */
export function markArtifacts(content: string, list = operations(content)): string {
  if (!list) return content;
  const holders = marksHoldingStructure(list);
  const inserts: Array<[number, string]> = [];
  /** Open marks: structure (an MCID or an artifact), a unit (no structure inside, read as one piece of content) or a container (structure inside). */
  const stack: Array<'structure' | 'unit' | 'container'> = [];
  /** Structure marks and units open: content inside them is never marked here. */
  let closed = 0;
  let inText = false;
  /** The open artifact run: the stack depth and text state it was opened at. */
  let artifact: {depth: number; inText: boolean} | undefined;
  let pathStart = -1;
  const begin = (at: number): void => {
    if (closed > 0 || artifact) return;
    inserts.push([at, open]);
    artifact = {depth: stack.length, inText};
  };
  const end = (at: number): void => {
    if (!artifact) return;
    inserts.push([at, close]);
    artifact = undefined;
  };
  for (const [index, operation] of list.entries()) {
    const {operator, start, operands} = operation;
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
      if (holders.has(index)) end(start);
      else begin(start);
      inText = true;
    } else if (operator === 'ET') {
      if (artifact?.inText) end(start);
      inText = false;
    } else if (textShowing.has(operator)) {
      begin(start);
    } else if (pathConstruction.has(operator)) {
      if (pathStart < 0) pathStart = start;
    } else if (pathPainting.has(operator)) {
      begin(pathStart < 0 ? start : pathStart);
      pathStart = -1;
    } else if (drawing.has(operator)) {
      begin(start);
    }
  }
  if (stack.length !== 0) return content;
  if (artifact) inserts.push([content.length, `${/\s$/.test(content) ? '' : '\n'}${close}`]);
  if (inserts.length === 0) return content;
  let result = '';
  let from = 0;
  for (const [at, text] of inserts) {
    result += content.slice(from, at);
    // A mark is a token of its own, whatever came before it.
    if (at > 0 && !/\s/.test(content[at - 1] ?? '') && !text.startsWith('\n')) result += '\n';
    result += text;
    from = at;
  }
  return result + content.slice(from);
}

/**
 * The indexes of the `BT`, `BMC` and `BDC` operators whose text object or marked content
 * holds tagged content or an artifact: those are marked inside, never as one piece.
 */
function marksHoldingStructure(list: readonly Operation[]): Set<number> {
  const result = new Set<number>();
  const open: number[] = [];
  for (const [index, {operator, operands}] of list.entries()) {
    if (operator === 'BT' || operator === 'BMC' || operator === 'BDC') {
      if (operator !== 'BT' && (/\/MCID\b/.test(operands) || /^\s*\/Artifact\b/.test(operands))) for (const at of open) result.add(at);
      open.push(index);
    }
    if (operator === 'ET' || operator === 'EMC') open.pop();
  }
  return result;
}
