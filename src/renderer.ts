import type {Browser} from 'puppeteer';
import type {VFile} from 'vfile';
import {resolveSettings, type Settings, type SettingsLayer} from './config.js';
import {checkInput} from './markdown/check-input.js';
import {hasErrors, reportError} from './messages.js';
import {ChromiumProcess} from './print/chromium.js';
import {findBrowser} from './print/find-browser.js';
import type {PrintTab} from './print/print-tab.js';
import type {BriefingProcessor} from './processor.js';

/** A rendered manuscript. `ok` is false when it has errors and nothing was made. */
export interface Rendered {
  readonly file: VFile;
  readonly ok: boolean;
  readonly html?: string;
  readonly pdf?: Uint8Array;
  readonly pages?: number;
}

/** Which outputs to make for one document. */
export interface RenderRequest {
  readonly pdf: boolean;
}

interface Printing {
  readonly chromium: ChromiumProcess;
  readonly browser: Browser;
  readonly tab: PrintTab;
}

/**
 * Turns manuscripts into HTML and PDF. It builds the processor once and owns one
 * Chromium, started on first need (or early, see `createRenderer`) and closed by
 * `close()`, so `await using renderer = await createRenderer(settings)` cleans up on
 * every path.
 */
export class Renderer implements AsyncDisposable {
  readonly #settings: Settings;
  readonly #processor: BriefingProcessor;
  #chromium: ChromiumProcess | undefined;
  #printing: Promise<Printing> | undefined;
  #closed = false;

  /**
   * Use `createRenderer`.
   *
   * @param {Settings} settings
   *   Resolved settings.
   * @param {BriefingProcessor} processor
   *   The frozen processor.
   * @param {ChromiumProcess | undefined} chromium
   *   A Chromium already started for this renderer, which it now owns.
   */
  constructor(settings: Settings, processor: BriefingProcessor, chromium?: ChromiumProcess) {
    this.#settings = settings;
    this.#processor = processor;
    this.#chromium = chromium;
  }

  /**
   * Render one manuscript.
   *
   * @param {VFile} file
   *   The manuscript, with `path` and `value`.
   * @param {RenderRequest} request
   *   Whether to print a PDF too.
   * @returns {Promise<Rendered>}
   *   The outputs, or `ok: false` with the problems as messages on `file`.
   */
  async render(file: VFile, request: RenderRequest): Promise<Rendered> {
    if (!checkInput(file)) return {file, ok: false};
    let result;
    try {
      result = await this.#processor.process(file);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // The limits above should make this unreachable; never show a stack trace for input.
      reportError(file, 'Manuscript too deeply nested to process, expected a flatter structure', {line: 1, column: 1}, 'input-nesting');
    }
    if (hasErrors(file) || result === undefined) return {file, ok: false};
    const html = String(result);
    if (!request.pdf) return {file, ok: true, html};

    const {printed, browserVersion} = await this.#print(html);
    const [{setPdfMetadata}, {generator}] = await Promise.all([import('./print/pdf-metadata.js'), import('./version.js')]);
    const matter = file.data.matter;
    const {bytes, pages} = await setPdfMetadata(printed, {
      title: matter?.title ?? 'Untitled',
      authors: matter?.authors.map((author) => author.name) ?? [],
      subject: matter?.subtitle,
      keywords: matter?.tags ?? [],
      creator: generator,
      producer: `${generator} (${browserVersion}, pdf-lib)`,
      lang: matter?.lang ?? 'en',
      date: documentDate(matter?.date)
    });
    return {file, ok: true, html, pdf: bytes, pages};
  }

  /** Close the browser, if one was started. Safe to call more than once. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#stopPrinting();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /**
   * Print on the shared browser. A browser that hangs or crashes is not reused: it is
   * stopped, and the next print gets a fresh one. After a crash the document is tried
   * once more on the fresh browser; after a timeout it is not (it would hang again).
   */
  async #print(html: string): Promise<{printed: Uint8Array; browserVersion: string}> {
    const {timeout} = this.#settings;
    for (let attempt = 1; ; attempt++) {
      try {
        const {browser, tab} = await withTimeout(this.#startPrinting(), timeout, 'starting Chromium');
        const printed = await withTimeout(tab.print(html, {timeout}), timeout, 'printing');
        return {printed, browserVersion: await withTimeout(browser.version(), timeout, 'asking Chromium its version')};
      } catch (error) {
        await this.#stopPrinting();
        if (this.#closed || attempt > 1 || error instanceof TimeoutError) throw error;
      }
    }
  }

  /** Stop Chromium (politely, then by force) and forget it. */
  async #stopPrinting(): Promise<void> {
    const printing = this.#printing;
    const chromium = this.#chromium;
    this.#printing = undefined;
    this.#chromium = undefined;
    const started = await printing?.catch(() => undefined);
    if (started) await Promise.race([started.browser.close().catch(() => undefined), delay(1000)]);
    await chromium?.kill();
  }

  #startPrinting(): Promise<Printing> {
    if (this.#closed) return Promise.reject(new Error('The renderer is closed'));
    this.#printing ??= (async () => {
      this.#chromium ??= new ChromiumProcess(findBrowser(this.#settings.browser));
      const chromium = this.#chromium;
      const browser = await chromium.connect(this.#settings.timeout);
      const {PrintTab} = await import('./print/print-tab.js');
      return {chromium, browser, tab: await PrintTab.open(browser)};
    })();
    return this.#printing;
  }
}

/**
 * Create a renderer. When PDFs are wanted, Chromium is spawned first, before the
 * Markdown and HTML modules load, so the browser boots while they do.
 *
 * @param {Settings} settings
 *   Defaults and project configuration.
 * @param {SettingsLayer} override
 *   Flags for this run: they beat what a manuscript's front matter chooses.
 * @returns {Promise<Renderer>}
 *   A renderer; close it when done.
 */
export async function createRenderer(settings: Settings, override: SettingsLayer = {}): Promise<Renderer> {
  const run = resolveSettings(settings, override);
  const chromium = run.formats.includes('pdf') ? new ChromiumProcess(findBrowser(run.browser)) : undefined;
  try {
    const [{createProcessor}, {createTemplateLoader}] = await Promise.all([import('./processor.js'), import('./html/load-template.js')]);
    const templates = createTemplateLoader();
    // Load the run's template now: a missing one is an error before any document.
    await templates(run.template);
    const processor = createProcessor({settings, override, templates, root: run.root ?? process.cwd()});
    return new Renderer(run, processor, chromium);
  } catch (error) {
    await chromium?.kill();
    throw error;
  }
}

/**
 * The date a PDF records: `SOURCE_DATE_EPOCH` for reproducible builds, else the
 * briefing's own date, else now.
 *
 * @param {string | undefined} date
 *   Front matter `date`.
 * @returns {Date}
 *   The date.
 */
export function documentDate(date: string | undefined): Date {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (date) return new Date(date);
  return new Date();
}

/** A step that ran out of time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Settle with the promise, or fail after `ms` with a message naming the step.
 *
 * @template T
 * @param {Promise<T>} promise
 *   Work.
 * @param {number} ms
 *   Budget.
 * @param {string} step
 *   What the work is, for the message.
 * @returns {Promise<T>}
 *   The work's result.
 */
function withTimeout<T>(promise: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${(ms / 1000).toFixed(1)} s while ${step}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
