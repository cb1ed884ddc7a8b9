import type {Expected} from '../helpers/messages.js';

/**
 * Ways a manuscript may try to read a file outside its project into the PDF or the page:
 * paths, traversal in every encoding, `file:` URLs, symlinks, special files. Manuscripts
 * live in `project/manuscripts/`; `OUTSIDE` is replaced by the absolute path of a folder
 * beside the project holding `secret.svg`, `secret.png` (a real PNG carrying the secret
 * in a text chunk) and `secret.txt`. `project/images/` holds the traps listed in
 * `file-leaks.test.ts`.
 */
export interface LeakCase {
  readonly name: string;
  /** The body, after a title-only front matter: its first line is line 5. */
  readonly body: string;
  /** The message that must be reported. */
  readonly reported?: Expected;
}

const outside = (at: `${number}:${number}` = '5:1'): Expected => ({rule: 'image-outside', at, severity: 'error'});
const unsafe = (at: `${number}:${number}` = '5:1'): Expected => ({rule: 'unsafe-url', at, severity: 'warning'});
/** Refused by some image rule (not a file, not an image, too large): any will do. */
const refused = (at: `${number}:${number}` = '5:1'): Expected => ({rule: /^image(-|$)/, at, severity: 'error'});
/**
 * Looked for inside the project, where there is no such file: nothing is read, the path
 * the author typed is printed as text, with a warning (an error in strict mode).
 */
const missing = (at: `${number}:${number}` = '5:1'): Expected => ({rule: 'image-missing', at, severity: 'warning'});

export const leakCases: readonly LeakCase[] = [
  // Absolute paths (read as site-root paths: they start at the project root) and traversal.
  {name: 'absolute-etc-passwd', body: '![x](/etc/passwd)', reported: missing()},
  {name: 'absolute-secret-svg', body: '![x](OUTSIDE/secret.svg)', reported: missing()},
  {name: 'absolute-secret-png', body: '![x](OUTSIDE/secret.png)', reported: missing()},
  {name: 'dotdot-etc-passwd', body: '![x](../../../../../../../../../etc/passwd)', reported: outside()},
  {name: 'dotdot-secret-svg', body: '![x](../../outside/secret.svg)', reported: outside()},
  {name: 'dotdot-inside-path', body: '![x](../images/../../outside/secret.png)', reported: outside()},
  {name: 'encoded-dots', body: '![x](%2e%2e/%2e%2e/outside/secret.svg)', reported: outside()},
  {name: 'encoded-dots-and-slashes', body: '![x](..%2f..%2foutside%2fsecret.svg)', reported: outside()},
  {name: 'encoded-upper-case', body: '![x](%2E%2E%2F%2E%2E%2Foutside%2Fsecret.png)', reported: outside()},
  {name: 'encoded-twice', body: '![x](%252e%252e/%252e%252e/outside/secret.svg)', reported: missing()},
  {name: 'backslashes', body: '![x](..\\..\\outside\\secret.svg)', reported: missing()},
  {name: 'nul-in-path', body: '![x](../images/ok.png%00.svg)', reported: missing()},
  {name: 'proc-self-environ', body: '![x](/proc/self/environ)', reported: missing()},
  {name: 'proc-self-root', body: '![x](/proc/self/root/etc/passwd)', reported: missing()},
  {name: 'dev-zero', body: '![x](/dev/zero)', reported: missing()},

  // file: URLs.
  {name: 'file-url-etc-passwd', body: '![x](file:///etc/passwd)', reported: unsafe()},
  {name: 'file-url-upper-case', body: '![x](FILE:///etc/passwd)', reported: unsafe()},
  {name: 'file-url-secret', body: '![x](file://OUTSIDE/secret.svg)', reported: unsafe()},
  {name: 'file-url-localhost', body: '![x](file://localhost/etc/passwd)', reported: unsafe()},

  // Symlinks inside the project that lead out of it, and files that are not images.
  {name: 'symlink-to-secret', body: '![x](../images/secret-link.svg)', reported: outside()},
  {name: 'symlinked-folder', body: '![x](../images/outside-link/secret.png)', reported: outside()},
  {name: 'symlink-to-etc-hostname', body: '![x](../images/hostname.png)', reported: outside()},
  {name: 'text-named-png', body: '![x](../images/notes.png)', reported: {rule: 'image-format', at: '5:1', severity: 'warning'}},
  {name: 'fifo-named-png', body: '![x](../images/fifo.png)', reported: refused()},
  {name: 'sparse-huge-png', body: '![x](../images/huge.png)', reported: {rule: 'image-size', at: '5:1', severity: 'error'}},

  // Images by reference, raw HTML images, and links.
  {name: 'reference-image', body: '![x][secret]\n\n[secret]: ../../outside/secret.svg', reported: {rule: /./}},
  {name: 'raw-img', body: '<img src="../../outside/secret.svg">', reported: {rule: 'raw-html', at: '5:1', severity: 'warning'}},
  {name: 'link-file-url', body: '[x](file://OUTSIDE/secret.txt)', reported: unsafe()},
  {name: 'link-absolute-path', body: '[x](OUTSIDE/secret.txt)', reported: {rule: /./, at: '5:1'}},
  {name: 'autolink-file-url', body: '<file://OUTSIDE/secret.txt>', reported: unsafe()},

  // SVGs inside the project that point at the secrets: inlined, they must load nothing.
  {name: 'svg-external-entity', body: '![x](../images/xxe.svg)'},
  {name: 'svg-file-references', body: '![x](../images/file-refs.svg)'},

  // Control: an image inside the project is inlined (so a missing check would show).
  {name: 'control-image-inside', body: '![ok](../images/ok.png)'}
];
