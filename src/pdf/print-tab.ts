import type {Browser, HTTPRequest, Page} from 'puppeteer-core';
import type {PrintPage} from '../html/print-page.js';
import {withStableNodeIds} from './pdf-node-ids.js';

export interface PrintOptions {
  /** Milliseconds for loading and printing one document. */
  readonly timeout: number;
}

/**
 * A browser tab set up for printing untrusted documents, reused from one document to
 * the next: JavaScript off, and every request the page makes aborted (the documents
 * inline their images as `data:` URLs, which need no request), except for the fonts
 * of the page being printed, which the tab answers itself (see `PrintPage`).
 */
export class PrintTab {
  readonly #page: Page;
  /** The fonts this tab may be asked for: those of the page it is loading. */
  #fonts: ReadonlyMap<string, Uint8Array> = new Map();

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
    const tab = new PrintTab(page);
    page.on('request', (request: HTTPRequest) => tab.#answer(request));
    return tab;
  }

  /**
   * Print a complete HTML document to PDF bytes.
   *
   * @param {PrintPage} page
   *   The document's print copy and its fonts.
   * @param {PrintOptions} options
   *   Time budget.
   * @returns {Promise<Uint8Array>}
   *   The PDF.
   */
  async print(page: PrintPage, options: PrintOptions): Promise<Uint8Array> {
    await this.load(page, options);
    const pdf = await this.#page.pdf({
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      timeout: options.timeout
    });
    // The tag tree's ids would otherwise say what the renderer printed before this document.
    return withStableNodeIds(pdf);
  }

  /**
   * Load a complete HTML document, its fonts included.
   *
   * @param {PrintPage} page
   *   The document's print copy and its fonts.
   * @param {PrintOptions} options
   *   Time budget.
   * @returns {Promise<void>}
   *   Resolves when it has loaded.
   */
  async load(page: PrintPage, options: PrintOptions): Promise<void> {
    this.#fonts = page.fonts;
    await this.#page.setContent(page.html, {waitUntil: 'load', timeout: options.timeout});
  }

  /** Serve a font this tab knows; abort any other request. */
  #answer(request: HTTPRequest): void {
    if (request.isInterceptResolutionHandled()) return;
    const font = request.method() === 'GET' ? this.#fonts.get(request.url()) : undefined;
    if (font === undefined) {
      void request.abort('blockedbyclient');
      return;
    }
    void request.respond({
      status: 200,
      contentType: `font/${request.url().slice(request.url().lastIndexOf('.') + 1)}`,
      // Kept in the tab's memory cache for the next documents; the page's origin is opaque.
      headers: {'Cache-Control': 'max-age=31536000, immutable', 'Access-Control-Allow-Origin': '*'},
      body: Buffer.from(font.buffer, font.byteOffset, font.byteLength)
    });
  }

  /** Close the tab. */
  async close(): Promise<void> {
    await this.#page.close();
  }
}
