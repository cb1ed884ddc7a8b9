import {createHash} from 'node:crypto';
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import type {FSWatcher} from 'chokidar';
import {buildAll, buildDocument, type BuildOptions, type DocumentOptions, type DocumentResult} from './build.js';
import {outputFolder, settingsOf} from '../config/config.js';
import {findManuscripts, refuseCollisions, type BuildInput, type Manuscript} from '../manuscripts/manuscripts.js';
import {createRenderer, type Renderer} from './renderer.js';
import {templateDir} from '../html/template/template-dir.js';

export interface WatchOptions extends Omit<BuildOptions, 'write'> {
  /** The first build is done and changes are being watched. */
  readonly onWatching?: ((manuscripts: number, files: number) => void) | undefined;
  /** A manuscript was rebuilt after a change to it, an image it uses or its template. */
  readonly onRebuild?: ((result: DocumentResult) => void) | undefined;
}

/**
 * Changes that arrive this close together make one rebuild (an editor's save is several
 * writes; a later write of the same bytes is skipped, see `Rebuilds`). Every millisecond
 * here is one the writer waits for each rebuild (the bench's case 4).
 */
const settle = 20;

/** How long chokidar ignores a file's further changes after reporting one (its `_throttle`). */
const chokidarThrottle = 50;

/** A file's SHA-256, or undefined when it cannot be read (gone, a folder). */
function digest(file: string): Promise<string | undefined> {
  return readFile(file).then(
    (bytes) => createHash('sha256').update(bytes).digest('hex'),
    () => undefined
  );
}

/**
 * Build, then rebuild a manuscript whenever it, an image it uses, or its template
 * changes, on the same warm browser, until `signal` aborts. New manuscripts in a
 * watched folder are built as they appear. A rebuild that fails keeps the last good
 * outputs (they are replaced atomically) and watching goes on.
 *
 * @param {readonly BuildInput[]} inputs
 *   Files, folders and globs.
 * @param {WatchOptions} options
 *   Settings, hooks and the signal that stops watching.
 * @returns {Promise<void>}
 *   Resolves once stopped, with the browser closed.
 */
export async function watch(inputs: readonly BuildInput[], options: WatchOptions = {}): Promise<void> {
  const {onStart, onDocument, onWatching, onRebuild, cwd = process.cwd(), signal, settings, config, ...flags} = options;
  signal?.throwIfAborted();
  const run = settingsOf(settings, {config, flags});
  const outDir = outputFolder(run, cwd);
  const manuscripts = await findManuscripts(inputs, cwd);
  refuseCollisions(manuscripts, outDir);

  const renderer = await createRenderer(run);
  const stop = (): void => void renderer.close();
  signal?.addEventListener('abort', stop, {once: true});
  const stopped = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), {once: true});
  });
  let watcher: FSWatcher | undefined;
  try {
    // Chokidar only now that it is needed.
    const {watch: watchFiles} = await import('chokidar');
    const writing = {cwd, write: true, signal};
    const rebuilds = new Rebuilds(renderer, writing, onRebuild);
    const first = await buildAll(renderer, manuscripts, writing, {onStart, onDocument});
    for (const [index, result] of first.entries()) rebuilds.remember(manuscripts[index] as Manuscript, result);

    // Folders given as inputs are watched too, for manuscripts added to them.
    const folders: string[] = [];
    for (const input of inputs) {
      const folder = typeof input === 'string' ? path.resolve(cwd, input) : undefined;
      if (folder && (await stat(folder).catch(() => undefined))?.isDirectory()) folders.push(folder);
    }
    const watched = [...new Set([...folders, ...rebuilds.files()])];
    watcher = watchFiles(watched, {ignoreInitial: true, ignored: (file) => file.includes(`${path.sep}node_modules${path.sep}`)});
    rebuilds.watcher = watcher;
    const ready = watcher;
    await new Promise<void>((resolve) => ready.once('ready', () => resolve()));
    onWatching?.(manuscripts.length, watched.length);

    const added = async (): Promise<void> => {
      const found = await findManuscripts(inputs.filter((input) => typeof input === 'string'), cwd);
      const fresh = found.filter((manuscript) => !rebuilds.knows(manuscript));
      refuseCollisions([...rebuilds.manuscripts(), ...fresh], outDir);
      rebuilds.add(fresh);
    };
    watcher.on('change', (file) => rebuilds.changed(file)).on('add', (file) => rebuilds.changed(file, added));

    await stopped;
    await rebuilds.idle();
  } finally {
    signal?.removeEventListener('abort', stop);
    await Promise.all([watcher?.close(), renderer.close()]);
  }
}

/** What one manuscript's rebuilds wait for. */
export interface WatchedFiles {
  /** Its own file, the files its build read, and its template's folder. */
  readonly files: readonly string[];
  /** The template's folder: a change in it reloads the templates. */
  readonly template: string;
}

/**
 * What `--watch` watches for a manuscript: its own file, the files its last build read
 * (images that passed the inside-the-project check; never a path it only names, so
 * `![x](/usr)` watches nothing), and its template's folder, which is a name in
 * `templates/` or a folder the person running the command chose.
 *
 * @param {Manuscript} manuscript
 *   The manuscript.
 * @param {DocumentResult} result
 *   Its last build.
 * @param {{cwd: string; template: string}} where
 *   The working directory, and the run's template setting.
 * @returns {WatchedFiles}
 *   Absolute paths.
 */
