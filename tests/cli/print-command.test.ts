import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {run, temporaryFolder} from './helpers.js';

/** `briefing print` as a user runs it, on the CUPS test printer (scripts/test-services.sh). */
let folder: {dir: string; remove(): Promise<void>};

beforeAll(async () => {
  folder = await temporaryFolder('print-command');
  await writeFile(path.join(folder.dir, 'sample.md'), await readFile('manuscripts/us-china-leaders-call.md', 'utf8'));
});

afterAll(async () => {
  await folder.remove();
});

describe('briefing print', () => {
  it('prints the print edition duplex on the CUPS test printer and waits for the job', async () => {
    const result = await run(['print', 'sample.md', '--printer', 'briefing-test', '--duplex', '--copies', '2', '--wait'], {cwd: folder.dir});
    expect(result.stderr).toMatch(/sample\.md → briefing-test: job briefing-test-\d+, \d+ pages × 2, duplex, done/);
    expect(result.code).toBe(0);
  });

  it('says clearly when the printer does not exist, and refuses bad copies', async () => {
    const missing = await run(['print', 'sample.md', '--printer', 'no-such-printer'], {cwd: folder.dir});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Printer `no-such-printer` refused the job: .*does not exist/);
    const copies = await run(['print', 'sample.md', '--copies', 'zero'], {cwd: folder.dir});
    expect(copies.code).toBe(2);
  });
});
