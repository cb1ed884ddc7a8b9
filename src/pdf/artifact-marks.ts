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
  const marked = textObjectsWithMarks(list);
  const inserts: Array<[number, string]> = [];
  let depth = 0;
  let artifact: 'page' | 'text' | undefined;
  let pathStart = -1;
  const begin = (at: number, inText: boolean): void => {
    if (depth > 0 || artifact) return;
    inserts.push([at, open]);
    artifact = inText ? 'text' : 'page';
  };
  const end = (at: number): void => {
    if (!artifact) return;
    inserts.push([at, close]);
    artifact = undefined;
  };
  for (const [index, operation] of list.entries()) {
    const {operator, start} = operation;
    if (operator === 'BMC' || operator === 'BDC') {
      if (depth === 0) end(start);
      depth++;
    } else if (operator === 'EMC') {
      if (--depth < 0) return content;
    } else if (operator === 'BT') {
      if (marked.has(index)) end(start);
      else begin(start, false);
    } else if (operator === 'ET') {
      if (artifact === 'text') end(start);
    } else if (textShowing.has(operator)) {
      begin(start, true);
    } else if (pathConstruction.has(operator)) {
      if (pathStart < 0) pathStart = start;
    } else if (pathPainting.has(operator)) {
      begin(pathStart < 0 ? start : pathStart, false);
      pathStart = -1;
    } else if (drawing.has(operator)) {
      begin(start, false);
    }
  }
  if (depth !== 0) return content;
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

/** The indexes of `BT` operators whose text object holds marked content. */
function textObjectsWithMarks(list: readonly Operation[]): Set<number> {
  const result = new Set<number>();
  let bt = -1;
  for (const [index, {operator}] of list.entries()) {
    if (operator === 'BT') bt = index;
    else if (operator === 'ET') bt = -1;
    else if (bt >= 0 && (operator === 'BMC' || operator === 'BDC')) result.add(bt);
  }
  return result;
}
