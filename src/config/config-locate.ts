import {findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError} from 'jsonc-parser';

/**
 * Where the first JSON syntax error is, and what it is. Loaded only when a
 * configuration file is broken: the common path is `JSON.parse`.
 *
 * @param {string} text
 *   The file's text.
 * @returns {string}
 *   `line:column: error …`.
 */
export function locateSyntaxError(text: string): string {
  const errors: ParseError[] = [];
  parseTree(text, errors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false});
  const first = errors[0];
  const reason = first ? describe(printParseErrorCode(first.error)) : 'not JSON';
  return `${lineColumn(text, first?.offset ?? 0)}: error Invalid JSON: ${reason}`;
}

/**
 * Where a key, or its value, is in a JSON file.
 *
 * @param {string} text
 *   The file's text.
 * @param {readonly string[]} keys
 *   Path to the property; empty for the whole document.
 * @param {boolean} value
 *   Point at the value instead of the key.
 * @returns {string}
 *   `line:column`.
 */
export function locateValue(text: string, keys: readonly string[], value: boolean): string {
  const root = parseTree(text);
  let node: Node | undefined = root ? findNodeAtLocation(root, [...keys]) : undefined;
  // The value node's parent is the property, whose first child is the key.
  if (node && !value && node.parent?.type === 'property') node = node.parent.children?.[0];
  return lineColumn(text, node?.offset ?? 0);
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r?\n/);
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/** `PropertyNameExpected` → `property name expected`. */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
