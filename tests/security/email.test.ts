import {readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Element} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {selectAll} from 'hast-util-select';
import {simpleParser, type AddressObject, type ParsedMail} from 'mailparser';
import {VFile} from 'vfile';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSmtpServer, type TestSmtpServer} from '../helpers/smtp.js';
import {build} from '../../src/index.js';
import {composeEml, createEmailMessage} from '../../src/distribute/email-message.js';
import {resolveAddressing} from '../../src/distribute/email-addressing.js';
import {matterKeyPlace} from '../../src/distribute/matter-key-place.js';
import {parseMailbox} from '../../src/config/email-address.js';
import type {Matter} from '../../src/manuscripts/matter-schema.js';
import {runCli, type CliResult} from './helpers/cli.js';
import {messagesOf, parseMessages} from './helpers/messages.js';
import {readPdf} from './helpers/outputs.js';
import {sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * Issue 11: a manuscript never chooses who receives it or who sends it, and a link in it
 * never writes the reader's message. Delivery is checked on a real SMTP server on
 * loopback, by the envelope it was given (`MAIL FROM`, `RCPT TO`), not only the headers.
 */
let box: Sandbox;
let smtp: TestSmtpServer;

/** A manuscript whose front matter asks for everything an attacker would want. */
const hostile = [
  '---',
  'title: Quarterly note',
  'authors: [Ada Lovelace]',
  'date: 2025-06-06',
  'email:',
  '  to: attacker@evil.example',
  '  cc: [spy@evil.example, "archive@evil.example"]',
  '  from: "Mallory <mallory@evil.example>, ceo@company.example\\r\\nBcc: boss@evil.example"',
  '  subject: Salaries attached',
  '---',
  '',
  ':::summary',
  '- One point of our own.',
  ':::',
  '',
  'A short text written for this test.',
  ''
].join('\n');

/** The same recipients written with a second address or a line break inside one value. */
const smuggling = (key: 'to' | 'cc', value: string): string => hostile.replace(/^email:\n[\s\S]*?(?=^---)/m, `email:\n  ${key}: ${JSON.stringify(value)}\n`);

beforeAll(async () => {
  box = await sandbox('email');
  await writeFile(path.join(box.project, 'hostile.md'), hostile);
  await writeFile(path.join(box.project, 'package.json'), '{"name": "email-security"}\n');
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp.close();
  await box.dispose();
});

/** Run `briefing email` in the project against the test server, with no configuration file unless the test writes one. */
function email(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(['email', ...args], {cwd: box.project, env: {BRIEFING_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SOURCE_DATE_EPOCH: '', ...env}});
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []].flat().flatMap((object) => object.value.map((entry) => entry.address ?? ''));
}

async function written(name = 'hostile'): Promise<ParsedMail> {
  return simpleParser(await readFile(path.join(box.project, 'out', `${name}.eml`)));
}

describe('each address is exactly one mailbox, read by nodemailer’s address parser', () => {
  const accepted: Array<[string, {name: string; address: string}]> = [
    ['desk@example.org', {name: '', address: 'desk@example.org'}],
    ['Desk <desk@example.org>', {name: 'Desk', address: 'desk@example.org'}],
    ['"Doe, Jane" <jane@example.org>', {name: 'Doe, Jane', address: 'jane@example.org'}],
    ['"Desk \\"Night\\" Team" <desk@example.org>', {name: 'Desk "Night" Team', address: 'desk@example.org'}],
    ['"List; weekly" <list@example.org>', {name: 'List; weekly', address: 'list@example.org'}],
    ['Zoë Ärger <zoe@example.org>', {name: 'Zoë Ärger', address: 'zoe@example.org'}]
  ];
  it.each(accepted)('accepts %s', (value, expected) => {
    expect(parseMailbox(value)).toEqual(expected);
  });

  const refused: Array<[string, RegExp]> = [
    ['a@example.org, b@example.org', /more than one address/],
    ['a@example.org,b@example.org', /more than one address/],
    ['a@example.org;b@example.org', /more than one address/],
    ['a@example.org,', /more than one address/],
    ['Desk <a@example.org>, Evil <e@evil.example>', /more than one address/],
    ['a@example.org b@evil.example', /more than one address/],
    ['Desk <a@example.org> <b@evil.example>', /more than one address/],
    ['"boss@example.org" <evil@evil.example>', /more than one address/],
    ['Desk <a@example.org', /more than one address/],
    ['list: a@example.org, b@example.org;', /address group/],
    ['undisclosed-recipients:;', /address group/],
    ['a@example.org\r\nBcc: boss@evil.example', /line break or control character/],
    ['a@example.org\nRCPT TO:<boss@evil.example>', /line break or control character/],
    ['Desk\r <a@example.org>', /line break or control character/],
    ['a@example.org\u0000', /line break or control character/],
    ['\u001b]52;c;aGk=\u0007a@example.org', /line break or control character/],
    ['a@example.org\u2028', /line break or control character/],
    ['', /not an e-mail address/],
    ['desk', /not an e-mail address/],
    ['Desk Only', /not an e-mail address/],
    ['a@', /not an e-mail address/],
    ['@example.org', /not an e-mail address/],
    ['a@.example.org', /not an e-mail address/]
  ];
  it.each(refused)('refuses %j', (value, reason) => {
    expect(() => parseMailbox(value)).toThrow(reason);
  });

  it('shows control characters escaped in its message, never raw', () => {
    expect(() => parseMailbox('a@example.org\r\nBcc: b@evil.example')).toThrow('`a@example.org\\x0d\\x0aBcc: b@evil.example`');
  });
});

