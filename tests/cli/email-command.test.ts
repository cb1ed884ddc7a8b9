import {readFile, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {simpleParser} from 'mailparser';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSmtpServer, type TestSmtpServer} from '../helpers/smtp.js';
import {run, temporaryFolder} from './helpers.js';

/** `briefing email` as a user runs it, against a local SMTP server. */
let folder: {dir: string; remove(): Promise<void>};
let smtp: TestSmtpServer;

beforeAll(async () => {
  folder = await temporaryFolder('email-command');
  const sample = await readFile('manuscripts/us-china-leaders-call.md', 'utf8');
  await writeFile(path.join(folder.dir, 'sample.md'), sample);
  await writeFile(path.join(folder.dir, 'broken.md'), '---\ntitle: Broken\nsubtitel: typo\n---\n\nText.\n');
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp.close();
  await folder.remove();
});

describe('briefing email', () => {
  it('writes out/<name>.eml with the cover and the PDF, and --send delivers the same message', async () => {
    const result = await run(['email', 'sample.md', '--to', 'a@example.org', '--to', 'b@example.org', '--from', 'desk@example.org', '--subject-prefix', '[Briefing]', '--send'], {
      cwd: folder.dir,
      env: {BRIEFING_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`}
    });
    expect(result.stderr).toMatch(/sample\.md → out\/sample\.eml/);
    expect(result.stderr).toMatch(/✉ sending through 127\.0\.0\.1:\d+ \(smtp\):\n {2}MAIL FROM <desk@example\.org>\n {2}RCPT TO {3}<a@example\.org>\n {2}RCPT TO {3}<b@example\.org>\n/);
    expect(result.stderr).toMatch(/sent to a@example\.org, b@example\.org: 250/);
    expect(smtp.envelopes.at(-1)).toEqual({from: 'desk@example.org', to: ['a@example.org', 'b@example.org']});
    expect(result.code).toBe(0);

    const written = await simpleParser(await readFile(path.join(folder.dir, 'out', 'sample.eml')));
    const delivered = await simpleParser(smtp.received.at(-1) ?? Buffer.alloc(0));
    for (const mail of [written, delivered]) {
      expect(mail.subject).toMatch(/^\[Briefing\] The Xi–Trump Call/);
      expect(mail.text).toContain('Elbrus Mamedov');
      expect(String(mail.html)).toContain('Key judgements');
      expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['2025-06-06-sample.pdf']);
    }
    expect(Buffer.compare(written.attachments[0]?.content ?? Buffer.alloc(0), delivered.attachments[0]?.content ?? Buffer.alloc(1))).toBe(0);
    // Credentials never travel in the URL, and nothing secret is printed.
    expect(result.stderr).not.toMatch(/password/i);
  });

  it('fails with the position of the problem when the manuscript is broken, and writes no message', async () => {
    const result = await run(['email', 'broken.md', '--to', 'a@example.org'], {cwd: folder.dir});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.md:3:1: error Unexpected front-matter key `subtitel`/);
    expect(await readdir(path.join(folder.dir, 'out')).catch(() => [])).not.toContain('broken.eml');
  });

  it('explains a missing SMTP server and a bad address as usage errors', async () => {
    const send = await run(['email', 'sample.md', '--to', 'a@example.org', '--send'], {cwd: folder.dir, env: {BRIEFING_SMTP_URL: ''}});
    expect(send.code).toBe(2);
    expect(send.stderr).toMatch(/BRIEFING_SMTP_URL/);
    const address = await run(['email', 'sample.md', '--to', 'not-an-address'], {cwd: folder.dir});
    expect(address.code).toBe(2);
    expect(address.stderr).toMatch(/Invalid --to: `not-an-address` is not an e-mail address/);
    const two = await run(['email', 'sample.md', '--to', 'a@example.org,b@example.org'], {cwd: folder.dir});
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/Invalid --to: `a@example\.org,b@example\.org` holds more than one address, expected exactly one; repeat --to for each recipient/);
  });

  it('reports a delivery the server cannot take, with exit status 1', async () => {
    const result = await run(['email', 'sample.md', '--to', 'a@example.org', '--from', 'desk@example.org', '--send'], {cwd: folder.dir, env: {BRIEFING_SMTP_URL: 'smtp://127.0.0.1:9'}});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Delivery to 127\.0\.0\.1:9 failed/);
  });
});
