import type {EmailMessage} from './email-message.js';

/** A delivery the server refused or could not take; the message carries the server's reply. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/**
 * Deliver a message over SMTP. The server comes from `url`
 * (`smtp://host:port` or `smtps://…`); user and password only from the environment
 * (`BRIEFING_SMTP_USER`, `BRIEFING_SMTP_PASSWORD`), never from a file, and never printed.
 *
 * @param {EmailMessage} message
 *   The message; `to` is required.
 * @param {string} url
 *   SMTP server, without credentials.
 * @param {NodeJS.ProcessEnv} env
 *   Where credentials come from.
 * @returns {Promise<{messageId: string, response: string}>}
 *   The server's acceptance.
 */
export async function sendEmail(message: EmailMessage, url: string, env: NodeJS.ProcessEnv = process.env): Promise<{messageId: string; response: string}> {
  if (!message.to || message.to.length === 0) throw new DeliveryError('No recipient: give --to (or `email.to` in the front matter or config)');
  let server: URL;
  try {
    server = new URL(url);
  } catch {
    throw new DeliveryError('BRIEFING_SMTP_URL is not a URL, expected smtp://host:port or smtps://host:port');
  }
  if (server.protocol !== 'smtp:' && server.protocol !== 'smtps:') throw new DeliveryError(`Unexpected ${server.protocol} in the SMTP URL, expected smtp: or smtps:`);
  if (server.username || server.password) throw new DeliveryError('Put SMTP credentials in BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD, not in the URL');

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
    const info = await transport.sendMail({...rest, headers: {}});
    return {messageId: String(info.messageId), response: String(info.response)};
  } catch (error) {
    const failure = error as Error & {response?: string; responseCode?: number; code?: string};
    const reply = failure.response ?? failure.message;
    throw new DeliveryError(`Delivery to ${server.host} failed: ${reply}${failure.code ? ` (${failure.code})` : ''}`, {cause: error});
  } finally {
    transport.close();
  }
}
