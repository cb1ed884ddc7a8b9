import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {VFile} from 'vfile';
import {outDirChosen, outputFolder, settingsOf, type Settings, type SettingsLayer} from '../config/config.js';
import {findManuscripts, refuseCollisions, type BuildInput, type Manuscript} from '../manuscripts/manuscripts.js';
import {makeFolderInside, LinkedFolderError} from './folder-inside.js';
import {isCompletePdf} from './is-complete-pdf.js';
import {writeFileAtomic} from './write-atomic.js';
import {createRenderer, type Rendered, type Renderer} from './renderer.js';
import {hasErrors, reportError} from '../messages/messages.js';

/** What happened to one manuscript. */
export interface DocumentResult {
  /** The manuscript's path, as given (relative paths stay relative). */
  readonly input: string;
  readonly ok: boolean;
  /** Files written, relative to the working directory. */
  readonly outputs: readonly string[];
  readonly pages?: number | undefined;
  /** Size of the PDF in bytes. */
  readonly bytes?: number | undefined;
  readonly milliseconds: number;
  /** The manuscript as a VFile, with every message about it. */
  readonly file: VFile;
  /** The PDF, when the build was asked not to write files. */
  readonly pdf?: Uint8Array | undefined;
  /** The HTML, when the build was asked not to write files. */
  readonly html?: string | undefined;
}

/** What a build did. */
export interface BuildReport {
  readonly ok: boolean;
  readonly documents: readonly DocumentResult[];
}

/** Hooks for progress output, called as documents start and finish. */
export interface BuildHooks {
  /** A document starts; with several printing at once, starts and finishes interleave. */
  readonly onStart?: ((input: string, index: number, total: number) => void) | undefined;
  /** A document is done, built or not. */
  readonly onDocument?: ((result: DocumentResult, index: number, total: number) => void) | undefined;
}

export interface BuildOptions extends SettingsLayer, BuildHooks {
  /**
   * The run's settings, merged already (`resolveSettings`), as the command line does;
   * then neither `config` nor the settings options may be given.
   */
  readonly settings?: Settings | undefined;
  /** Project configuration, below the front matter; the settings options are flags, above it. */
  readonly config?: SettingsLayer | undefined;
  /** Working directory that relative inputs and `outDir` are resolved against. */
  readonly cwd?: string | undefined;
  /** Stops the build: the browser is closed at once and no further document starts. */
  readonly signal?: AbortSignal | undefined;
  /** Write outputs to `outDir` (default); when false, results carry `pdf` and `html` instead. */
  readonly write?: boolean | undefined;
  /**
   * Resolve only once Chromium's process has exited (default: true). The command line,
   * which exits next, passes false (see `CloseOptions`).
   */
  readonly waitForBrowser?: boolean | undefined;
  /** Called with each PDF made; see `DocumentOptions`. */
  readonly inspectPdf?: InspectPdf | undefined;
}

/**
 * Looks at a PDF a build made (`build --check-pdf` runs the PDF checker): the problems it
 * finds are messages on the manuscript, and an error among them fails the document,
 * whose outputs are still written.
 */
export type InspectPdf = (pdf: Uint8Array, file: VFile, name: string) => Promise<unknown>;

/** How one document is built: where, whether to write, and what to do with its PDF. */
export interface DocumentOptions {
  readonly cwd: string;
  readonly write: boolean;
  readonly signal?: AbortSignal | undefined;
  /** Called with the PDF and the path it was written to (or its name, when not written). */
  readonly inspectPdf?: InspectPdf | undefined;
}

/**
 * Build manuscripts (files, folders searched for `*.md`, globs, or VFiles) into
 * `outDir`. One browser serves the whole batch, printing up to `concurrency` documents
 * at once in reused tabs. A manuscript with errors is reported on its result and the
 * others still build; outputs are replaced atomically, so a failure never harms an
 * earlier good output. Inputs that name nothing, or that would write the same output,
 * are an `InputError` before anything is printed.
 *
 * @param {readonly BuildInput[]} inputs
 *   Files, folders, globs and in-memory manuscripts.
 * @param {BuildOptions} options
 *   Settings and hooks.
 * @returns {Promise<BuildReport>}
 *   One result per manuscript, in input order.
 */