describe('who a message is from and to (resolveAddressing)', () => {
  const matter: Matter = Object.freeze({
    title: 'Note',
    authors: [],
    tags: [],
    lang: 'en',
    email: {to: 'attacker@evil.example', cc: ['spy@evil.example'], from: 'mallory@evil.example', subject: 'Salaries'}
  });
  const configured = {to: ['team@example.org'], cc: ['archive@example.org'], from: 'Desk <desk@example.org>', subjectPrefix: '[Briefing]'};
  const flat = (resolved: ReturnType<typeof resolveAddressing>): Record<string, unknown> => ({
    from: resolved.from?.address,
    to: resolved.to.map((mailbox) => mailbox.address),
    cc: resolved.cc.map((mailbox) => mailbox.address),
    subject: resolved.subject,
    ignored: resolved.ignored.map((item) => item.key)
  });

  it('without the opt-in, the manuscript changes nothing: the configuration decides, every suggestion is reported', () => {
    expect(flat(resolveAddressing(matter, {}, configured))).toEqual({
      from: 'desk@example.org',
      to: ['team@example.org'],
      cc: ['archive@example.org'],
      subject: '[Briefing] Note',
      ignored: ['to', 'cc', 'from', 'subject']
    });
  });

  it('without the opt-in and without configured recipients, there are none (the manuscript does not fill the gap)', () => {
    expect(flat(resolveAddressing(matter, {}, {}))).toMatchObject({to: [], cc: [], subject: 'Note'});
    expect(resolveAddressing(matter, {}, {}).from).toBeUndefined();
  });

  it('a manuscript’s cc never joins a --to from the command line, even with the opt-in', () => {
    expect(flat(resolveAddressing(matter, {to: ['reader@example.org'], recipientsFromManuscript: true}, configured))).toEqual({
      from: 'desk@example.org',
      to: ['reader@example.org'],
      cc: ['archive@example.org'],
      subject: 'Salaries',
      ignored: ['to', 'cc', 'from']
    });
  });

  it('with the opt-in (flag or configuration) and no recipients on the command line, the suggestions replace the configured ones; never the sender', () => {
    for (const [flags, config] of [
      [{recipientsFromManuscript: true}, configured],
      [{}, {...configured, recipientsFromManuscript: true}]
    ] as const) {
      expect(flat(resolveAddressing(matter, flags, config))).toEqual({
        from: 'desk@example.org',
        to: ['attacker@evil.example'],
        cc: ['spy@evil.example'],
        subject: 'Salaries',
        ignored: ['from']
      });
    }
    expect(resolveAddressing(matter, {recipientsFromManuscript: true}, {}).from).toBeUndefined();
  });

  it('refuses a configured or flag value that holds two addresses, wherever it is', () => {
    expect(() => resolveAddressing(matter, {from: 'desk@example.org, evil@evil.example'})).toThrow(/Invalid sender address: .*more than one address/);
    expect(() => resolveAddressing(matter, {}, {to: ['a@example.org\r\nbcc@evil.example']})).toThrow(/Invalid `to` address: .*line break/);
    expect(() => resolveAddressing(matter, {cc: ['list: a@example.org;']})).toThrow(/Invalid `cc` address: .*group/);
  });

  it('keeps a subject with a line break on one line, so it cannot start a header', async () => {
    const message = createEmailMessage(
      {matter: {...matter, email: undefined, title: 'Note\r\nBcc: boss@evil.example\r\nX-Evil: 1'}, pdf: new Uint8Array([37]), pages: 1, name: 'n'},
      {to: ['reader@example.org'], from: 'desk@example.org'}
    );
    const mail = await simpleParser(await composeEml(message));
    expect(mail.subject).toBe('Note Bcc: boss@evil.example X-Evil: 1');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-evil')).toBe(false);
  });
});

