import type {Root} from 'mdast';
import type {Construct, Extension} from 'micromark-util-types';
import type {Node, Parent} from 'unist';

/*
 * Link and footnote definitions across the pieces of a document parsed in pieces
 * (`remarkParseInPieces`): micromark decides whether `[label]` is a reference while it
 * parses, by whether `label` is defined, so each piece must be parsed with the whole
 * document's definitions in scope.
 */

/** Identifiers of link and footnote definitions, normalised as micromark does. */
export interface Definitions {
  readonly links: ReadonlySet<string>;
  readonly footnotes: ReadonlySet<string>;
}

/** Text that looks like a definition's label, `[label]:` or `[^label]:`, on one line. */
const definitionLike = /\[((?:[^[\]\\\r\n]|\\.){1,999})\]:/g;

/**
 * A micromark extension that declares `definitions` to the parser before any text is
 * parsed. Its construct never matches: it is tried at the start of each container and
 * flow block (the `null` key means any character) and steps aside at once.
 */
export function seedDefinitions(definitions: Definitions): Extension {
  let seeded = false;
  const construct: Construct = {
    name: 'seedDefinitions',
    tokenize(_, __, nok) {
      if (!seeded) {
        seeded = true;
        this.parser.defined.push(...definitions.links);
        (this.parser.gfmFootnotes ??= []).push(...definitions.footnotes);
      }
      return nok;
    }
  };
  return {document: {null: [construct]}, flow: {null: [construct]}};
}

/** The identifiers that `[label]:` text anywhere in the document would define: a superset, mostly. */
export function guessDefinitions(document: string): Definitions {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (const [, label] of document.matchAll(definitionLike)) {
    links.add(normalizeIdentifier(label as string));
    if (label?.startsWith('^')) footnotes.add(normalizeIdentifier(label.slice(1)));
  }
  return {links, footnotes};
}

/**
 * The definitions that `trees` hold, as micromark identifies them: mdast's identifier is
 * micromark's, lower-cased.
 */
export function collectDefinitions(trees: readonly Root[]): Definitions {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (const tree of trees) {
    walk(tree, (node) => {
      if (node.type === 'definition') links.add((node as Node & {identifier: string}).identifier.toUpperCase());
      else if (node.type === 'footnoteDefinition') footnotes.add((node as Node & {identifier: string}).identifier.toUpperCase());
      return false;
    });
  }
  return {links, footnotes};
}

/** Whether a reference in `tree` was resolved to a definition that the document does not have. */
export function resolvesUndefined(tree: Root, definitions: Definitions): boolean {
  return walk(tree, (node) => {
    const identifier = (node as Node & {identifier?: string}).identifier?.toUpperCase();
    if (node.type === 'linkReference' || node.type === 'imageReference') return !definitions.links.has(identifier as string);
    return node.type === 'footnoteReference' && !definitions.footnotes.has(identifier as string);
  });
}

/**
 * Whether any text holds a `]`: a reference to a definition that was not in scope stays
 * text (`[label]`, `[^note]`).
 */
export function hasUnresolvedBracket(tree: Root): boolean {
  return walk(tree, (node) => node.type === 'text' && (node as Node & {value: string}).value.includes(']'));
}

/** micromark's normalisation of a label (`micromark-util-normalize-identifier`). */
function normalizeIdentifier(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/** Visit every node without recursion; stops, returning true, as soon as `test` is true. */
export function walk(tree: Node, test: (node: Node) => boolean): boolean {
  const stack: Node[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (test(node)) return true;
    const children = (node as Partial<Parent>).children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Node);
  }
  return false;
}