export async function build(inputs: readonly BuildInput[], options: BuildOptions = {}): Promise<BuildReport> {
  const {onStart, onDocument, cwd = process.cwd(), signal, settings, config, write = true, waitForBrowser = true, inspectPdf, ...flags} = options;
  signal?.throwIfAborted();
  const run = settingsOf(settings, {config, flags});
  const manuscripts = await findManuscripts(inputs, cwd);
  if (write) refuseCollisions(manuscripts, outputFolder(run, cwd));

  const renderer = await createRenderer(run);
  const stop = (): void => void renderer.close();
  signal?.addEventListener('abort', stop, {once: true});
  try {
    const documents = await buildAll(renderer, manuscripts, {cwd, write, signal, inspectPdf}, {onStart, onDocument});
    return {ok: documents.every((document) => document.ok), documents};
  } finally {
    signal?.removeEventListener('abort', stop);
    await renderer.close({waitForBrowser});
  }
}

/**
 * Build a batch on one renderer, `concurrency` documents printing at a time. The HTML
 * stage runs ahead of the printing by as many documents again, so its thread makes the
 * next pages while the tabs print, instead of waiting for a tab to come free.
 *
 * @param {Renderer} renderer
 *   The warm renderer.
 * @param {readonly Manuscript[]} manuscripts
 *   The batch.
 * @param {DocumentOptions} options
 *   Where, and whether to write.
 * @param {BuildHooks} hooks
 *   Progress hooks.
 * @returns {Promise<DocumentResult[]>}
 *   Results in batch order. Rejects with the abort reason when stopped.
 */
export async function buildAll(
  renderer: Renderer,
  manuscripts: readonly Manuscript[],
  options: DocumentOptions,
  hooks: BuildHooks = {}
): Promise<DocumentResult[]> {
  const results: DocumentResult[] = [];
  const total = manuscripts.length;
  const printing = Math.min(renderer.settings.concurrency, total);
  const prepared: Prepared[] = [];
  const prepare = (index: number): Prepared | undefined => {
    const manuscript = manuscripts[index];
    if (!manuscript || options.signal?.aborted) return undefined;
    prepared[index] ??= prepareDocument(renderer, manuscript, options);
    return prepared[index];
  };
  const queue = manuscripts.entries();
  // Workers share one iterator: each takes the next manuscript when it is free.
  const worker = async (): Promise<void> => {
    for (const [index, manuscript] of queue) {
      options.signal?.throwIfAborted();
      for (let ahead = index; ahead <= index + printing; ahead++) prepare(ahead);
      hooks.onStart?.(manuscript.path, index, total);
      const result = await buildDocument(renderer, manuscript, options, prepare(index));
      // Its page is printed: let it go, a batch can be long.
      delete prepared[index];
      results[index] = result;
      hooks.onDocument?.(result, index, total);
    }
  };
  const workers = Array.from({length: printing}, worker);
  // Every worker has stopped before this returns, so nothing is written afterwards.
  const settled = await Promise.allSettled(workers);
  options.signal?.throwIfAborted();
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return results;
}

/** A manuscript whose HTML is being made. */
interface Prepared {
  readonly file: VFile;
  /** The HTML step's result; rejects when the file cannot be read or the stage fails. */
  readonly made: Promise<Rendered>;
}

/**
 * Read a manuscript and start making its HTML.
 *
 * @param {Renderer} renderer
 *   The warm renderer.
 * @param {Manuscript} manuscript
 *   What to build.
 * @param {DocumentOptions} options
 *   Where it is.
 * @returns {Prepared}
 *   The manuscript's file and the HTML in the making.
 */
function prepareDocument(renderer: Renderer, manuscript: Manuscript, options: DocumentOptions): Prepared {
  const file = manuscript.file ?? new VFile({path: manuscript.path, cwd: options.cwd});
  const made = (async () => {
    if (!manuscript.file) file.value = await readFile(path.resolve(options.cwd, manuscript.path));
    return renderer.html(file);
  })();
  // Awaited by `buildDocument`; this only keeps a document dropped by a stop from
  // counting as an unhandled rejection.
  made.catch(() => undefined);
  return {file, made};
}

