import type {Element, Root, RootContent} from 'hast';

/**
 * A copy of a tree in which some elements are replaced. Only the replaced elements'
 * ancestors are copied; every other subtree (the article, most of all) is shared with
 * the original, so a second variant of a page costs almost nothing and the original is
 * left as it was. Elements are found by identity, never by selector or text.
 *
 * @param {Root} tree
 *   The tree.
 * @param {ReadonlyMap<Element, Element>} replacements
 *   Each element to replace, with what replaces it.
 * @returns {Root}
 *   The new tree; `tree` itself when nothing was replaced.
 */
export function replaceNodes(tree: Root, replacements: ReadonlyMap<Element, Element>): Root {
  return (copy(tree, replacements) as Root | undefined) ?? tree;
}

/** The copy of `node` with replacements made below it, or undefined when none were. */
function copy<Node extends Root | Element>(node: Node, replacements: ReadonlyMap<Element, Element>): Node | undefined {
  let children: RootContent[] | undefined;
  for (const [index, child] of node.children.entries()) {
    if (child.type !== 'element') continue;
    const replaced = replacements.get(child) ?? copy(child, replacements);
    if (!replaced) continue;
    children ??= [...node.children];
    children[index] = replaced;
  }
  return children ? ({...node, children} as Node) : undefined;
}
