/** The standard structure types of ISO 32000-1 (PDF 1.7), 14.8.4. */
export const standardStructureTypes: ReadonlySet<string> = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'Warichu', 'RB', 'RT', 'RP', 'WT', 'WP',
  'Figure', 'Formula', 'Form'
]);

/**
 * What a PDF 1.7 reader should take the structure types of ISO 32000-2 (PDF 2.0) for,
 * which Chrome writes into its PDF 1.7 files (`<aside>` is `/Aside`): the nearest PDF 1.7
 * type that claims no more than the element means. `Aside` is a grouping (the summary
 * box) and becomes `Div`, not `Note`, which is for foot- and endnotes and must carry an ID.
 */
const pdf2Types: Readonly<Record<string, string>> = {
  Aside: 'Div',
  DocumentFragment: 'Div',
  Title: 'P',
  FENote: 'Note',
  Sub: 'Span',
  Em: 'Span',
  Strong: 'Span',
  Artifact: 'NonStruct'
};

/**
 * The role map a structure tree needs: each type that is not a standard PDF 1.7 type,
 * mapped to one that is (Matterhorn 02-001). Types nobody defines map to `NonStruct`, a
 * grouping that means nothing, rather than to a guess.
 *
 * @param {Iterable<string>} types
 *   The structure types the tree uses.
 * @returns {Map<string, string>}
 *   Role map entries, in the order of `types`; empty when every type is standard.
 */
export function roleMapFor(types: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const type of types) {
    if (!standardStructureTypes.has(type) && !map.has(type)) map.set(type, pdf2Types[type] ?? 'NonStruct');
  }
  return map;
}