/**
 * Build one manuscript. Never throws for the document's own problems: they are
 * messages on the result's file.
 *
 * @param {Renderer} renderer
 *   The warm renderer.
 * @param {Manuscript} manuscript
 *   What to build.
 * @param {DocumentOptions} options
 *   Where, and whether to write.
 * @param {Prepared} prepared
 *   Its HTML, when a batch started making it ahead.
 * @returns {Promise<DocumentResult>}
 *   What happened.
 */
export async function buildDocument(
  renderer: Renderer,
  manuscript: Manuscript,
  options: DocumentOptions,
  prepared: Prepared = prepareDocument(renderer, manuscript, options)
): Promise<DocumentResult> {
  const {cwd, write, signal} = options;
  const {outDir, formats} = renderer.settings;
  // The output folder may be a symbolic link: a flag or the configuration named it. The
  // default `out`, found wherever the command runs, may not; folders below it never may.
  const followOutDir = outDirChosen(renderer.settings);
  const {file} = prepared;
  // Timed from its turn to print, as progress shows it; HTML made ahead came for free.
  const started = performance.now();
  const finish = (ok: boolean, extra: Partial<DocumentResult> = {}): DocumentResult => ({
    input: manuscript.path,
    ok,
    outputs: [],
    milliseconds: Math.round(performance.now() - started),
    file,
    ...extra
  });

  try {
    const made = await prepared.made;
    const rendered = formats.includes('pdf') ? await renderer.pdf(made) : made;
    if (!rendered.ok) return finish(false);
    if (rendered.pdf && !isCompletePdf(rendered.pdf)) throw new Error('the printed PDF is incomplete');
    const html = formats.includes('html') ? rendered.html : undefined;
    // An error the inspection finds fails the document; its outputs are still made.
    const inspect = async (name: string): Promise<boolean> => {
      if (rendered.pdf && options.inspectPdf) {
        try {
          await options.inspectPdf(rendered.pdf, file, name);
        } catch (error) {
          reportError(file, `Could not check \`${name}\`: ${(error as Error).message}`, undefined, 'pdf-check');
        }
      }
      return !hasErrors(file);
    };
    if (!write) {
      const ok = await inspect(`${manuscript.name}.pdf`);
      return finish(ok, {pages: rendered.pages, bytes: rendered.pdf?.byteLength, pdf: rendered.pdf, html});
    }

    const folder = path.resolve(cwd, outDir);
    const base = path.resolve(folder, manuscript.name);
    // Whatever a manuscript is called, its outputs stay inside the output folder.
    if (path.relative(folder, base).startsWith('..') || path.isAbsolute(path.relative(folder, base))) {
      throw new Error(`its name would write outside ${outDir}; rename the file`);
    }
    await makeFolderInside(folder, path.dirname(base), {followRoot: followOutDir});
    const outputs: string[] = [];
    if (rendered.pdf) {
      await writeFileAtomic(`${base}.pdf`, rendered.pdf);
      outputs.push(path.relative(cwd, `${base}.pdf`));
    }
    if (html !== undefined) {
      await writeFileAtomic(`${base}.html`, html);
      outputs.push(path.relative(cwd, `${base}.html`));
    }
    const ok = await inspect(outputs[0] ?? `${manuscript.name}.pdf`);
    return finish(ok, {outputs, pages: rendered.pages, bytes: rendered.pdf?.byteLength});
  } catch (error) {
    // A document cut short by the stop is not a failure of that document.
    signal?.throwIfAborted();
    const reason =
      error instanceof LinkedFolderError
        ? `${path.relative(cwd, error.folder) || '.'} ${error.problem}, and outputs are never written through one; remove it${followOutDir ? '' : ' or choose the folder with --out-dir'}`
        : (error as NodeJS.ErrnoException).code === 'ENOENT' && !file.value
          ? 'the file is gone'
          : (error as Error).message;
    reportError(file, `Could not build: ${reason}`, undefined, 'build');
    return finish(false);
  }
}
