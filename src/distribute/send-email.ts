import type {EmailMessage} from './email-message.js';

/** What the SMTP server is told: `MAIL FROM` and one `RCPT TO` per recipient. */
export interface Envelope {
  readonly from: string;
  /** Every recipient, `to` then `cc`, each once. */
  readonly to: readonly string[];
}

/** A delivery the server refused or could not take; the message carries the server's reply. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/**
 * The envelope a message is sent with: its sender's address and every recipient's,
 * exactly as `sendEmail` gives them to the server, so it can be shown before sending.
 *
 * @param {EmailMessage} message
 *   The message.
 * @returns {Envelope}
 *   `MAIL FROM` and `RCPT TO` addresses.
 * @throws {DeliveryError}
 *   When the message has no sender or no recipient.
 */
export function envelopeOf(message: EmailMessage): Envelope {
  if (!message.from) throw new DeliveryError('No sender: give --from (or `email.from` in the configuration)');
  const recipients = [...(message.to ?? []), ...(message.cc ?? [])].map((mailbox) => mailbox.address);
  if (recipients.length === 0) throw new DeliveryError('No recipient: give --to (or `email.to` in the configuration)');
  const seen = new Set<string>();
  const to = recipients.filter((address) => !seen.has(address.toLowerCase()) && Boolean(seen.add(address.toLowerCase())));
  return Object.freeze({from: message.from.address, to: Object.freeze(to)});
}

/**
 * The SMTP server a URL names, checked: `smtp:` or `smtps:`, and no credentials in it.
 *
 * @param {string} url
 *   `smtp://host:port` or `smtps://host:port`.
 * @returns {URL}
 *   The parsed URL.
 * @throws {DeliveryError}
 *   When it is not such a URL.
 */
export function smtpServer(url: string): URL {
  let server: URL;
  try {
    server = new URL(url);
  } catch {
    throw new DeliveryError('BRIEFING_SMTP_URL is not a URL, expected smtp://host:port or smtps://host:port');
  }
  if (server.protocol !== 'smtp:' && server.protocol !== 'smtps:') throw new DeliveryError(`Unexpected ${server.protocol} in the SMTP URL, expected smtp: or smtps:`);
  if (server.username || server.password) throw new DeliveryError('Put SMTP credentials in BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD, not in the URL');
  return server;
}

/**
 * Deliver a message over SMTP, with the envelope `envelopeOf` gives (nodemailer is not
 * left to derive one from the headers). The server comes from `url`
 * (`smtp://host:port` or `smtps://…`); user and password only from the environment
 * (`BRIEFING_SMTP_USER`, `BRIEFING_SMTP_PASSWORD`), never from a file, and never printed.
 * The message's `Date:` is the time it is sent.
 *
 * @param {EmailMessage} message
 *   The message; `from` and `to` or `cc` are required.
 * @param {string} url
 *   SMTP server, without credentials.
 * @param {NodeJS.ProcessEnv} env
 *   Where credentials come from.
 * @returns {Promise<{messageId: string, response: string}>}
 *   The server's acceptance.
 */
export async function sendEmail(message: EmailMessage, url: string, env: NodeJS.ProcessEnv = process.env): Promise<{messageId: string; response: string}> {
  const envelope = envelopeOf(message);
  const server = smtpServer(url);

  const {default: nodemailer} = await import('nodemailer');
  const user = env['BRIEFING_SMTP_USER'];
  const transport = nodemailer.createTransport({
    host: server.hostname,
    port: server.port ? Number(server.port) : server.protocol === 'smtps:' ? 465 : 587,
    secure: server.protocol === 'smtps:',
    ...(user ? {auth: {user, pass: env['BRIEFING_SMTP_PASSWORD'] ?? ''}} : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false
  });
  try {
    const {headers: _unsent, ...rest} = message;
    const info = await transport.sendMail({...rest, headers: {}, date: new Date(), envelope: {from: envelope.from, to: [...envelope.to]}});
    return {messageId: String(info.messageId), response: String(info.response)};
  } catch (error) {
    const failure = error as Error & {response?: string; responseCode?: number; code?: string};
    const reply = failure.response ?? failure.message;
    throw new DeliveryError(`Delivery to ${server.host} failed: ${reply}${failure.code ? ` (${failure.code})` : ''}`, {cause: error});
  } finally {
    transport.close();
  }
}
