import {AddressError, parseMailbox, type Mailbox} from '../config/email-address.js';
import type {Matter} from '../manuscripts/matter-schema.js';

/** Recipients, sender and subject as the person who runs `briefing email` gives them. */
export interface EmailAddressing {
  /** Each item exactly one address. */
  readonly to?: readonly string[] | undefined;
  readonly cc?: readonly string[] | undefined;
  readonly from?: string | undefined;
  /** Whole subject; default: the prefix and the title. */
  readonly subject?: string | undefined;
  /** Put before the title in the default subject, e.g. `[Briefing]`. */
  readonly subjectPrefix?: string | undefined;
  /** Let the front matter's `email.to`, `email.cc` and `email.subject` suggest a draft's recipients and subject. */
  readonly recipientsFromManuscript?: boolean | undefined;
}

/** Front-matter `email` keys that were written but not used, with why. */
export interface IgnoredMatterKey {
  readonly key: 'to' | 'cc' | 'from' | 'subject';
  readonly reason: string;
}

/** Who a message is from and to, and what it is called, settled once. */
export interface ResolvedAddressing {
  readonly from?: Mailbox | undefined;
  readonly to: readonly Mailbox[];
  readonly cc: readonly Mailbox[];
  readonly subject: string;
  /** The manuscript's `email` keys that were left out. */
  readonly ignored: readonly IgnoredMatterKey[];
}

/**
 * Settle the sender, the recipients and the subject of a briefing's message. They come
 * from the person who runs the command: command-line values, then the configuration,
 * field by field. The manuscript is data and only suggests: its `email.to`, `email.cc`
 * and `email.subject` are used only when `recipientsFromManuscript` is set by the flags
 * or the configuration, and even then its recipients are used only when the command
 * line names none (so a manuscript can never add a copy recipient to a `--to`); they
 * then take the place of the configured `to` and `cc`. The sender never comes from the
 * manuscript. Every address is parsed as exactly one mailbox.
 *
 * @param {Matter} matter
 *   The manuscript's front matter.
 * @param {EmailAddressing} flags
 *   From the command line.
 * @param {EmailAddressing} configured
 *   From the configuration.
 * @returns {ResolvedAddressing}
 *   The addressing, and what of the manuscript's was ignored.
 * @throws {AddressError}
 *   When a value is not exactly one address (the message names the field).
 */
export function resolveAddressing(matter: Matter, flags: EmailAddressing = {}, configured: EmailAddressing = {}): ResolvedAddressing {
  const suggested = matter.email ?? {};
  const optIn = flags.recipientsFromManuscript ?? configured.recipientsFromManuscript ?? false;
  const commandLineRecipients = flags.to !== undefined || flags.cc !== undefined;
  const ignored: IgnoredMatterKey[] = [];

  const pick = (key: 'to' | 'cc'): readonly string[] | undefined => {
    const fromMatter = suggested[key] === undefined ? undefined : [suggested[key]].flat();
    if (fromMatter !== undefined && !optIn) ignored.push({key, reason: 'recipients come from --to, --cc and the configuration; give --recipients-from-manuscript to use the ones the manuscript suggests'});
    else if (fromMatter !== undefined && commandLineRecipients) ignored.push({key, reason: 'the command line names the recipients'});
    else if (fromMatter !== undefined) return fromMatter;
    return configured[key];
  };
  // Both are picked even when a flag wins, so that what the manuscript asked for is reported.
  const [toPicked, ccPicked] = [pick('to'), pick('cc')];
  const to = flags.to ?? toPicked;
  const cc = flags.cc ?? ccPicked;
  if (suggested.from !== undefined) ignored.push({key: 'from', reason: 'the sender is never taken from a manuscript, only from --from or email.from in the configuration'});

  let subject = flags.subject;
  if (subject === undefined && suggested.subject !== undefined) {
    if (optIn) subject = suggested.subject;
    else ignored.push({key: 'subject', reason: 'the subject is the title unless --subject is given; give --recipients-from-manuscript to use the one the manuscript suggests'});
  }
  subject ??= [flags.subjectPrefix ?? configured.subjectPrefix, matter.title].filter(Boolean).join(' ');

  const from = flags.from ?? configured.from;
  return Object.freeze({
    ...(from === undefined ? {} : {from: mailbox(from, 'sender')}),
    to: Object.freeze((to ?? []).map((value) => mailbox(value, '`to`'))),
    cc: Object.freeze((cc ?? []).map((value) => mailbox(value, '`cc`'))),
    // A line break in a subject would end the header: it stays one line.
    subject: subject.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').trim(),
    ignored: Object.freeze(ignored)
  });
}

function mailbox(value: string, field: string): Mailbox {
  try {
    return parseMailbox(value);
  } catch (error) {
    throw new AddressError(`Invalid ${field} address: ${(error as Error).message}`, {cause: error});
  }
}
