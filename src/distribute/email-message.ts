import type {Matter} from '../markdown/matter-schema.js';
import {emailBody} from './email-body.js';

/** Who gets the message and what it is called; each falls back to front matter `email`. */
export interface EmailAddressing {
  readonly to?: readonly string[] | undefined;
  readonly cc?: readonly string[] | undefined;
  readonly from?: string | undefined;
  /** Whole subject; default: the prefix and the title. */
  readonly subject?: string | undefined;
  /** Put before the title in the default subject, e.g. `[Briefing]`. */
  readonly subjectPrefix?: string | undefined;
}

/** A briefing ready to mail. */
export interface EmailInput {
  readonly matter: Matter;
  /** The rendered HTML page (for the summary box). */
  readonly page: string;
  readonly pdf: Uint8Array;
  readonly pages: number;
  /** Output name of the manuscript, e.g. `us-china-leaders-call`. */
  readonly name: string;
}

/** The message, in nodemailer's terms (what `MailComposer` and `sendMail` take). */
export interface EmailMessage {
  readonly from?: string;
  readonly to?: string[];
  readonly cc?: string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly date: Date;
  readonly headers: Record<string, string>;
  readonly attachments: Array<{filename: string; content: Buffer; contentType: string}>;
}

/**
 * Compose the message for a briefing: subject from the title, an HTML cover with the
 * masthead, summary box and bylines, the same in plain text, and the PDF attached as
 * `<date>-<name>.pdf`. Flags win over the front matter's `email`, which wins over the
 * project configuration.
 *
 * @param {EmailInput} input
 *   The built briefing.
 * @param {EmailAddressing} addressing
 *   Recipients, sender and subject from the command line.
 * @param {EmailAddressing} configured
 *   The same from the project configuration.
 * @returns {EmailMessage}
 *   The message.
 */
export function createEmailMessage(input: EmailInput, addressing: EmailAddressing = {}, configured: EmailAddressing = {}): EmailMessage {
  const {matter} = input;
  const fromMatter = matter.email ?? {};
  const list = (value: string | readonly string[] | undefined): string[] | undefined =>
    value === undefined ? undefined : (typeof value === 'string' ? [value] : [...value]).filter(Boolean);
  const to = list(addressing.to) ?? list(fromMatter.to) ?? list(configured.to);
  const cc = list(addressing.cc) ?? list(fromMatter.cc) ?? list(configured.cc);
  const from = addressing.from ?? fromMatter.from ?? configured.from;
  const prefix = addressing.subjectPrefix ?? configured.subjectPrefix;
  const subject = addressing.subject ?? fromMatter.subject ?? [prefix, matter.title].filter(Boolean).join(' ');
  const filename = `${matter.date ? `${matter.date.slice(0, 10)}-` : ''}${input.name}.pdf`;
  const {html, text} = emailBody(matter, input.page, {filename, pages: input.pages, bytes: input.pdf.byteLength});
  return {
    ...(from ? {from} : {}),
    ...(to && to.length > 0 ? {to} : {}),
    ...(cc && cc.length > 0 ? {cc} : {}),
    subject,
    text,
    html,
    date: matter.date ? new Date(matter.date) : new Date(),
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
