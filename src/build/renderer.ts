import {access} from 'node:fs/promises';
import path from 'node:path';
import type {VFile} from 'vfile';
import {isSettings, settingsOf, type Settings, type SettingsLayer} from '../config/config.js';
import {checkInput} from '../markdown/check-input.js';
import {hasErrors, reportError} from '../messages/messages.js';
import {ChromiumProcess} from '../pdf/chromium.js';
import {findBrowser} from '../pdf/find-browser.js';
import type {PrintSession} from '../pdf/print-session.js';
import type {PrintTab} from '../pdf/print-tab.js';
import {withDeadline} from '../util/deadline.js';
import {HtmlStage, HtmlTimeoutError} from '../pipeline/html-stage.js';
import type {PrintPage} from '../html/print-page.js';
import {pdfActions, refusedAction} from '../pdf/pdf-links.js';
import {setPdfMetadata} from '../pdf/pdf-metadata.js';
import {templateDir} from '../html/template/template-dir.js';
import {timelineMark} from '../util/timeline.js';
import {generator} from '../util/version.js';

/** A rendered manuscript. `ok` is false when it has errors and nothing was made. */
export interface Rendered {
  readonly file: VFile;
  readonly ok: boolean;
  readonly html?: string;
  /** The page as the print tab loads it (fonts by URL), when PDFs are wanted. */
  readonly printPage?: PrintPage;
  readonly pdf?: Uint8Array;
  readonly pages?: number;
}

/** How to close a renderer. */
export interface CloseOptions {
  /**
   * Wait until Chromium's process has exited (default: true). A command that is about to
   * exit passes false: Chromium is told to close and finishes on its own, about 40 ms
   * later, so the command returns sooner.
   */
  readonly waitForBrowser?: boolean | undefined;
}

/** Which outputs to make for one document. */
export interface RenderRequest {
  /** Print a PDF too (default: true). */
  readonly pdf?: boolean;
}

/**
 * Turns manuscripts into HTML and PDF. It owns the HTML stage (the processor, built
 * once, in a worker thread under the time budget) and one Chromium at a time, started
 * on first need (or early, see `createRenderer`). `close()` stops both, so
 * `await using renderer = await createRenderer()` cleans up on every path. Up to
 * `concurrency` documents print at once, each in a reused tab.
 */
export class Renderer implements AsyncDisposable {
  readonly #settings: Settings;
  readonly #html: HtmlStage;
  #session: PrintSession | undefined;
  /** A session being started to replace one that was lost. */
  #starting: Promise<PrintSession> | undefined;
  #closed = false;

  /**
   * Use `createRenderer`.
   *
   * @param {Settings} settings
   *   Resolved settings.
   * @param {HtmlStage} html
   *   The HTML stage (the processor, in its own thread).
   * @param {PrintSession | undefined} session
   *   A print session already starting for this renderer, which it now owns.
   */
  constructor(settings: Settings, html: HtmlStage, session?: PrintSession) {
    this.#settings = settings;
    this.#html = html;
    this.#session = session;
  }

  /** The settings of the run (a manuscript's front matter may still choose its own). */
  get settings(): Settings {
    return this.#settings;
  }

  /**
   * Render one manuscript. Local files it reads (images) are listed on
   * `file.data.dependencies`, for watching.
   *
   * @param {VFile} file
   *   The manuscript, with `path` and `value`.
   * @param {RenderRequest} request
   *   Whether to print a PDF too.
   * @returns {Promise<Rendered>}
   *   The outputs, or `ok: false` with the problems as messages on `file`.
   */
  async render(file: VFile, request: RenderRequest = {}): Promise<Rendered> {
    const made = await this.html(file);
    return request.pdf === false ? made : this.pdf(made);
  }

