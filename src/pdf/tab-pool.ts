import type {Browser} from 'puppeteer-core';
import {withDeadline} from '../util/deadline.js';
import type {PrintPage} from '../html/print-page.js';
import {PrintTab} from './print-tab.js';

/**
 * A reused tab's renderer keeps growing (about 0.6 MB a document); after this many
 * documents it is closed and a fresh one takes its place, so long batches stay flat.
 */
export const recycleAfter = 50;

/** Milliseconds a warm-up page may take to load (it takes a few dozen). */
const warmUpBudget = 3000;

interface Waiter {
  resolve(tab: PrintTab): void;
  reject(error: unknown): void;
}

/**
 * The tabs of one browser, reused from document to document: opening a tab costs a few
 * hundred milliseconds, printing a short document in a warm one much less. Tabs are
 * opened only when every open tab is busy, up to `size`; beyond that, callers wait.
 */
export class TabPool {
  readonly #browser: Browser;
  readonly #size: number;
  readonly #timeout: number;
  readonly #idle: PrintTab[] = [];
  readonly #waiting: Waiter[] = [];
  readonly #prints = new WeakMap<PrintTab, number>();
  #count = 0;
  #opened = 0;
  #closed: unknown;

  /**
   * @param {Browser} browser
   *   The browser whose tabs these are.
   * @param {number} size
   *   Most tabs open at once.
   * @param {number} timeout
   *   Milliseconds to wait for a new tab.
   */
  constructor(browser: Browser, size: number, timeout: number) {
    this.#browser = browser;
    this.#size = Math.max(1, size);
    this.#timeout = timeout;
  }

  /**
   * Take a tab: an idle one, a new one, or the next one given back.
   *
   * @returns {Promise<PrintTab>}
   *   A tab that is the caller's until `release` or `discard`.
   */
  acquire(): Promise<PrintTab> {
    if (this.#closed !== undefined) return Promise.reject(this.#closed);
    const idle = this.#idle.pop();
    if (idle) return Promise.resolve(idle);
    return new Promise((resolve, reject) => {
      this.#waiting.push({resolve, reject});
      this.#serve();
    });
  }

  /**
   * Open the first tab now, before any document asks for one, so that it is set up
   * while the first document's HTML is still being made, and load `page` in it: a page
   * with the fonts the documents will use (see `warmUpPage`). A document that asks for
   * the tab first gets it without the page.
   *
   * @param {Promise<PrintPage | undefined>} page
   *   The page, or undefined for none; it must settle.
   * @returns {void}
   */
  warm(page: Promise<PrintPage | undefined> = Promise.resolve(undefined)): void {
    if (this.#count > 0 || this.#closed !== undefined) return;
    this.acquire().then(
      async (tab) => {
        try {
          const warmUp = await page;
          // A head start that takes long is no head start: the first document waits for it.
          if (warmUp !== undefined && this.#waiting.length === 0) await tab.load(warmUp, {timeout: Math.min(this.#timeout, warmUpBudget)});
        } catch {
          // Only a head start is lost: the document loads its fonts itself.
        } finally {
          this.release(tab, false);
        }
      },
      () => undefined
    );
  }

  /**
   * Give a tab back for the next document.
   *
   * @param {PrintTab} tab
   *   A tab from `acquire`.
   * @param {boolean} printed
   *   Whether it printed a document (false for a tab opened ahead).
   * @returns {void}
   */
  release(tab: PrintTab, printed = true): void {
    const prints = (this.#prints.get(tab) ?? 0) + (printed ? 1 : 0);
    if (prints >= recycleAfter) {
      void this.discard(tab, this.#timeout);
      return;
    }
    this.#prints.set(tab, prints);
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve(tab);
    else this.#idle.push(tab);
  }

  /**
   * Close a tab that cannot be trusted any more (it timed out), making room for a new one.
   *
   * @param {PrintTab} tab
   *   A tab from `acquire`.
   * @param {number} grace
   *   Milliseconds to wait for the close.
   * @returns {Promise<boolean>}
   *   Whether the browser closed it in time; if not, the browser itself is stuck.
   */
  async discard(tab: PrintTab, grace: number): Promise<boolean> {
    this.#count--;
    this.#serve();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), grace);
    });
    const closed = tab.close().then(
      () => true,
      () => false
    );
    try {
      return await Promise.race([closed, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Stop serving: every caller still waiting gets `reason`.
   *
   * @param {unknown} reason
   *   Why (the browser is gone).
   * @returns {void}
   */
  close(reason: unknown): void {
    this.#closed = reason;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(reason);
  }

  /** Open a tab for the first waiter when there is room. */
  #serve(): void {
    if (this.#waiting.length === 0 || this.#count >= this.#size || this.#closed !== undefined) return;
    const waiter = this.#waiting.shift() as Waiter;
    this.#count++;
    // The first tab is the blank one Chromium starts with.
    withDeadline(PrintTab.open(this.#browser, this.#opened++ === 0), this.#timeout, () => new Error(`Chromium did not open a tab within ${this.#timeout} ms`)).then(
        (tab) => waiter.resolve(tab),
        (error: unknown) => {
          this.#count--;
          waiter.reject(error);
          this.#serve();
        }
      );
  }
}
