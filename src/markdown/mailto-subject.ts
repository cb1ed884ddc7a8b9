/** Line breaks, C0 and C1 controls, which have no business in a subject line. */
const controls = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/**
 * A `mailto:` URL with only its recipients and its `subject` field: a link in a briefing
 * may open a message to someone, but it must not add hidden recipients (`cc`, `bcc`,
 * `to`), write the message (`body`), attach a file (`attach`, which some clients honour
 * for local paths) or set any other header. Field names are compared decoded and without
 * case (`BCC`, `%62cc`), and a `?` or `&` hidden in the recipients as `%3F` or `%26` ends
 * them (and an `&name=` hidden in the subject ends it), as a client that decodes first
 * would read them. The URL is read by the WHATWG URL
 * parser, as a browser reads it.
 *
 * @param {string} url
 *   A `mailto:` URL from the manuscript.
 * @returns {{url: string, dropped: string[]}}
 *   The URL to keep (the original one when nothing had to go), and the names of the
 *   fields that were dropped.
 */
export function mailtoSubjectOnly(url: string): {url: string; dropped: string[]} {
  const parsed = new URL(url);
  const dropped: string[] = [];
  const path = decode(parsed.pathname);
  const cut = path.search(/[?&]/);
  const recipients = (cut === -1 ? path : path.slice(0, cut)).replace(controls, '');
  if (cut !== -1) dropped.push(...fieldNames(path.slice(cut + 1)));

  let subject: string | undefined;
  for (const field of parsed.search.slice(1).split('&')) {
    if (!field) continue;
    const [name = '', ...value] = field.split('=');
    const key = decode(name).trim().toLowerCase();
    if (key === 'subject' && subject === undefined) subject = decode(value.join('='));
    else dropped.push(key || '(unnamed)');
  }
  // `subject=Hi%26bcc%3Dx` is a subject to a careful client, a second field to one that decodes first.
  const hidden = subject?.search(/&[^&=]*=/) ?? -1;
  if (subject !== undefined && hidden !== -1) {
    dropped.push(...fieldNames(subject.slice(hidden + 1)));
    subject = subject.slice(0, hidden);
  }
  if (parsed.hash) dropped.push('#fragment');
  const clean = subject?.replace(controls, ' ').trim();
  if (dropped.length === 0 && clean === subject && recipients === path) return {url, dropped};

  const address = recipients
    .split(',')
    .map((part) => encodeURIComponent(part.trim()).replace(/%40/g, '@'))
    .join(',');
  return {url: `mailto:${address}${clean ? `?subject=${encodeURIComponent(clean)}` : ''}`, dropped: [...new Set(dropped)]};
}

/** The field names in a query-like text, decoded and in lower case. */
function fieldNames(query: string): string[] {
  return query
    .split(/[?&]/)
    .filter(Boolean)
    .map((field) => decode(field.split('=')[0] ?? '').trim().toLowerCase() || '(unnamed)');
}

/** Percent-decoded text; text that is not valid percent-encoding stays as written. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
