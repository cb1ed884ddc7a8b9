/**
 * The HTML stage in a worker thread: Markdown in, the complete HTML page out. It runs
 * apart from the main thread so that a manuscript that makes the parser crawl can be
 * stopped at its time budget (the thread is terminated), Ctrl-C is answered at once, and
 * the Markdown work runs on another core while the main thread drives Chromium. It is
 * bundled as CommonJS, run by `html-stage-thread.ts` with a code cache, which then calls
 * `serveHtmlStage` with the thread's port; loading it has no effect of its own.
 */
import {readFile} from 'node:fs/promises';
import {VFile} from 'vfile';
import {toHtml} from 'hast-util-to-html';
import {saveCodeCacheKey, type SaveCodeCache} from './code-cache.js';
import type {Root as MdastRoot} from 'mdast';
import {lintManuscript} from '../markdown/lint/lint-manuscript.js';
import {createTemplateLoader} from '../html/template/load-template.js';
import {warmUpPage} from '../html/template/warm-up-page.js';
import {reportError} from '../messages/messages.js';
import {timelineMark} from '../util/timeline.js';
import {createProcessor} from './processor.js';
import {frozenSettings} from '../config/config.js';
import type {PrintPageTree} from '../html/print-page.js';
import {stageDataKeys, toPortable, type HtmlStageData, type HtmlStageRequest, type HtmlStageResponse, type HtmlStageSetup, type PortablePrintPage} from './html-stage-protocol.js';

/** The side of a message channel the stage talks through (the thread's `parentPort`). */
export interface StagePort {
  postMessage(response: HtmlStageResponse): void;
  on(event: 'message', listener: (request: HtmlStageRequest) => void): unknown;
}

/**
 * Answer the main thread's requests on `port`: build the processor once, send the
 * warm-up page, then make each manuscript's page (or lint it) as asked.
 *
 * @param {HtmlStageSetup} setup
 *   What the thread was started with (a structured clone).
 * @param {StagePort} port
 *   Where requests come from and answers go.
 * @returns {void}
 */
export function serveHtmlStage(setup: HtmlStageSetup, port: StagePort): void {
  // A structured clone of the run's settings: frozen again, as they were.
  const settings = frozenSettings(setup.settings);
  let loader = createTemplateLoader();
  const processor = createProcessor({settings, templates: (nameOrDir) => loader(nameOrDir)});
  /** Font URLs whose bytes this thread has sent: the main thread keeps them. */
  const sentFonts = new Set<string>();

  /**
   * The print copy of a page as it crosses to the main thread: its HTML, and the bytes of
   * the fonts it asks for that this thread has not sent before.
   */
  const portable = async (page: PrintPageTree): Promise<PortablePrintPage> => {
    const fonts: Array<[string, Uint8Array]> = [];
    for (const [url, file] of page.fonts) {
      if (sentFonts.has(url)) continue;
      sentFonts.add(url);
      fonts.push([url, await readFile(file)]);
    }
    return {html: toHtml(page.tree), fonts};
  };

  const render = async (request: Extract<HtmlStageRequest, {type: 'render'}>): Promise<HtmlStageResponse> => {
    const file = new VFile({path: request.path, cwd: request.cwd, value: request.value});
    let html: string | undefined;
    let print: PortablePrintPage | undefined;
    try {
      const tree = processor.parse(file);
      // The processor changes its tree; the lint rules read the manuscript as written.
      const written = request.lint ? (structuredClone(tree) as MdastRoot) : undefined;
      const page = await processor.run(tree, file);
      if (written) {
        const template = file.data.settings ? await loader(file.data.settings.template).catch(() => undefined) : undefined;
        await lintManuscript(written, page, file, template?.summary === 'required');
      } else {
        html = processor.stringify(page, file);
        if (setup.print && file.data.printPage) print = await portable(file.data.printPage);
      }
    } catch (error) {
      if (!(error instanceof RangeError)) return {id: request.id, type: 'failed', reason: (error as Error).message};
      // The input limits should make this unreachable; never show a stack trace for input.
      reportError(file, 'Manuscript too deeply nested to process, expected a flatter structure', {line: 1, column: 1}, 'input-nesting');
    }
    return {
      id: request.id,
      type: 'rendered',
      html,
      print,
      messages: file.messages.map(toPortable),
      data: Object.fromEntries(stageDataKeys.map((key) => [key, file.data[key]])) as HtmlStageData
    };
  };

  // The run's template, loaded before the first manuscript is worked on; the print side
  // gets a page with its fonts to load meanwhile (see `warmUpPage`).
  const warmedUp = (setup.print ? loader(settings.template).then((template) => (timelineMark('template loaded'), warmUpPage(template))).then(portable) : Promise.resolve(undefined))
    // A template that cannot be read is reported with the first manuscript.
    .catch(() => undefined)
    .then((page) => port.postMessage({type: 'warm-up', page}));

  port.on('message', (request) => {
    if (request.type === 'reload') {
      loader = createTemplateLoader();
      return;
    }
    void warmedUp.then(() => render(request)).then((response) => {
      // The first document has compiled what documents need: keep that for the next run.
      // Saved before answering (a few milliseconds, once per install), since the thread
      // may be stopped as soon as it has answered.
      (globalThis as {[saveCodeCacheKey]?: SaveCodeCache})[saveCodeCacheKey]?.();
      port.postMessage(response);
    });
  });
}
