import type {Browser, HTTPRequest, Page} from 'puppeteer-core';

export interface PrintOptions {
  /** Milliseconds for loading and printing one document. */
  readonly timeout: number;
}

/**
 * A browser tab set up for printing untrusted documents, reused from one document to
 * the next: JavaScript off, and every request the page makes aborted (the documents
 * inline their fonts and images as `data:` URLs, which need no request).
 */
export class PrintTab {
  readonly #page: Page;

  private constructor(page: Page) {
    this.#page = page;
  }

  /**
   * Open a tab in the browser.
   *
   * @param {Browser} browser
   *   A running browser.
   * @param {boolean} reuseBlank
   *   Take the blank tab Chromium starts with instead of opening one (for the first tab
   *   only: a tab that has printed still reports `about:blank`).
   * @returns {Promise<PrintTab>}
   *   The tab.
   */
  static async open(browser: Browser, reuseBlank = false): Promise<PrintTab> {
    const blank = reuseBlank ? (await browser.pages()).find((page) => page.url() === 'about:blank') : undefined;
    const page = blank ?? (await browser.newPage());
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      void request.abort('blockedbyclient');
    });
    return new PrintTab(page);
  }

  /**
   * Print a complete HTML document to PDF bytes.
   *
   * @param {string} html
   *   The document.
   * @param {PrintOptions} options
   *   Time budget.
   * @returns {Promise<Uint8Array>}
   *   The PDF.
   */
  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    await this.#page.setContent(html, {waitUntil: 'load', timeout: options.timeout});
    return this.#page.pdf({
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      timeout: options.timeout
    });
  }

  /** Close the tab. */
  async close(): Promise<void> {
    await this.#page.close();
  }
}
