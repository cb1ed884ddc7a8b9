import type {Browser} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ChromiumProcess} from '../../src/pdf/chromium.js';
import {findBrowser} from '../../src/pdf/find-browser.js';
import {recycleAfter, TabPool} from '../../src/pdf/tab-pool.js';
import type {PrintPage} from '../../src/html/print-page.js';

/** A page with no fonts to serve. */
const page = (html: string): PrintPage => ({html, fonts: new Map()});

let chromium: ChromiumProcess;
let browser: Browser;

beforeAll(async () => {
  chromium = new ChromiumProcess(findBrowser(undefined));
  browser = await chromium.connect(30_000);
});

afterAll(async () => {
  await browser.close().catch(() => undefined);
  await chromium.kill();
});

describe('TabPool', () => {
  it('reuses one tab, then replaces it after recycleAfter documents, and the new one prints', async () => {
    const pool = new TabPool(browser, 1, 30_000);
    const first = await pool.acquire();
    pool.release(first);
    for (let round = 1; round < recycleAfter - 1; round++) {
      const tab = await pool.acquire();
      expect(tab).toBe(first);
      pool.release(tab);
    }
    const last = await pool.acquire();
    expect(last).toBe(first);
    pool.release(last);

    const fresh = await pool.acquire();
    expect(fresh).not.toBe(first);
    const pdf = await fresh.print(page('<!doctype html><title>t</title><p>Printed on a fresh tab.</p>'), {timeout: 30_000});
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    pool.release(fresh);
    // The old tab is gone: the pool never holds more tabs than its size.
    await expect.poll(async () => (await browser.pages()).length).toBe(1);
  });

  it('opens a tab ahead with warm(), which hands it out without counting it as a print', async () => {
    const pool = new TabPool(browser, 1, 30_000);
    pool.warm();
    const tab = await pool.acquire();
    for (let round = 1; round < recycleAfter; round++) {
      pool.release(tab);
      expect(await pool.acquire()).toBe(tab);
    }
    pool.release(tab);
    expect(await pool.acquire()).not.toBe(tab);
  });

  it('loads the warm-up page in the tab it opens ahead, unless a document asks for the tab first', async () => {
    const contents = async (): Promise<string[]> => Promise.all((await browser.pages()).map((page) => page.content()));
    const warmed = new TabPool(browser, 1, 30_000);
    warmed.warm(Promise.resolve(page('<!doctype html><title>w</title><p>warm-up marker one</p>')));
    await expect.poll(async () => (await contents()).some((html) => html.includes('warm-up marker one'))).toBe(true);
    const tab = await warmed.acquire();
    const pdf = await tab.print(page('<!doctype html><title>t</title><p>Printed after the warm-up.</p>'), {timeout: 30_000});
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    await tab.close();

    let give: (warmUp: PrintPage) => void = () => undefined;
    const late = new TabPool(browser, 1, 30_000);
    late.warm(new Promise((resolve) => (give = resolve)));
    const asked = late.acquire();
    give(page('<!doctype html><title>w</title><p>warm-up marker two</p>'));
    const second = await asked;
    expect((await contents()).some((html) => html.includes('warm-up marker two'))).toBe(false);
    await second.close();
  });

  it('makes callers wait for a tab when all are busy, and hands the released one over', async () => {
    const pool = new TabPool(browser, 1, 30_000);
    const held = await pool.acquire();
    let handed: unknown;
    const waiting = pool.acquire().then((tab) => (handed = tab));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handed).toBeUndefined();
    pool.release(held);
    await waiting;
    expect(handed).toBe(held);
  });
});
