/**
 * Whether bytes look like a whole PDF: the header at the start and `%%EOF` at the end.
 * A truncated or failed print never replaces a good file.
 *
 * @param {Uint8Array} bytes
 *   Candidate PDF.
 * @returns {boolean}
 *   Whether it is complete.
 */
export function isCompletePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 32))).toString('latin1');
  return head === '%PDF-' && /%%EOF\s*$/.test(tail);
}
