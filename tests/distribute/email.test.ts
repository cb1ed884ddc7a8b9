import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {simpleParser, type ParsedMail} from 'mailparser';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSmtpServer, type TestSmtpServer} from '../helpers/smtp.js';
import {build} from '../../src/build/build.js';
import {composeEml, createEmailMessage, type EmailInput} from '../../src/distribute/email-message.js';
import {DeliveryError, envelopeOf, sendEmail} from '../../src/distribute/send-email.js';
import type {Matter} from '../../src/manuscripts/matter-schema.js';

let dir: string;
let input: EmailInput;
let pdf: Buffer;
let smtp: TestSmtpServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-email-'));
  const report = await build(['manuscripts/us-china-leaders-call.md'], {outDir: dir});
  const [document] = report.documents;
  expect(document?.ok).toBe(true);
  pdf = await readFile(path.join(dir, 'us-china-leaders-call.pdf'));
  input = {
    matter: document?.file.data.matter as Matter,
    summary: document?.file.data.summary,
    pdf,
    pages: document?.pages ?? 0,
    name: 'us-china-leaders-call'
  };

  // A real SMTP server on loopback that keeps what it receives and refuses one address.
  smtp = await startSmtpServer((address) => address.endsWith('@refused.example'));
}, 120_000);

afterAll(async () => {
  await smtp.close();
  await rm(dir, {recursive: true, force: true});
});

function summaryPoints(markdown: string): string[] {
  const box = /:::summary[^\n]*\n([\s\S]*?)\n:::/.exec(markdown)?.[1] ?? '';
  return box.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2));
}

/** Curly quotes and soft hyphens aside, is `needle` in `haystack`? */
function contains(haystack: string, needle: string): boolean {
  const plain = (text: string): string => text.replace(/\u00AD/g, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
  return plain(haystack).includes(plain(needle));
}

async function checkBriefingMail(mail: ParsedMail): Promise<void> {
  const matter = input.matter;
  const manuscript = await readFile('manuscripts/us-china-leaders-call.md', 'utf8');
  expect(mail.subject).toBe(`[Briefing] ${matter.title}`);
  expect(mail.from?.value.map(({name, address}) => ({name, address}))).toEqual([{name: 'Desk', address: 'desk@example.org'}]);
  expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((address) => address.address) : []).toEqual(['someone@example.org']);
  const html = String(mail.html);
  const text = mail.text ?? '';
  for (const body of [html, text]) {
    expect(contains(body, matter.title)).toBe(true);
    expect(contains(body, matter.subtitle ?? '')).toBe(true);
    expect(body).toContain('Elbrus Mamedov');
    for (const point of summaryPoints(manuscript)) expect(contains(body, point), point).toBe(true);
    expect(body).toContain('2025-06-06-us-china-leaders-call.pdf');
  }
  // Safe to open anywhere: no scripts, no external resources, styles inline.
  expect(html).not.toMatch(/<script|<link|@import|src="http|url\(/i);
  expect(html).toMatch(/style="/);
  expect(mail.attachments).toHaveLength(1);
  const [attachment] = mail.attachments;
  expect(attachment?.filename).toBe('2025-06-06-us-china-leaders-call.pdf');
  expect(attachment?.contentType).toBe('application/pdf');
  expect(Buffer.compare(attachment?.content ?? Buffer.alloc(0), pdf)).toBe(0);
}

describe('the briefing as an e-mail', () => {
  const addressing = {to: ['someone@example.org'], from: 'Desk <desk@example.org>', subjectPrefix: '[Briefing]'};

  it('writes an .eml that a MIME parser reads back: headers, both bodies, the PDF byte for byte', async () => {
    const eml = await composeEml(createEmailMessage(input, addressing));
    const mail = await simpleParser(eml);
    await checkBriefingMail(mail);
    expect(mail.headers.get('x-unsent')).toBe('1');
  });

  it('takes the subject from the flags, and the front matter’s suggestions only behind the opt-in', () => {
    const suggesting = {...input, matter: {...input.matter, email: {to: 'list@example.org', subject: 'From matter'}}};
    const flagged = createEmailMessage(suggesting, {subject: 'Flag subject', recipientsFromManuscript: true});
    expect(flagged.subject).toBe('Flag subject');
    expect(flagged.to).toEqual([{name: '', address: 'list@example.org'}]);
    const ignored = createEmailMessage(suggesting, {}, {to: ['desk@example.org'], subjectPrefix: '[Briefing]'});
    expect(ignored.subject).toBe(`[Briefing] ${input.matter.title}`);
    expect(ignored.to).toEqual([{name: '', address: 'desk@example.org'}]);
    const optedIn = createEmailMessage(suggesting, {}, {to: ['desk@example.org'], recipientsFromManuscript: true});
    expect([optedIn.subject, optedIn.to?.map((mailbox) => mailbox.address)]).toEqual(['From matter', ['list@example.org']]);
  });

  it('dates the message when it is written, not with the briefing’s date', () => {
    const before = Date.now();
    const {date} = createEmailMessage(input, addressing);
    expect(input.matter.date).toBe('2025-06-06');
    expect(date.getTime()).toBeGreaterThanOrEqual(before);
    expect(date.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('delivers it over SMTP to a real server, intact', async () => {
    const before = smtp.received.length;
    const result = await sendEmail(createEmailMessage(input, addressing), `smtp://127.0.0.1:${smtp.port}`);
    expect(result.response).toMatch(/^250/);
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.envelopes.at(-1)).toEqual({from: 'desk@example.org', to: ['someone@example.org']});
    await checkBriefingMail(await simpleParser(smtp.received.at(-1) ?? Buffer.alloc(0)));
  });

  it('sends with the envelope envelopeOf shows: the sender and each recipient once', async () => {
    const message = createEmailMessage(input, {...addressing, to: ['someone@example.org', 'Other <other@example.org>'], cc: ['SOMEONE@example.org', 'copy@example.org']});
    const envelope = envelopeOf(message);
    expect(envelope).toEqual({from: 'desk@example.org', to: ['someone@example.org', 'other@example.org', 'copy@example.org']});
    await sendEmail(message, `smtp://127.0.0.1:${smtp.port}`);
    expect(smtp.envelopes.at(-1)).toEqual({from: envelope.from, to: [...envelope.to]});
  });

  it('reports a refused delivery with the server reply', async () => {
    const message = createEmailMessage(input, {...addressing, to: ['nobody@refused.example']});
    await expect(sendEmail(message, `smtp://127.0.0.1:${smtp.port}`)).rejects.toThrow(/550.*Mailbox unavailable/);
  });

  it('refuses credentials in the URL and a message without recipients', async () => {
    await expect(sendEmail(createEmailMessage(input, addressing), `smtp://user:secret@127.0.0.1:${smtp.port}`)).rejects.toThrow(DeliveryError);
    await expect(sendEmail(createEmailMessage(input, {from: 'desk@example.org'}), `smtp://127.0.0.1:${smtp.port}`)).rejects.toThrow(/No recipient/);
    await expect(sendEmail(createEmailMessage(input, {to: ['someone@example.org']}), `smtp://127.0.0.1:${smtp.port}`)).rejects.toThrow(/No sender/);
  });
});
