import path from 'node:path';
import type {ParseArgsConfig} from 'node:util';
import {documentOptions, type Values} from './build-command.js';
import {buildInMemory} from './distribute.js';
import {interruptions, parseCommand, setupFailure, UsageError, usageFailure} from './shared.js';
import {emailUsage} from './usage.js';

const options = {
  ...documentOptions,
  to: {type: 'string', multiple: true},
  cc: {type: 'string', multiple: true},
  from: {type: 'string'},
  subject: {type: 'string'},
  'subject-prefix': {type: 'string'},
  send: {type: 'boolean'}
} satisfies ParseArgsConfig['options'];

/** Megabytes above which a PDF is too heavy for some mail servers. */
const defaultAttachmentLimit = 10;

/**
 * `briefing email`: build one manuscript and write `out/<name>.eml` (a cover message
 * with the PDF attached); with `--send`, also deliver it over SMTP.
 *
 * @param {readonly string[]} argv
 *   Arguments after `email`.
 * @returns {Promise<number>}
 *   Exit status.
 */
export async function emailCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommand(argv, options, emailUsage);
  if (typeof parsed === 'number') return parsed;
  const values = parsed.values as Values & {to?: string[]; cc?: string[]; from?: string; subject?: string; 'subject-prefix'?: string; send?: boolean};
  const {inputs} = parsed;
  if (inputs.length !== 1) return usageFailure('Give exactly one manuscript to mail', emailUsage);

  const stop = interruptions();
  try {
    const addresses = (list: string[] | undefined): string[] | undefined => list?.flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
    const to = addresses(values.to);
    const cc = addresses(values.cc);
    const bad = [...(to ?? []), ...(cc ?? []), ...(values.from ? [values.from] : [])].find((address) => !address.includes('@'));
    if (bad !== undefined) throw new UsageError(`Invalid address \`${bad}\`, expected name@example.org`);

    const built = await buildInMemory(inputs[0] ?? '', values, {signal: stop.signal});
    if (!built) return say(`✗ ${inputs[0]}: not built\n`, 'stderr', 1);
    const {settings} = built;
    const {name} = built;
    const {createEmailMessage, composeEml} = await import('../distribute/email-message.js');
    const configured = settings.email ?? {};
    const message = createEmailMessage(
      {matter: built.matter, page: built.html, pdf: built.pdf, pages: built.document.pages ?? 0, name},
      {to, cc, from: values.from, subject: values.subject, subjectPrefix: values['subject-prefix']},
      configured
    );

    const limit = configured.attachmentLimit ?? defaultAttachmentLimit;
    if (built.pdf.byteLength > limit * 1024 * 1024) {
      process.stderr.write(
        `briefing: warning the PDF is ${(built.pdf.byteLength / 1048576).toFixed(1)} MB, over the ${limit} MB many mail servers accept; shrink its images or send a link\n`
      );
    }

    const {writeFileAtomic} = await import('../output/write-atomic.js');
    const eml = path.resolve(settings.outDir, `${name}.eml`);
    await writeFileAtomic(eml, await composeEml(message));
    if (!values.quiet) process.stderr.write(`✓ ${inputs[0]} → ${path.relative(process.cwd(), eml)} (${message.attachments[0]?.filename}, ${built.document.pages} pages)\n`);

    if (values.send) {
      const url = process.env['BRIEFING_SMTP_URL'] ?? configured.smtpUrl;
      if (!url) throw new UsageError('--send needs an SMTP server: set BRIEFING_SMTP_URL=smtp://host:port (or email.smtpUrl in the configuration)');
      const {sendEmail} = await import('../distribute/send-email.js');
      const {response} = await sendEmail(message, url);
      process.stderr.write(`✉ sent to ${[...(message.to ?? []), ...(message.cc ?? [])].join(', ')}: ${response}\n`);
    }
    return 0;
  } catch (error) {
    if (stop.signal.aborted) return 130;
    if ((error as Error).name === 'DeliveryError') return say(`briefing: ${(error as Error).message}\n`, 'stderr', 1);
    return setupFailure(error, emailUsage);
  } finally {
    stop.dispose();
  }
}

function say(text: string, stream: 'stdout' | 'stderr', status = 0): number {
  process[stream].write(text);
  return status;
}
