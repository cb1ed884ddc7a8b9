/*
 * Reading an object of a PDF held as text (`n 0 obj … endobj` without its frame), as the
 * post-print rewrites read Chrome's files.
 */

/**
 * The object number of `/Key n 0 R` in a dictionary's text.
 *
 * @param {string} dictionary
 *   The dictionary's text.
 * @param {string} key
 *   The key, without its slash.
 * @returns {number | undefined}
 *   The number, or undefined when the key holds no reference.
 */
export function reference(dictionary: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R\\b`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether an object's text is a dictionary alone.
 *
 * @param {string} body
 *   The object's text.
 * @returns {boolean}
 *   Whether it is.
 */
export function isDictionary(body: string): boolean {
  return body.startsWith('<<') && body.endsWith('>>');
}

/**
 * Whether an object's text is a stream (its dictionary, then its data).
 *
 * @param {string} body
 *   The object's text.
 * @returns {boolean}
 *   Whether it is.
 */
export function isStream(body: string): boolean {
  return body.endsWith('endstream');
}
