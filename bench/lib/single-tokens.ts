/** Front matter the manuscripts share, so that only the token differs. */
const matter = '---\ntitle: One token\n---\n\n';

/** `unit` repeated to `size` characters, cut to length. */
function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/**
 * Manuscripts of about `size` bytes whose body is one token (no white space), one per kind
 * of input that once made a stage super-linear: a long word (hyphenation), letters and
 * digits, backticks with a letter between (the fence-opening pattern), brackets (link
 * labels), an address (URL breaking) and e-mail-like runs.
 */
export const singleTokenKinds: Readonly<Record<string, (size: number) => string>> = {
  letters: (size) => matter + repeatTo('hyphenationpatterns', size),
  'digits+letters': (size) => matter + repeatTo('a1b2c3', size),
  backticks: (size) => matter + repeatTo('`', size / 2) + 'x' + repeatTo('`', size / 2),
  brackets: (size) => matter + repeatTo('[', size),
  'URL-like': (size) => matter + repeatTo('example.', size),
  'URL with scheme': (size) => matter + 'https://' + repeatTo('a/b.c?d=e&', size),
  'e-mail-like': (size) => matter + repeatTo('me@example.', size)
};
