import {escapeControl} from '../messages/report.js';
import addressparser from 'nodemailer/lib/addressparser';

/** One mailbox: what nodemailer takes for `from`, `to` and `cc` without parsing it again. */
export interface Mailbox {
  /** Display name; empty when there is none. */
  readonly name: string;
  readonly address: string;
}

/** A value that is not exactly one e-mail address; the message says what it holds. */
export class AddressError extends Error {
  override name = 'AddressError';
}

/** Line breaks, C0 and C1 controls: in a header they start a new header or a new SMTP command. */
const controls = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** `local@domain`, neither part empty nor holding what would make it a list, a route or a name. */
const plainAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".][^\s@<>()[\]\\,;:"]*$/;

/**
 * Parse a value that must name exactly one mailbox, such as `desk@example.org` or
 * `"Desk, Europe" <desk@example.org>`, with nodemailer's address parser, the one that
 * nodemailer itself would use on the string. That parser is lenient by design (it reads
 * `a@x.org,` or `Ann <a@x.org` as one address and `a@x.org b@y.org` as a name and an
 * address), so anything it had to guess at is refused here: a value with a second
 * address, an unquoted `,` or `;`, a group (`list: a@x.org;`), a display name that
 * holds an `@`, unbalanced angle brackets, or a control character.
 *
 * @param {string} value
 *   The value as given.
 * @returns {Mailbox}
 *   Its one mailbox.
 * @throws {AddressError}
 *   When it is not exactly one address.
 */
export function parseMailbox(value: string): Mailbox {
  const shown = `\`${escapeControl(value)}\``;
  if (controls.test(value)) throw new AddressError(`${shown} holds a line break or control character, expected one address such as name@example.org`);
  const parsed = addressparser(value);
  const [first] = parsed;
  if (first?.group !== undefined) throw new AddressError(`${shown} is an address group, expected one address such as name@example.org`);
  if (parsed.length > 1 || outsideQuotes(value, ',;') > 0) throw new AddressError(`${shown} holds more than one address, expected exactly one`);
  if (!first || !plainAddress.test(first.address)) throw new AddressError(`${shown} is not an e-mail address, expected name@example.org or "Name" <name@example.org>`);
  const opening = outsideQuotes(value, '<');
  if (first.name.includes('@') || opening > 1 || opening !== outsideQuotes(value, '>')) {
    throw new AddressError(`${shown} holds more than one address, expected one address with at most one display name`);
  }
  return Object.freeze({name: first.name.trim(), address: first.address});
}

/**
 * Whether the e-mail address could be parsed as exactly one mailbox.
 *
 * @param {unknown} value
 *   Anything.
 * @returns {boolean}
 *   Whether `parseMailbox` accepts it.
 */
export function isMailbox(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    parseMailbox(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The mailbox as it is shown to a person: `Name <address>` or the bare address.
 *
 * @param {Mailbox} mailbox
 *   The mailbox.
 * @returns {string}
 *   Text for a terminal.
 */
export function formatMailbox(mailbox: Mailbox): string {
  return mailbox.name ? `${JSON.stringify(mailbox.name)} <${mailbox.address}>` : mailbox.address;
}

/** How many of `characters` occur outside double-quoted strings (where `,` and `<` are only text). */
function outsideQuotes(value: string, characters: string): number {
  let count = 0;
  let quoted = false;
  for (let index = 0; index < value.length; index++) {
    const character = value[index] ?? '';
    if (quoted && character === '\\') index++;
    else if (character === '"') quoted = !quoted;
    else if (!quoted && characters.includes(character)) count++;
  }
  return count;
}
