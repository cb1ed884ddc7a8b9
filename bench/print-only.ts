/**
 * briefing's print path alone, for case 1: spawn Chromium, connect, open a tab, print a
 * finished page, write the PDF, let Chromium close, as `briefing build` does, but with no
 * Markdown work at all. Bundled by `run.ts` the way the command is.
 *
 * Usage: node print-only/print-only.js <page.html> <out.pdf>
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {ChromiumProcess} from '../src/pdf/chromium.js';
import {findBrowser} from '../src/pdf/find-browser.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: print-only <page.html> <out.pdf>');
// Spawned before the print modules load, as `briefing build` does.
const chromium = new ChromiumProcess(findBrowser(undefined));
const {PrintSession} = await import('../src/pdf/print-session.js');
const session = new PrintSession(chromium, {timeout: 30_000, tabs: 1});
try {
  const html = readFileSync(input, 'utf8');
  const {pool} = await session.ready;
  const tab = await pool.acquire();
  // The finished page inlines its fonts, which its own policy allows.
  writeFileSync(output, await tab.print({html, fonts: new Map()}, {timeout: 30_000}));
  pool.release(tab);
} finally {
  await session.stop(false);
}
