import {delay} from './processes.js';

// Opening outputs as a recipient would: a plain browser, JavaScript on, network on.

/** The Chromium the pipeline itself finds. */
export const chromiumPath = '/usr/lib/chromium/chromium-headless-shell';

export interface Opened {
  readonly file: string;
  /** Every request the page made, but for `data:` URLs and the page itself. */
  readonly requests: readonly string[];
  /** The text of the page and of every frame in it. */
  readonly text: string;
}

/**
 * Open HTML files from disk in an unprotected headless Chromium, the way a recipient
 * double-clicks an attachment: JavaScript enabled, no request interception. Only the
 * page's own defences (sanitising, its Content-Security-Policy) are left.
 *
 * @param files
 *   Absolute paths of HTML files.
 * @param onOpened
 *   Called after each page, before the next is opened.
 * @returns
 *   What each page requested and showed.
 */
export async function openInPlainBrowser(files: readonly string[], onOpened?: (opened: Opened) => void): Promise<Opened[]> {
  const {default: puppeteer} = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: 'shell',
    pipe: true,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : []
  });
  try {
    const opened: Opened[] = [];
    for (const file of files) {
      const page = await browser.newPage();
      const self = `file://${file}`;
      const requests: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith('data:') && url !== self) requests.push(url);
      });
      await page.goto(self, {waitUntil: 'load', timeout: 20_000});
      // Give late loads (meta refresh, timers, lazy images) a moment.
      await delay(300);
      const texts = await Promise.all(page.frames().map((frame) => frame.evaluate('document.documentElement.innerText').then(String, () => '')));
      const result = {file, requests, text: texts.join('\n')};
      opened.push(result);
      onOpened?.(result);
      await page.close();
    }
    return opened;
  } finally {
    await browser.close();
  }
}