  /**
   * The first half of `render`: make the HTML page of one manuscript. A batch makes the
   * next pages while earlier ones print.
   *
   * @param {VFile} file
   *   The manuscript, with `path` and `value`.
   * @returns {Promise<Rendered>}
   *   The page, or `ok: false` with the problems as messages on `file`.
   */
  async html(file: VFile): Promise<Rendered> {
    if (this.#closed) throw new Error('The renderer is closed');
    if (!checkInput(file)) return {file, ok: false};
    let html: string | undefined;
    let printPage: PrintPage | undefined;
    try {
      ({html, print: printPage} = await this.#html.render(file, this.#settings.timeout));
    } catch (error) {
      if (!(error instanceof HtmlTimeoutError)) throw error;
      reportError(file, `Could not build: ${error.message}; the manuscript is too hard to parse`, {line: 1, column: 1}, 'timeout');
    }
    if (hasErrors(file) || html === undefined) return {file, ok: false};
    return printPage ? {file, ok: true, html, printPage} : {file, ok: true, html};
  }

  /**
   * The second half of `render`: print a page from `html` and describe the PDF.
   *
   * @param {Rendered} made
   *   What `html` returned.
   * @returns {Promise<Rendered>}
   *   `made` with the PDF and its page count; unchanged when it has no page.
   */
  async pdf(made: Rendered): Promise<Rendered> {
    const {file, html, printPage} = made;
    if (!made.ok || html === undefined) return made;
    if (!printPage) throw new Error('No print copy of the page: this renderer was created without the pdf format');
    const {printed, browserVersion} = await this.#print(printPage);
    // The last line of defence: whatever got past the sanitiser and the template, a PDF
    // that would take its reader anywhere but the web, a mail draft or its own pages is
    // not written.
    const refused = refusedAction(pdfActions(printed));
    if (refused) {
      reportError(file, `Could not build: the PDF would carry ${refused}, expected only http(s), mailto and internal links`, {line: 1, column: 1}, 'pdf-link');
      return {file, ok: false};
    }
    const matter = file.data.matter;
    const {bytes, pages} = await setPdfMetadata(printed, {
      title: matter?.title ?? 'Untitled',
      authors: matter?.authors.map((author) => author.name) ?? [],
      subject: matter?.subtitle,
      keywords: matter?.tags ?? [],
      creator: generator,
      producer: `${generator} (${browserVersion})`,
      lang: matter?.lang ?? 'en',
      date: documentDate(matter?.date),
      standard: this.#settings.pdfStandard === 'a-2b' ? 'a-2b' : undefined,
      page: {headings: file.data.headings?.map((heading) => heading.text), links: file.data.linkTexts}
    });
    timelineMark('PDF completed');
    return {file, ok: true, html, printPage, pdf: bytes, pages};
  }

  /**
   * Read templates again for the next documents: `--watch` calls this when a template's
   * files change. Documents already rendering keep the template they started with.
   *
   * @returns {void}
   */
  reloadTemplates(): void {
    this.#html.reloadTemplates();
  }

  /**
   * Close the browser, if one was started, and the HTML stage. Safe to call more than
   * once.
   *
   * @param {CloseOptions} options
   *   Whether to wait for Chromium's process to exit.
   * @returns {Promise<void>}
   *   Resolves when both are closed.
   */
  async close(options: CloseOptions = {}): Promise<void> {
    this.#closed = true;
    const session = this.#session;
    this.#session = undefined;
    await Promise.all([session?.stop(options.waitForBrowser ?? true), this.#html.close()]);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /**
   * Print on the shared browser, in a tab from its pool. A tab that fails or times out is
   * closed; a browser that cannot close it, or that crashed, is stopped, and the next
   * print gets a fresh one. After a failure the document is tried once more; after a
   * timeout it is not (it would hang again).
   */
  async #print(page: PrintPage): Promise<{printed: Uint8Array; browserVersion: string}> {
    const {timeout} = this.#settings;
    for (let attempt = 1; ; attempt++) {
      const session = await this.#currentSession();
      let tab: PrintTab | undefined;
      try {
        const {pool, version} = await withTimeout(session.ready, timeout, 'starting Chromium');
        tab = await pool.acquire();
        const printed = await withTimeout(tab.print(page, {timeout}), timeout, 'printing');
        timelineMark('printed');
        pool.release(tab);
        return {printed, browserVersion: version};
      } catch (error) {
        if (this.#closed) throw error;
        // A tab got this far only once the session was ready.
        const printer = tab ? await session.ready : undefined;
        // While the browser lives, only the tab is suspect: it is closed, and a browser
        // that cannot even do that is replaced. A browser that died is replaced.
        const tabOnly = printer && tab && session.alive && printer.browser.connected;
        if (!(tabOnly && (await printer.pool.discard(tab as PrintTab, 1000)))) await this.#retire(session);
        if (attempt > 1 || error instanceof TimeoutError) throw error;
      }
    }
  }

  /**
   * The session to print in: the current one while its browser lives, else a new one.
   * Documents that find the browser gone at the same time (after a crash) share one
   * start: one Chromium is spawned, not one per waiting document.
   */
  async #currentSession(): Promise<PrintSession> {
    if (this.#closed) throw new Error('The renderer is closed');
    if (this.#session?.alive) return this.#session;
    this.#starting ??= startSession(this.#settings).then(
      async (session) => {
        this.#starting = undefined;
        if (this.#closed) {
          await session.stop();
          throw new Error('The renderer is closed');
        }
        this.#session = session;
        return session;
      },
      (error: unknown) => {
        this.#starting = undefined;
        throw error;
      }
    );
    return this.#starting;
  }

  /** Stop a session that failed, unless a newer one has already replaced it. */
  async #retire(session: PrintSession): Promise<void> {
    if (this.#session === session) this.#session = undefined;
    await session.stop();
  }
}

/**
 * Create a renderer. When PDFs are wanted, Chromium is spawned first, before the
 * Markdown and HTML modules load, so the browser boots while they do.
 *
 * @param {Settings | SettingsLayer} settings
 *   The run's settings (`resolveSettings`); or, to have them merged here, the project
 *   configuration's layer (missing keys take the defaults).
 * @param {SettingsLayer} flags
 *   With a configuration layer: the flags for this run, which beat what a manuscript's
 *   front matter chooses.
 * @returns {Promise<Renderer>}
 *   A renderer; close it when done.
 */
export async function createRenderer(settings: Settings | SettingsLayer = {}, flags?: SettingsLayer): Promise<Renderer> {
  const run = isSettings(settings) ? settingsOf(settings, {flags}) : settingsOf(undefined, {config: settings, flags});
  // Chromium is spawned, then the HTML stage's thread started, before anything else: both
  // boot while the print modules load and the template is checked.
  const chromium = run.formats.includes('pdf') ? new ChromiumProcess(findBrowser(run.browser)) : undefined;
  const html = new HtmlStage({settings: run, print: chromium !== undefined});
  html.start();
  try {
    // The run's template must exist: a missing one is an error before any document.
    await checkTemplate(run.template);
    const session = chromium ? await startSession(run, chromium, html.warmUp) : undefined;
    return new Renderer(run, html, session);
  } catch (error) {
    await Promise.all([html.close(), chromium?.kill()]);
    throw error;
  }
}

/**
 * Fail early, and cheaply, when a template is missing; the HTML stage reads it fully.
 *
 * @param {string} nameOrDir
 *   Template name or folder.
 * @returns {Promise<void>}
 *   Resolves when its `template.json` is there.
 */
async function checkTemplate(nameOrDir: string): Promise<void> {
  const dir = templateDir(nameOrDir);
  try {
    await access(path.join(dir, 'template.json'));
  } catch (error) {
    throw new Error(`Cannot read template \`${nameOrDir}\`: ${path.join(dir, 'template.json')} is missing (${(error as NodeJS.ErrnoException).code})`, {cause: error});
  }
}

/**
 * Start a print session on a Chromium process, spawned here unless given. Chromium is
 * spawned before anything is imported, so it boots while the session's modules load.
 *
 * @param {Settings} settings
 *   Browser, time budget and number of tabs.
 * @param {ChromiumProcess} chromium
 *   The process, which the session now owns.
 * @param {Promise<PrintPage | undefined>} warmUp
 *   A page for the first tab to load while the first document is made.
 * @returns {Promise<PrintSession>}
 *   The session, connecting.
 */
async function startSession(
  settings: Settings,
  chromium = new ChromiumProcess(findBrowser(settings.browser)),
  warmUp?: Promise<PrintPage | undefined>
): Promise<PrintSession> {
  try {
    const {PrintSession} = await import('../pdf/print-session.js');
    return new PrintSession(chromium, {timeout: settings.timeout, tabs: settings.concurrency, warmUp});
  } catch (error) {
    await chromium.kill();
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

/** Settle with the promise, or fail with a `TimeoutError` naming the step. */
function withTimeout<T>(promise: Promise<T>, ms: number, step: string): Promise<T> {
  return withDeadline(promise, ms, () => new TimeoutError(`timed out after ${(ms / 1000).toFixed(1)} s while ${step}`));
}
