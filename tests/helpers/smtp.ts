import type {AddressInfo} from 'node:net';
import {SMTPServer} from 'smtp-server';

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts. */
export interface TestSmtpServer {
  readonly port: number;
  /** Raw messages, in the order received. */
  readonly received: Buffer[];
  /** The SMTP envelope of each message in `received`: `MAIL FROM` and every `RCPT TO`. */
  readonly envelopes: Array<{from: string; to: string[]}>;
  close(): Promise<void>;
}

/**
 * Start an SMTP server on a free loopback port.
 *
 * @param refuse
 *   Recipients to refuse with `550 5.1.1 Mailbox unavailable`.
 * @returns
 *   The running server.
 */
export async function startSmtpServer(refuse: (address: string) => boolean = () => false): Promise<TestSmtpServer> {
  const received: Buffer[] = [];
  const envelopes: Array<{from: string; to: string[]}> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse(address.address)) {
        callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), {responseCode: 550}));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        const {mailFrom, rcptTo} = session.envelope;
        envelopes.push({from: mailFrom === false ? '' : mailFrom.address, to: rcptTo.map((recipient) => recipient.address)});
        callback();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    envelopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