describe('where an ignored front-matter key is reported (matterKeyPlace)', () => {
  it('finds block and flow keys after either closing fence, and nothing that is not there', () => {
    const place = (text: string, keys: string[]): string => {
      const point = matterKeyPlace(new VFile({path: 'x.md', value: text}), keys);
      return point ? `${point.line}:${point.column}` : 'none';
    };
    expect(place(hostile, ['email', 'cc'])).toBe('7:3');
    expect(place(hostile.replace(/\n---\n\n:::summary/, '\n...\n\n:::summary'), ['email', 'subject'])).toBe('9:3');
    expect(place('\uFEFF---\ntitle: T\nemail: {subject: S, to: a@example.org}\n---\n', ['email', 'to'])).toBe('3:21');
    expect(place('---\ntitle: T\n---\n\n---\nemail:\n  to: a@example.org\n---\n', ['email', 'to'])).toBe('none');
    expect(place('No front matter.\n', ['email', 'to'])).toBe('none');
  });
});

describe('briefing email --send: the envelope the server was given', () => {
  it('without the opt-in, ignores the front matter’s to, cc, from and subject, and says so at their lines', async () => {
    const before = smtp.envelopes.length;
    const result = await email(['hostile.md', '--to', 'reader@example.org', '--from', 'Desk <desk@example.org>', '--send']);
    expect(result.stderr).toMatch(/✉ sent to reader@example\.org: 250/);
    expect(result.code).toBe(0);
    expect(smtp.envelopes.slice(before)).toEqual([{from: 'desk@example.org', to: ['reader@example.org']}]);

    const warnings = parseMessages(result.stderr).filter((message) => message.rule === 'email-from-manuscript');
    expect(warnings.map(({file, line, column, severity}) => `${file}:${line}:${column} ${severity}`)).toEqual([
      'hostile.md:6:3 warning',
      'hostile.md:7:3 warning',
      'hostile.md:8:3 warning',
      'hostile.md:9:3 warning'
    ]);
    expect(warnings.map((warning) => /`email\.(\w+)`/.exec(warning.reason)?.[1])).toEqual(['to', 'cc', 'from', 'subject']);

    for (const mail of [await written(), await simpleParser(smtp.received.at(-1) ?? Buffer.alloc(0))]) {
      expect(addresses(mail.from)).toEqual(['desk@example.org']);
      expect(addresses(mail.to)).toEqual(['reader@example.org']);
      expect(mail.cc).toBeUndefined();
      expect(mail.headers.has('bcc')).toBe(false);
      expect(mail.subject).toBe('Quarterly note');
    }
  });

  it('without the opt-in and without recipients of the user’s own, sends nothing: the manuscript does not fill the gap', async () => {
    const before = smtp.envelopes.length;
    await rm(path.join(box.project, 'out'), {recursive: true, force: true});
    const result = await email(['hostile.md', '--from', 'desk@example.org', '--send']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No recipient: give --to/);
    expect(smtp.envelopes.length).toBe(before);
    // Checked before anything is written.
    await expect(readFile(path.join(box.project, 'out', 'hostile.eml'))).rejects.toThrow(/ENOENT/);
  });

  it('with --recipients-from-manuscript, uses the suggested recipients and subject, and still never the sender', async () => {
    const before = smtp.envelopes.length;
    const result = await email(['hostile.md', '--recipients-from-manuscript', '--from', 'desk@example.org', '--send']);
    expect(result.code).toBe(0);
    expect(smtp.envelopes.slice(before)).toEqual([{from: 'desk@example.org', to: ['attacker@evil.example', 'spy@evil.example', 'archive@evil.example']}]);
    const warnings = parseMessages(result.stderr).filter((message) => message.rule === 'email-from-manuscript');
    expect(warnings.map((warning) => `${warning.line}:${warning.column} ${/`email\.(\w+)`/.exec(warning.reason)?.[1]}`)).toEqual(['8:3 from']);
    const mail = await simpleParser(smtp.received.at(-1) ?? Buffer.alloc(0));
    expect(addresses(mail.from)).toEqual(['desk@example.org']);
    expect(mail.subject).toBe('Salaries attached');
  });

  it('with the opt-in, a --to on the command line still wins over every suggested recipient', async () => {
    const before = smtp.envelopes.length;
    const result = await email(['hostile.md', '--recipients-from-manuscript', '--to', 'reader@example.org', '--from', 'desk@example.org', '--send']);
    expect(result.code).toBe(0);
    expect(smtp.envelopes.slice(before)).toEqual([{from: 'desk@example.org', to: ['reader@example.org']}]);
  });

  it('takes the opt-in from the configuration’s email.recipientsFromManuscript, and the sender from its email.from', async () => {
    const config = path.join(box.project, 'opt-in.json');
    await writeFile(config, JSON.stringify({email: {from: '"Briefings, Desk" <desk@example.org>', recipientsFromManuscript: true}}));
    const before = smtp.envelopes.length;
    const result = await email(['hostile.md', '--config', config, '--send']);
    expect(result.code).toBe(0);
    expect(smtp.envelopes.slice(before)).toEqual([{from: 'desk@example.org', to: ['attacker@evil.example', 'spy@evil.example', 'archive@evil.example']}]);
    const mail = await simpleParser(smtp.received.at(-1) ?? Buffer.alloc(0));
    expect([mail.from].flat().flatMap((field) => field?.value ?? []).map(({name, address}) => ({name, address}))).toEqual([{name: 'Briefings, Desk', address: 'desk@example.org'}]);
  });

  it('prints the whole envelope before it connects, even when the server is not there', async () => {
    const result = await email(['hostile.md', '--to', 'reader@example.org', '--cc', 'copy@example.org', '--from', 'desk@example.org', '--send'], {
      BRIEFING_SMTP_URL: 'smtp://127.0.0.1:9'
    });
    expect(result.code).toBe(1);
    const envelope = /✉ sending through 127\.0\.0\.1:9 \(smtp\):\n {2}MAIL FROM <desk@example\.org>\n {2}RCPT TO {3}<reader@example\.org>\n {2}RCPT TO {3}<copy@example\.org>\n/.exec(result.stderr);
    expect(envelope, result.stderr).not.toBeNull();
    expect(result.stderr.indexOf('Delivery to 127.0.0.1:9 failed')).toBeGreaterThan(envelope?.index ?? Infinity);
  });

  it('uses display names with quotes as given, and sends to the one address each names', async () => {
    const before = smtp.envelopes.length;
    const result = await email(['hostile.md', '--to', '"Doe, Jane" <jane@example.org>', '--from', '"Desk \\"Night\\" Team" <desk@example.org>', '--send']);
    expect(result.code).toBe(0);
    expect(smtp.envelopes.slice(before)).toEqual([{from: 'desk@example.org', to: ['jane@example.org']}]);
    const mail = await simpleParser(smtp.received.at(-1) ?? Buffer.alloc(0));
    const entries = (field: AddressObject | AddressObject[] | undefined): Array<{name: string; address?: string | undefined}> =>
      [field ?? []].flat().flatMap((object) => object.value.map(({name, address}) => ({name, address})));
    expect(entries(mail.from)).toEqual([{name: 'Desk "Night" Team', address: 'desk@example.org'}]);
    expect(entries(mail.to)).toEqual([{name: 'Doe, Jane', address: 'jane@example.org'}]);
  });

  const flagCases: Array<[string, string[], RegExp]> = [
    ['a comma in --to', ['--to', 'reader@example.org,attacker@evil.example'], /Invalid --to: .*more than one address.*repeat --to/],
    ['a comma in --cc', ['--to', 'reader@example.org', '--cc', 'copy@example.org, attacker@evil.example'], /Invalid --cc: .*more than one address/],
    ['a second sender in --from', ['--to', 'reader@example.org', '--from', 'desk@example.org, ceo@company.example'], /Invalid --from: .*more than one address/],
    ['CR/LF in --from', ['--to', 'reader@example.org', '--from', 'desk@example.org\r\nRCPT TO:<boss@evil.example>'], /Invalid --from: `desk@example\.org\\x0d\\x0aRCPT TO:<boss@evil\.example>` holds a line break/],
    ['CR/LF in --to', ['--to', 'reader@example.org\r\nBcc: boss@evil.example'], /Invalid --to: .*line break/],
    ['a group in --to', ['--to', 'all: a@example.org, b@example.org;'], /Invalid --to: .*address group/],
    ['a group in --cc', ['--to', 'reader@example.org', '--cc', 'undisclosed:;'], /Invalid --cc: .*address group/]
  ];
  it.each(flagCases)('refuses %s as a usage error, before building or connecting', async (_name, flags, reason) => {
    const before = smtp.envelopes.length;
    const result = await email(['hostile.md', '--from', 'desk@example.org', ...flags, '--send']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).not.toMatch(/\r/);
    expect(smtp.envelopes.length).toBe(before);
  });

  const configCases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a second sender in email.from', {from: 'desk@example.org, ceo@company.example'}, /opt-bad\.json:1:\d+: error Invalid `email\.from`: .*more than one address/],
    ['CR/LF in email.from', {from: 'desk@example.org\r\nBcc: boss@evil.example'}, /opt-bad\.json:1:\d+: error Invalid `email\.from`: .*line break/],
    ['a comma in an email.to item', {to: ['reader@example.org, attacker@evil.example']}, /Invalid `email\.to`: .*more than one address/],
    ['a group in email.cc', {cc: ['team: a@example.org, b@example.org;']}, /Invalid `email\.cc`: .*address group/],
    ['a string for email.to', {to: 'reader@example.org'}, /Invalid `email\.to`: expected a list/],
    ['a non-boolean opt-in', {recipientsFromManuscript: 'yes'}, /Invalid `email\.recipientsFromManuscript`: expected true or false/]
  ];
  it.each(configCases)('refuses %s in the configuration, with its place', async (_name, settings, reason) => {
    const config = path.join(box.project, 'opt-bad.json');
    await writeFile(config, JSON.stringify({email: settings}));
    const before = smtp.envelopes.length;
    const result = await email(['hostile.md', '--config', config, '--to', 'reader@example.org', '--send']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(smtp.envelopes.length).toBe(before);
  });

  const matterCases: Array<[string, string]> = [
    ['a comma in email.to', smuggling('to', 'reader@example.org, attacker@evil.example')],
    ['CR/LF in email.to', smuggling('to', 'reader@example.org\r\nBcc: boss@evil.example')],
    ['a group in email.cc', smuggling('cc', 'team: attacker@evil.example, spy@evil.example;')],
    ['a display name in email.cc', smuggling('cc', '"reader@example.org" <attacker@evil.example>')]
  ];
  it.each(matterCases)('refuses %s in the front matter at its place, with or without the opt-in, and sends nothing', async (_name, text) => {
    await writeFile(path.join(box.project, 'smuggle.md'), text);
    for (const optIn of [[], ['--recipients-from-manuscript']]) {
      const before = smtp.envelopes.length;
      const result = await email(['smuggle.md', ...optIn, '--from', 'desk@example.org', '--send']);
      expect(result.code).toBe(1);
      expect(parseMessages(result.stderr)).toContainEqual(expect.objectContaining({file: 'smuggle.md', line: 6, severity: 'error', rule: 'front-matter-schema'}));
      expect(smtp.envelopes.length).toBe(before);
    }
  });
});

