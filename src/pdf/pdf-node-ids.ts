/**
 * An element id Chrome gives a tag of the PDF's structure tree (a table header cell, so
 * that data cells can name their `/Headers`): `node` and Blink's DOM node id in eight
 * digits, as a literal string.
 */
const idToken = /\(node(\d{8})\)/g;

/** A structure element's own id: the ids the document has. */
const elementId = /\/ID\s*\(node(\d{8})\)/g;

/**
 * Number the structure tree's element ids of a PDF Chrome printed from 1 up, in the order
 * Chrome numbered them. Blink's DOM node ids come from one counter for the whole renderer
 * process, so the same document printed in a tab that printed another before (a batch, a
 * reused tab) or beside another tab got other numbers, and the PDF other bytes. Their
 * order is the order in which the print painted the document's nodes, the same in every
 * run; only that order is kept. Each id keeps its eight digits, so no byte moves and the
 * cross-reference table stays right; the ids are strings of the uncompressed structure
 * objects (Chrome compresses only streams), and the names tree, sorted by id, stays sorted.
 *
 * @param {Uint8Array} pdf
 *   Chrome's PDF.
 * @returns {Uint8Array}
 *   The PDF with its element ids numbered from 1, or `pdf` itself when it has none.
 */
export function withStableNodeIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const ids = new Set<string>();
  for (const match of text.matchAll(elementId)) ids.add(match[1] as string);
  if (ids.size === 0) return pdf;
  const sorted = [...ids].sort();
  const renamed = new Map(sorted.map((id, index) => [id, String(index + 1).padStart(8, '0')]));
  // Only the document's own ids are renamed: the same characters met anywhere else stay.
  const result = text.replace(idToken, (whole, id: string) => {
    const name = renamed.get(id);
    return name === undefined ? whole : `(node${name})`;
  });
  return Buffer.from(result, 'latin1');
}
