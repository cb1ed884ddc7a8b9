import type {Worker} from 'node:worker_threads';
import type {VFile} from 'vfile';
import {frozenSettings} from '../config/config.js';
import type {PrintPage} from '../html/print-page.js';
import {timelineMark} from '../util/timeline.js';
import {takeHtmlThread} from './html-thread.js';
import {fromPortable, type HtmlStageRequest, type HtmlStageResponse, type HtmlStageSetup, type PortablePrintPage} from './html-stage-protocol.js';

export type {HtmlStageSetup} from './html-stage-protocol.js';

/** What to do with a manuscript besides making its page. */
export interface RenderOptions {
  /** Milliseconds for this document. */
  readonly timeout: number;
  /** Run `briefing check`'s rules on it too, instead of returning the page. */
  readonly lint?: boolean | undefined;
}

/**
 * What the HTML stage made of one manuscript: its page for the file, and the page for
 * the print tab. Everything else it found is on the file: every message (with all its
 * fields but the tree nodes, see `portableFields`) and the data named by `stageDataKeys`.
 */
export interface HtmlStageResult {
  /** The self-contained page; undefined when the manuscript has errors or was linted. */
  readonly html?: string | undefined;
  /** The page for the print tab, with the bytes of the fonts it fetches by URL; when the stage makes print pages. */
  readonly print?: PrintPage | undefined;
}

/** The HTML stage ran out of time; its thread was stopped. */
export class HtmlTimeoutError extends Error {
  override name = 'HtmlTimeoutError';
}

interface Job {
  readonly file: VFile;
  readonly timeout: number;
  readonly lint: boolean;
  resolve(result: HtmlStageResult): void;
  reject(error: unknown): void;
}

/**
 * Runs the HTML stage (`src/html-stage-worker.ts`) in a worker thread, one document at
 * a time. A document that overruns its budget has its thread terminated and a fresh
 * thread takes the next document. The worker is the compiled `dist/html-stage-thread.cjs`
 * (`npm run build` makes it), from the sources too.
 */
export class HtmlStage {
  /**
   * A page using the run template's fonts, for a print tab to load while the first
   * manuscript is made (see `warmUpPage`); undefined when the first answer or a failure
   * comes first.
   */
  readonly warmUp: Promise<PrintPage | undefined>;
  readonly #warmedUp: (page: PrintPage | undefined) => void;
  /** The bytes of every font URL the thread has sent, shared by all print copies. */
  readonly #fonts = new Map<string, Uint8Array>();
  readonly #setup: HtmlStageSetup;
  readonly #queue: Job[] = [];
  #worker: Worker | undefined;
  #current: {job: Job; id: number; timer: NodeJS.Timeout} | undefined;
  #ids = 0;
  #closed = false;

  constructor(setup: HtmlStageSetup) {
    this.#setup = setup;
    let warmedUp: (page: PrintPage | undefined) => void = () => undefined;
    this.warmUp = new Promise((resolve) => {
      warmedUp = resolve;
    });
    this.#warmedUp = warmedUp;
  }

  /** Start the thread now, so it loads its modules while the caller does other work. */
  start(): void {
    this.#ensureWorker();
  }

  /**
   * Make the HTML of one manuscript. Messages and `data` (matter, settings,
   * dependencies) are put on `file`.
   *
   * @param {VFile} file
   *   The manuscript, its value already checked and decoded.
   * @param {number | RenderOptions} options
   *   Milliseconds for this document, or that and whether to lint it.
   * @returns {Promise<HtmlStageResult>}
   *   The page and its print copy; no page when the manuscript has errors or was linted.
   */
  render(file: VFile, options: number | RenderOptions): Promise<HtmlStageResult> {
    if (this.#closed) return Promise.reject(new Error('The HTML stage is closed'));
    const {timeout, lint = false} = typeof options === 'number' ? {timeout: options} : options;
    return new Promise((resolve, reject) => {
      this.#queue.push({file, timeout, lint, resolve, reject});
      this.#next();
    });
  }

  /** Read templates again for the next documents. */
  reloadTemplates(): void {
    this.#worker?.postMessage({type: 'reload'} satisfies HtmlStageRequest);
  }

  /** Stop the thread; documents still waiting are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#warmedUp(undefined);
    const error = new Error('The HTML stage is closed');
    if (this.#current) {
      clearTimeout(this.#current.timer);
      this.#current.job.reject(error);
      this.#current = undefined;
    }
    for (const job of this.#queue.splice(0)) job.reject(error);
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    // The thread the command started early, when there is one; it never keeps the process alive on its own.
    const worker = takeHtmlThread(this.#setup);
    worker.on('message', (response: HtmlStageResponse) => this.#answer(response));
    worker.on('error', (error) => this.#lost(worker, error));
    worker.on('exit', (code) => this.#lost(worker, new Error(`The HTML stage stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  #next(): void {
    if (this.#current || this.#closed) return;
    const job = this.#queue.shift();
    if (!job) return;
    const id = ++this.#ids;
    const timer = setTimeout(() => this.#overrun(), job.timeout);
    this.#current = {job, id, timer};
    const {file} = job;
    this.#ensureWorker().postMessage({type: 'render', id, path: file.path, cwd: file.cwd, value: String(file.value), lint: job.lint} satisfies HtmlStageRequest);
  }

  #answer(response: HtmlStageResponse): void {
    if (response.type === 'warm-up') {
      this.#warmedUp(response.page && this.#printPage(response.page));
      return;
    }
    this.#warmedUp(undefined);
    const current = this.#current;
    if (!current || current.id !== response.id) return;
    timelineMark('page made');
    clearTimeout(current.timer);
    this.#current = undefined;
    const {job} = current;
    if (response.type === 'failed') {
      job.reject(new Error(response.reason));
    } else {
      for (const message of response.messages) fromPortable(job.file, message);
      const {settings, ...data} = response.data;
      // The document's settings crossed the thread as a copy: frozen again.
      Object.assign(job.file.data, data, settings ? {settings: frozenSettings(settings)} : {});
      job.resolve({html: response.html, print: response.print && this.#printPage(response.print)});
    }
    this.#next();
  }

  #printPage(page: PortablePrintPage): PrintPage {
    for (const [url, bytes] of page.fonts) this.#fonts.set(url, bytes);
    return {html: page.html, fonts: this.#fonts};
  }

  #overrun(): void {
    const current = this.#current;
    if (!current) return;
    this.#current = undefined;
    current.job.reject(new HtmlTimeoutError(`timed out after ${(current.job.timeout / 1000).toFixed(1)} s while making the HTML`));
    const worker = this.#worker;
    this.#worker = undefined;
    void worker?.terminate();
    this.#next();
  }

  #lost(worker: Worker, error: unknown): void {
    this.#warmedUp(undefined);
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    const current = this.#current;
    if (current) {
      clearTimeout(current.timer);
      this.#current = undefined;
      current.job.reject(error);
    }
    this.#next();
  }
}