describe('the Date header is when the message is written or sent', () => {
  it('is now in the .eml and on the wire, not the briefing’s date (2025-06-06), and SOURCE_DATE_EPOCH does not move it', async () => {
    const start = Date.now();
    const before = smtp.envelopes.length;
    const result = await email(['hostile.md', '--to', 'reader@example.org', '--from', 'desk@example.org', '--send'], {SOURCE_DATE_EPOCH: '1700000000'});
    const end = Date.now();
    expect(result.code).toBe(0);
    expect(smtp.envelopes.length).toBe(before + 1);
    for (const mail of [await written(), await simpleParser(smtp.received.at(-1) ?? Buffer.alloc(0))]) {
      // The header has whole seconds.
      expect(mail.date?.getTime()).toBeGreaterThanOrEqual(Math.floor(start / 1000) * 1000);
      expect(mail.date?.getTime()).toBeLessThanOrEqual(end);
    }
  });
});

describe('mailto: links keep only their subject, through the whole build', () => {
  const links = [
    '[a](mailto:a@example.org?subject=Hello%20there&bcc=evil@evil.example&body=Wire%20it&attach=/etc/passwd)',
    '[b](mailto:b@example.org?BCC=evil@evil.example&Cc=spy@evil.example&SUBJECT=Loud)',
    '[c](mailto:c@example.org?%62cc=evil@evil.example&%41ttach=%2Fetc%2Fshadow)',
    '[d](mailto:d@example.org%3Fbcc=evil@evil.example)',
    '<mailto:e@example.org?to=evil@evil.example&x-priority=1>',
    '[f](mailto:f@example.org?subject=Q%26bcc%3Devil@evil.example)',
    '[g][mail]',
    '[h](mailto:h@example.org?subject=Just%20a%20subject)',
    '[i](mailto:i@example.org?body=x#frag)'
  ];
  const text = [
    '---',
    'title: Links',
    'authors:',
    '  - name: Ann Analyst',
    '    email: ann@example.org',
    '---',
    '',
    ...links.map((link) => `Write to ${link} today.\n`),
    '[mail]: mailto:g@example.org?subject=Ref&bcc=evil@evil.example',
    ''
  ].join('\n');
  const expected = [
    'mailto:a@example.org?subject=Hello%20there',
    'mailto:b@example.org?subject=Loud',
    'mailto:c@example.org',
    'mailto:d@example.org',
    'mailto:e@example.org',
    'mailto:f@example.org?subject=Q',
    'mailto:g@example.org?subject=Ref',
    'mailto:h@example.org?subject=Just%20a%20subject',
    'mailto:i@example.org'
  ];
  let html = '';
  let pdfLinks: readonly string[] = [];
  let warnings: Array<{line?: number | undefined; reason: string}> = [];

  beforeAll(async () => {
    await writeFile(path.join(box.project, 'links.md'), text);
    const report = await build(['links.md'], {cwd: box.project, outDir: 'out-links', formats: ['pdf', 'html']});
    const [document] = report.documents;
    expect(document?.ok).toBe(true);
    html = await readFile(path.join(box.project, 'out-links', 'links.html'), 'utf8');
    pdfLinks = (await readPdf(await readFile(path.join(box.project, 'out-links', 'links.pdf')))).links;
    warnings = document ? messagesOf(document.file).filter((message) => message.rule === 'mailto-fields') : [];
  }, 120_000);

  it('writes the HTML page with exactly the recipients and subjects, and the byline from the validated address', () => {
    const hrefs = selectAll('a[href^="mailto:"]', fromHtml(html)).map((element: Element) => String(element.properties['href']));
    expect(hrefs.filter((href) => href !== 'mailto:ann@example.org')).toEqual(expected);
    expect(hrefs).toContain('mailto:ann@example.org');
  });

  it('leaves the PDF with no mailto: field but subject', () => {
    const mailto = pdfLinks.filter((link) => link.toLowerCase().startsWith('mailto:'));
    expect(mailto.length).toBeGreaterThanOrEqual(expected.length);
    for (const link of mailto) expect(link, link).toMatch(/^mailto:[^?&#=%]*(?:%[0-9A-F]{2}[^?&#=%]*)*(?:\?subject=[^&#=]*)?$/);
    expect(new Set(mailto)).toEqual(new Set([...expected, 'mailto:ann@example.org']));
    expect(pdfLinks.join(' ')).not.toMatch(/evil|passwd|shadow|body=|attach=/i);
  });

  it('warns at each link that lost a field, naming the fields', () => {
    // Links are on every other line from line 8; the definition of [g][mail] is on line 26.
    const sorted = [...warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    expect(sorted.map((warning) => warning.line)).toEqual([8, 10, 12, 14, 16, 18, 24, 26]);
    expect(sorted.map((warning) => /^Dropped (.*) from/.exec(warning.reason)?.[1])).toEqual([
      '`bcc`, `body`, `attach`',
      '`bcc`, `cc`',
      '`bcc`, `attach`',
      '`bcc`',
      '`to`, `x-priority`',
      '`bcc`',
      '`body`, `#fragment`',
      '`bcc`'
    ]);
  });

  it('refuses a byline address that carries header fields (the template builds its mailto from the validated address)', async () => {
    await writeFile(path.join(box.project, 'byline.md'), ['---', 'title: Byline', 'authors:', '  - name: Ann', '    email: "ann@example.org?bcc=evil@evil.example"', '---', '', 'Text.', ''].join('\n'));
    const report = await build(['byline.md'], {cwd: box.project, outDir: 'out-byline', formats: ['html']});
    const [document] = report.documents;
    expect(document?.ok).toBe(false);
    expect(document ? messagesOf(document.file) : []).toContainEqual(expect.objectContaining({line: 5, severity: 'error', rule: 'front-matter-schema'}));
  });
});
