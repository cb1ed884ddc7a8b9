/**
 * briefing's print path alone: spawn Chromium, connect, print finished pages on a pool of
 * tabs, write the PDFs, let Chromium close, as `briefing build` does, but with no Markdown
 * work at all. With one page it is case 1's "print path alone"; with a batch's pages it is
 * case 2's batch floor (as many tabs as `briefing build` uses, each printing the next page
 * when it is free). Bundled by `run.ts` the way the command is.
 *
 * A finished page inlines its fonts as `data:` URLs; a print tab's copy fetches them by
 * content-named URL, which the tab answers from memory and caches, so no font is parsed
 * twice in a batch. The page is turned into that copy first (fonts to `fontOrigin` URLs,
 * the policy's `font-src` with them), so the tabs do what they do in a build.
 *
 * Usage: node print-only/print-only.js <out folder> <page.html>...
 */
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {ChromiumProcess} from '../src/pdf/chromium.js';
import {findBrowser} from '../src/pdf/find-browser.js';

const [outDir, ...inputs] = process.argv.slice(2);
if (!outDir || inputs.length === 0) throw new Error('usage: print-only <out folder> <page.html>...');
// Spawned before the print modules load, as `briefing build` does.
const chromium = new ChromiumProcess(findBrowser(undefined));
const [{PrintSession}, {fontOrigin}, {defaults}] = await Promise.all([
  import('../src/pdf/print-session.js'),
  import('../src/html/page-policy.js'),
  import('../src/config/config.js')
]);

/** The print tab's copy of a finished page: its fonts by URL, their bytes beside it. */
function printCopy(html: string): {html: string; fonts: Map<string, Uint8Array>} {
  const fonts = new Map<string, Uint8Array>();
  const page = html
    .replace(/url\((["']?)data:font\/(\w+);base64,([A-Za-z0-9+/=]+)\1\)/g, (_, quote: string, format: string, data: string) => {
      const bytes = Buffer.from(data, 'base64');
      const url = `${fontOrigin}/${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${format}`;
      fonts.set(url, bytes);
      return `url(${quote}${url}${quote})`;
    })
    .replace('font-src data:', `font-src ${fontOrigin}`);
  return {html: page, fonts};
}

const timeout = 30_000;
const tabs = Math.min(defaults.concurrency, inputs.length);
const session = new PrintSession(chromium, {timeout, tabs});
mkdirSync(outDir, {recursive: true});
try {
  const {pool} = await session.ready;
  const queue = inputs.values();
  const worker = async (): Promise<void> => {
    for (const input of queue) {
      const page = printCopy(readFileSync(input, 'utf8'));
      const tab = await pool.acquire();
      try {
        writeFileSync(path.join(outDir, `${path.basename(input, '.html')}.pdf`), await tab.print(page, {timeout}));
      } finally {
        pool.release(tab);
      }
    }
  };
  await Promise.all(Array.from({length: tabs}, worker));
} finally {
  await session.stop(false);
}
