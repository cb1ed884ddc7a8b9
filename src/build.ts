import {readFile, readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {VFile} from 'vfile';
import {resolveSettings, type SettingsLayer, type Settings} from './config.js';
import {isCompletePdf} from './output/is-complete-pdf.js';
import {writeFileAtomic} from './output/write-atomic.js';
import {createRenderer, type Renderer} from './renderer.js';
import {reportError} from './messages.js';

/** What happened to one manuscript. */
export interface DocumentResult {
  /** The manuscript's path, as given (relative paths stay relative). */
  readonly input: string;
  readonly ok: boolean;
  /** Files written. */
  readonly outputs: readonly string[];
  readonly pages?: number;
  /** Size of the PDF in bytes. */
  readonly bytes?: number;
  readonly milliseconds: number;
  /** The manuscript as a VFile, with every message about it. */
  readonly file: VFile;
}

/** What a build did. */
export interface BuildReport {
  readonly ok: boolean;
  readonly documents: readonly DocumentResult[];
}

export interface BuildOptions extends SettingsLayer {
  /** Project configuration, below the front matter; the other options are flags, above it. */
  readonly config?: SettingsLayer;
  /** Called after each document, for progress output. */
  readonly onDocument?: (result: DocumentResult, index: number, total: number) => void;
  /** Working directory that relative inputs and `outDir` are resolved against. */
  readonly cwd?: string;
  /** Stops the build: the browser is closed at once and no further document starts. */
  readonly signal?: AbortSignal;
}

/** An input that names nothing to build. */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Build manuscripts (files, or folders searched for `*.md`) into `outDir`. A manuscript
 * with errors is reported on its result and the others still build; outputs are
 * replaced atomically, so a failure never harms an earlier good output.
 *
 * @param {readonly string[]} inputs
 *   Files and folders.
 * @param {BuildOptions} options
 *   Settings and hooks.
 * @returns {Promise<BuildReport>}
 *   One result per manuscript.
 */
export async function build(inputs: readonly string[], options: BuildOptions = {}): Promise<BuildReport> {
  const {onDocument, cwd = process.cwd(), signal, config, ...flags} = options;
  signal?.throwIfAborted();
  const settings = resolveSettings({root: cwd}, config);
  const run = resolveSettings(settings, flags);
  const manuscripts = await expandInputs(inputs, cwd);
  refuseCollisions(manuscripts);

  const renderer = await createRenderer(settings, flags);
  const stop = (): void => void renderer.close();
  signal?.addEventListener('abort', stop, {once: true});
  try {
    const documents: DocumentResult[] = [];
    for (const [index, input] of manuscripts.entries()) {
      signal?.throwIfAborted();
      const result = await buildOne(renderer, run, input, cwd, signal);
      documents.push(result);
      onDocument?.(result, index, manuscripts.length);
    }
    return {ok: documents.every((document) => document.ok), documents};
  } finally {
    signal?.removeEventListener('abort', stop);
    await renderer.close();
  }
}

async function buildOne(renderer: Renderer, settings: Settings, input: string, cwd: string, signal: AbortSignal | undefined): Promise<DocumentResult> {
  const started = performance.now();
  const file = new VFile({path: input, cwd, value: await readFile(path.resolve(cwd, input))});
  const finish = (ok: boolean, extra: Partial<DocumentResult> = {}): DocumentResult => ({
    input,
    ok,
    outputs: [],
    milliseconds: Math.round(performance.now() - started),
    file,
    ...extra
  });

  try {
    const rendered = await renderer.render(file, {pdf: settings.formats.includes('pdf')});
    if (!rendered.ok) return finish(false);

    const base = path.resolve(cwd, settings.outDir, outputName(input));
    const outputs: string[] = [];
    if (rendered.pdf) {
      if (!isCompletePdf(rendered.pdf)) throw new Error('the printed PDF is incomplete');
      await writeFileAtomic(`${base}.pdf`, rendered.pdf);
      outputs.push(path.relative(cwd, `${base}.pdf`));
    }
    if (rendered.html !== undefined && settings.formats.includes('html')) {
      await writeFileAtomic(`${base}.html`, rendered.html);
      outputs.push(path.relative(cwd, `${base}.html`));
    }
    return finish(true, {outputs, pages: rendered.pages, bytes: rendered.pdf?.byteLength});
  } catch (error) {
    // A document cut short by the stop is not a failure of that document.
    signal?.throwIfAborted();
    reportError(file, `Could not build: ${(error as Error).message}`, undefined, 'build');
    return finish(false);
  }
}

/**
 * Turn files and folders into the list of manuscripts, sorted, without duplicates.
 *
 * @param {readonly string[]} inputs
 *   Paths.
 * @param {string} cwd
 *   Base for relative paths.
 * @returns {Promise<string[]>}
 *   Manuscript paths, relative to `cwd` when given relative.
 */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const info = await stat(path.resolve(cwd, input)).catch(() => undefined);
    if (!info) throw new InputError(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      const entries = await readdir(path.resolve(cwd, input), {recursive: true, withFileTypes: true});
      const markdown = entries
        .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
        .map((entry) => path.relative(cwd, path.join(entry.parentPath, entry.name)))
        .sort((a, b) => a.localeCompare(b, 'en', {numeric: true}));
      if (markdown.length === 0) throw new InputError(`${input}: no *.md manuscripts in this folder`);
      found.push(...markdown);
    } else {
      found.push(input);
    }
  }
  return [...new Set(found)];
}

function outputName(input: string): string {
  return path.basename(input, path.extname(input));
}

/** Two manuscripts that would write the same output are refused before anything is printed. */
function refuseCollisions(manuscripts: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const input of manuscripts) {
    const name = outputName(input);
    const other = seen.get(name);
    if (other) throw new InputError(`${other} and ${input} would both write ${name}.pdf; rename one or build them separately`);
    seen.set(name, input);
  }
}
