import type {Mailbox} from '../config/email-address.js';
import type {Summary} from '../html/rehype-summary-data.js';
import type {Matter} from '../manuscripts/matter-schema.js';
import {emailBody} from './email-body.js';
import {resolveAddressing, type EmailAddressing} from './email-addressing.js';

export type {EmailAddressing} from './email-addressing.js';

/** A briefing ready to mail. */
export interface EmailInput {
  readonly matter: Matter;
  /** The page's summary box (`file.data.summary` of the built manuscript), if it has one. */
  readonly summary?: Summary | undefined;
  readonly pdf: Uint8Array;
  readonly pages: number;
  /** Output name of the manuscript, e.g. `us-china-leaders-call`. */
  readonly name: string;
}

/** The message, in nodemailer's terms (what `MailComposer` and `sendMail` take). */
export interface EmailMessage {
  /** Parsed mailboxes, so nodemailer never parses a string that could hold a second address. */
  readonly from?: Mailbox;
  readonly to?: Mailbox[];
  readonly cc?: Mailbox[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** When the message was written; `sendEmail` sets the time it is sent. */
  readonly date: Date;
  readonly headers: Record<string, string>;
  readonly attachments: Array<{filename: string; content: Buffer; contentType: string}>;
}

/**
 * Compose the message for a briefing: subject from the title, an HTML cover with the
 * masthead, summary box and bylines, the same in plain text, and the PDF attached as
 * `<date>-<name>.pdf`. Sender and recipients come from the command line and the
 * configuration (see `resolveAddressing`); the front matter's `email` only suggests,
 * behind `recipientsFromManuscript`. The `Date:` is now: the message is written now,
 * whatever day the briefing is dated.
 *
 * @param {EmailInput} input
 *   The built briefing.
 * @param {EmailAddressing} addressing
 *   Recipients, sender and subject from the command line.
 * @param {EmailAddressing} configured
 *   The same from the project configuration.
 * @returns {EmailMessage}
 *   The message.
 * @throws {AddressError}
 *   When an address is not exactly one mailbox.
 */
export function createEmailMessage(input: EmailInput, addressing: EmailAddressing = {}, configured: EmailAddressing = {}): EmailMessage {
  const {matter} = input;
  const {from, to, cc, subject} = resolveAddressing(matter, addressing, configured);
  const filename = `${matter.date ? `${matter.date.slice(0, 10)}-` : ''}${input.name}.pdf`;
  const {html, text} = emailBody(matter, input.summary, {filename, pages: input.pages, bytes: input.pdf.byteLength});
  // Copies: nodemailer writes to the address objects it is given (punycode, for one).
  const copy = (mailbox: Mailbox): Mailbox => ({name: mailbox.name, address: mailbox.address});
  return {
    ...(from ? {from: copy(from)} : {}),
    ...(to.length > 0 ? {to: to.map(copy)} : {}),
    ...(cc.length > 0 ? {cc: cc.map(copy)} : {}),
    subject,
    text,
    html,
    date: new Date(),
    // Mail clients open an unsent message as a draft to review and send.
    headers: {'X-Unsent': '1'},
    attachments: [{filename, content: Buffer.from(input.pdf), contentType: 'application/pdf'}]
  };
}

/**
 * The message as an RFC 5322 `.eml` file, built by nodemailer's MIME composer.
 *
 * @param {EmailMessage} message
 *   The message.
 * @returns {Promise<Buffer>}
 *   The raw message.
 */
export async function composeEml(message: EmailMessage): Promise<Buffer> {
  const {default: MailComposer} = await import('nodemailer/lib/mail-composer');
  return new MailComposer({...message}).compile().build();
}
