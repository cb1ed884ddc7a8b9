import path from 'node:path';
import {documentOptions} from './build-options.js';
import {buildInMemory} from './build-in-memory.js';
import {parseCommand, UsageError, usageFailure, type OptionTable} from './arguments.js';
import {exitCode} from './exit-codes.js';
import {setupFailure} from './setup-failure.js';
import {interruptions} from './signals.js';
import {emailUsage} from './usage.js';
import {outDirChosen} from '../config/config.js';
import {AddressError, parseMailbox} from '../config/email-address.js';
import {escapeControl} from '../messages/report.js';
import {resolveAddressing, type EmailAddressing} from '../distribute/email-addressing.js';
import {matterKeyPlace} from '../distribute/matter-key-place.js';
import type {EmailMessage} from '../distribute/email-message.js';
import type {Envelope} from '../distribute/send-email.js';
import {reportWarning} from '../messages/messages.js';

const options = {
  ...documentOptions,
  to: {type: 'string', multiple: true},
  cc: {type: 'string', multiple: true},
  from: {type: 'string'},
  subject: {type: 'string'},
  'subject-prefix': {type: 'string'},
  'recipients-from-manuscript': {type: 'boolean'},
  send: {type: 'boolean'}
} satisfies OptionTable;

/** Megabytes above which a PDF is too heavy for some mail servers. */
const defaultAttachmentLimit = 10;

/**
 * `briefing email`: build one manuscript and write `out/<name>.eml` (a cover message
 * with the PDF attached); with `--send`, also deliver it over SMTP, after printing the
 * envelope. Sender and recipients come from the flags and the configuration only;
 * what the front matter suggests is used behind `--recipients-from-manuscript`, and
 * otherwise reported as ignored, at its place.
 *
 * @param {readonly string[]} argv
 *   Arguments after `email`.
 * @returns {Promise<number>}
 *   Exit status.
 */
export async function emailCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommand(argv, options, emailUsage);
  if (typeof parsed === 'number') return parsed;
  const {values} = parsed;
  const {inputs} = parsed;
  if (inputs.length !== 1) return usageFailure('Give exactly one manuscript to mail', emailUsage);

  const stop = interruptions();
  try {
    // Each flag value is one address: a comma never smuggles in a second one.
    for (const [flag, list] of [['--to', values.to], ['--cc', values.cc], ['--from', values.from === undefined ? undefined : [values.from]]] as const) {
      for (const value of list ?? []) {
        try {
          parseMailbox(value);
        } catch (error) {
          throw new UsageError(`Invalid ${flag}: ${(error as Error).message}${flag === '--from' ? '' : `; repeat ${flag} for each recipient`}`);
        }
      }
    }
    const addressing: EmailAddressing = {
      to: values.to,
      cc: values.cc,
      from: values.from,
      subject: values.subject,
      subjectPrefix: values['subject-prefix'],
      recipientsFromManuscript: values['recipients-from-manuscript']
    };

    const built = await buildInMemory(inputs[0] ?? '', values, {
      signal: stop.signal,
      // What the manuscript asked for and did not get is said where it asked.
      review: (file, matter, settings) => {
        for (const {key, reason} of resolveAddressing(matter, addressing, settings.email).ignored) {
          reportWarning(file, `Ignored \`email.${key}\` in front matter: ${reason}`, matterKeyPlace(file, ['email', key]), 'email-from-manuscript');
        }
      }
    });
    if (!built) return say(`✗ ${escapeControl(inputs[0] ?? '')}: not built\n`, 'stderr', exitCode.failed);
    const {settings, name} = built;
    const {createEmailMessage, composeEml} = await import('../distribute/email-message.js');
    const configured = settings.email ?? {};
    const message = createEmailMessage({matter: built.matter, summary: built.document.file.data.summary, pdf: built.pdf, pages: built.document.pages ?? 0, name}, addressing, configured);

    const limit = configured.attachmentLimit ?? defaultAttachmentLimit;
    if (built.pdf.byteLength > limit * 1024 * 1024) {
      process.stderr.write(
        `briefing: warning the PDF is ${(built.pdf.byteLength / 1048576).toFixed(1)} MB, over the ${limit} MB many mail servers accept; shrink its images or send a link\n`
      );
    }

    // Everything --send needs is checked before anything is written.
    const delivery = values.send ? await prepareDelivery(message, configured.smtpUrl) : undefined;

    const [{writeFileAtomic}, {makeFolderInside, LinkedFolderError}] = await Promise.all([import('../build/write-atomic.js'), import('../build/folder-inside.js')]);
    const folder = path.resolve(settings.outDir);
    const eml = path.join(folder, `${name}.eml`);
    // As for a build: the default output folder is never followed when it is a link.
    const chosen = outDirChosen(settings);
    try {
      await makeFolderInside(folder, folder, {followRoot: chosen});
    } catch (error) {
      if (!(error instanceof LinkedFolderError)) throw error;
      const where = escapeControl(path.relative(process.cwd(), error.folder) || '.');
      return say(`✗ ${escapeControl(inputs[0] ?? '')}: ${where} ${error.problem}, and outputs are never written through one; remove it${chosen ? '' : ' or choose the folder with --out-dir'}\n`, 'stderr', exitCode.failed);
    }
    await writeFileAtomic(eml, await composeEml(message));
    if (!values.quiet) process.stderr.write(`✓ ${escapeControl(inputs[0] ?? '')} → ${escapeControl(path.relative(process.cwd(), eml))} (${escapeControl(message.attachments[0]?.filename ?? '')}, ${built.document.pages} pages)\n`);

    if (delivery) {
      // The person sending sees exactly who the server will be told, before it is told.
      process.stderr.write(
        [
          `✉ sending through ${delivery.server.host} (${delivery.server.protocol.slice(0, -1)}):`,
          `  MAIL FROM <${delivery.envelope.from}>`,
          ...delivery.envelope.to.map((address) => `  RCPT TO   <${address}>`),
          ''
        ].join('\n')
      );
      const {response} = await delivery.send();
      process.stderr.write(`✉ sent to ${delivery.envelope.to.join(', ')}: ${escapeControl(response)}\n`);
    }
    return exitCode.ok;
  } catch (error) {
    if (stop.signal.aborted) return exitCode.interrupted;
    if ((error as Error).name === 'DeliveryError') return say(`briefing: ${escapeControl((error as Error).message)}\n`, 'stderr', exitCode.failed);
    if (error instanceof AddressError) return usageFailure(error.message, emailUsage);
    return setupFailure(error, emailUsage);
  } finally {
    stop.dispose();
  }
}

/** The server and the envelope of a `--send`, checked, and the function that sends. */
async function prepareDelivery(message: EmailMessage, configuredUrl: string | undefined): Promise<{server: URL; envelope: Envelope; send(): Promise<{response: string}>}> {
  const url = process.env['BRIEFING_SMTP_URL'] || configuredUrl;
  if (!url) throw new UsageError('--send needs an SMTP server: set BRIEFING_SMTP_URL=smtp://host:port (or email.smtpUrl in the configuration)');
  const {envelopeOf, sendEmail, smtpServer} = await import('../distribute/send-email.js');
  const server = smtpServer(url);
  const envelope = envelopeOf(message);
  return {server, envelope, send: () => sendEmail(message, url)};
}

function say(text: string, stream: 'stdout' | 'stderr', status: number = exitCode.ok): number {
  process[stream].write(text);
  return status;
}
