import type {Browser} from 'puppeteer-core';
import type {PrintPage} from '../html/print-page.js';
import type {ChromiumProcess} from './chromium.js';
import {TabPool} from './tab-pool.js';

/** A connected browser, ready to print. */
export interface Printer {
  readonly browser: Browser;
  readonly pool: TabPool;
  /** Chromium's version, for the PDF's Producer. */
  readonly version: string;
}

export interface PrintSessionOptions {
  /** Milliseconds to wait for Chromium to answer. */
  readonly timeout: number;
  /** Most tabs printing at once. */
  readonly tabs: number;
  /** A page for the first tab to load while the first document is made (see `TabPool.warm`). */
  readonly warmUp?: Promise<PrintPage | undefined> | undefined;
}

/**
 * One Chromium process and the tabs it prints in, from start to stop. A session that
 * lost its browser (crashed, killed) is not reused: the renderer starts a new one.
 */
export class PrintSession {
  readonly ready: Promise<Printer>;
  readonly #chromium: ChromiumProcess;
  #alive = true;
  #stopped: Promise<void> | undefined;

  /**
   * Connect to a Chromium process, which the session now owns.
   *
   * @param {ChromiumProcess} chromium
   *   A started process.
   * @param {PrintSessionOptions} options
   *   Time budget and pool size.
   */
  constructor(chromium: ChromiumProcess, options: PrintSessionOptions) {
    this.#chromium = chromium;
    void chromium.exited.then(() => this.#lost());
    this.ready = (async () => {
      const browser = await chromium.connect(options.timeout);
      const pool = new TabPool(browser, options.tabs, options.timeout);
      pool.warm(options.warmUp);
      browser.once('disconnected', () => {
        pool.close(new Error('Chromium closed unexpectedly'));
        this.#lost();
      });
      return {browser, pool, version: await browser.version()};
    })();
    // A failed start is seen by whoever awaits `ready`; this keeps it from being unhandled.
    this.ready.catch(() => this.#lost());
  }

  /** False once the browser is gone or stopping. */
  get alive(): boolean {
    return this.#alive;
  }

  /**
   * Close the browser (politely, then by force) and remove its profile. Safe to call
   * more than once and from several failed prints at the same time.
   *
   * @param {boolean} wait
   *   Wait until the process is gone (default). When false and Chromium has accepted
   *   `Browser.close`, it is left to finish closing on its own (see
   *   `ChromiumProcess.detach`).
   * @returns {Promise<void>}
   *   Resolves when the process is gone, or has been told to close and let go.
   */
  stop(wait = true): Promise<void> {
    this.#alive = false;
    this.#stopped ??= (async () => {
      const printer = await this.ready.catch(() => undefined);
      printer?.pool.close(new Error('The browser was stopped'));
      let closing = false;
      if (printer?.browser.connected) {
        closing = await Promise.race([printer.browser.close().then(() => true, () => false), delay(1000).then(() => false)]);
      }
      if (closing && !wait && this.#chromium.detach()) return;
      await this.#chromium.kill();
    })();
    return this.#stopped;
  }

  #lost(): void {
    if (!this.#alive) return;
    void this.stop();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