export function filesToWatch(manuscript: Manuscript, result: DocumentResult, where: {cwd: string; template: string}): WatchedFiles {
  // Found as the template loader finds it.
  const template = templateDir(result.file.data.settings?.template ?? where.template);
  const files = [path.resolve(where.cwd, manuscript.path), ...(result.file.data.dependencies ?? []), template];
  return {files: [...new Set(files)], template};
}

/**
 * Which manuscripts use which files, and the queue of rebuilds that changes to them
 * cause. Rebuilds run one after another on the shared renderer.
 */
class Rebuilds {
  /** Set once the first build is done and watching starts. */
  watcher: FSWatcher | undefined;
  readonly #renderer: Renderer;
  readonly #options: DocumentOptions;
  readonly #onRebuild: ((result: DocumentResult) => void) | undefined;
  /** Each manuscript's own file, its images and its template folder. */
  readonly #uses = new Map<Manuscript, WatchedFiles>();
  readonly #pending = new Set<Manuscript>();
  /** Files changed since the last rebuild started. */
  readonly #changes = new Set<string>();
  /** Each changed file's SHA-256 when the last rebuild it caused read it. */
  readonly #contents = new Map<string, string>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> = Promise.resolve();

  constructor(renderer: Renderer, options: DocumentOptions, onRebuild?: (result: DocumentResult) => void) {
    this.#renderer = renderer;
    this.#options = options;
    this.#onRebuild = onRebuild;
  }

  /** Note what a build of `manuscript` read, and watch it. */
  remember(manuscript: Manuscript, result: DocumentResult): void {
    const use = filesToWatch(manuscript, result, {cwd: this.#options.cwd, template: this.#renderer.settings.template});
    this.#uses.set(manuscript, use);
    this.watcher?.add([...use.files]);
  }

  /** Every file and folder in use. */
  files(): string[] {
    return [...this.#uses.values()].flatMap((use) => use.files);
  }

  manuscripts(): Manuscript[] {
    return [...this.#uses.keys()];
  }

  knows(manuscript: Manuscript): boolean {
    const file = path.resolve(this.#options.cwd, manuscript.path);
    return this.manuscripts().some((known) => path.resolve(this.#options.cwd, known.path) === file);
  }

  /** Build new manuscripts. */
  add(manuscripts: readonly Manuscript[]): void {
    for (const manuscript of manuscripts) this.#pending.add(manuscript);
    this.#schedule();
  }

  /**
   * A file changed: rebuild what uses it, once the changes settle. A Markdown file nobody
   * uses yet may be a new manuscript in a watched folder; `added` looks for it.
   */
  changed(file: string, added?: () => Promise<void>): void {
    const absolute = path.resolve(file);
    if (this.#users(absolute).length > 0) {
      this.#changes.add(absolute);
      // Chokidar drops a file's changes for 50 ms after it reports one, and a rebuild may
      // read the file before that: the write chokidar did not report (an editor's second
      // write, a quick second save) is looked for once the window has passed.
      setTimeout(() => void this.#recheck(absolute), chokidarThrottle + settle).unref();
    } else if (added && absolute.endsWith('.md')) this.#running = this.#running.then(added).catch(() => undefined);
    this.#schedule();
  }

  /** Resolves when the rebuild under way, if any, is done. */
  async idle(): Promise<void> {
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** The manuscripts that use a file (their own, an image, a file of their template). */
  #users(absolute: string): Manuscript[] {
    const inside = (used: string): boolean => absolute === used || absolute.startsWith(used + path.sep);
    return [...this.#uses].filter(([, use]) => use.files.some(inside)).map(([manuscript]) => manuscript);
  }

  /**
   * Queue the manuscripts that use the files changed since the last rebuild. A file whose
   * bytes are those the last rebuild it caused read is left out: an editor's save is often
   * two writes (truncated, then written), and the second look at a changed file
   * (`#recheck`) or a second report of one save must not rebuild the same text again.
   */
  async #takeChanges(): Promise<void> {
    const files = [...this.#changes];
    this.#changes.clear();
    for (const file of files) {
      const bytes = await digest(file);
      if (bytes !== undefined && this.#contents.get(file) === bytes) continue;
      if (bytes === undefined) this.#contents.delete(file);
      else this.#contents.set(file, bytes);
      for (const manuscript of this.#users(file)) {
        this.#pending.add(manuscript);
        // A template's files are read again for the next documents.
        const template = this.#uses.get(manuscript)?.template;
        if (template !== undefined && file.startsWith(template + path.sep)) this.#renderer.reloadTemplates();
      }
    }
  }

  /** A changed file whose bytes are no longer those its last rebuild read changed again. */
  async #recheck(file: string): Promise<void> {
    if (this.#options.signal?.aborted || this.#changes.has(file)) return;
    if ((await digest(file)) !== this.#contents.get(file)) this.changed(file);
  }

  #schedule(): void {
    if (this.#pending.size === 0 && this.#changes.size === 0) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#running = this.#running.then(() => this.#rebuild()).catch(() => undefined);
    }, settle);
  }

  async #rebuild(): Promise<void> {
    await this.#takeChanges();
    const batch = [...this.#pending];
    this.#pending.clear();
    for (const manuscript of batch) {
      if (this.#options.signal?.aborted) return;
      const result = await buildDocument(this.#renderer, manuscript, this.#options);
      this.remember(manuscript, result);
      this.#onRebuild?.(result);
    }
  }
}

