import type {DocumentResult} from '../build/build.js';
import stringWidth from 'string-width';
import {countMessages, escapeControl, formatMessages} from '../messages/report.js';
import {fitWidth, padEndWidth, padStartWidth} from './terminal-width.js';

/** Where progress goes: standard error, or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

export interface ProgressOptions {
  /** Only problems: messages and documents that failed. */
  readonly quiet?: boolean | undefined;
  /** A live line and a closing table (a terminal); else one plain line per document. */
  readonly live?: boolean | undefined;
  /** Clock, for tests. */
  readonly now?: (() => number) | undefined;
}

/**
 * What `briefing build` shows while it works. On a terminal: one live line (done/total,
 * the current file, elapsed, time left), messages above it as they come, and a table
 * at the end. Elsewhere (a log, CI): one plain line per document, as it finishes.
 */
export class Progress {
  readonly #stream: ProgressStream;
  readonly #quiet: boolean;
  readonly #live: boolean;
  readonly #now: () => number;
  readonly #started: number;
  readonly #results: DocumentResult[] = [];
  /** Batch order of each result, for the table. */
  readonly #order = new Map<DocumentResult, number>();
  #total = 0;
  #current = '';
  #timer: NodeJS.Timeout | undefined;
  #shown = false;

  /**
   * @param {ProgressStream} stream
   *   Where to write.
   * @param {ProgressOptions} options
   *   Mode.
   */
  constructor(stream: ProgressStream, options: ProgressOptions = {}) {
    this.#stream = stream;
    this.#quiet = options.quiet ?? false;
    this.#live = !this.#quiet && (options.live ?? (stream.isTTY === true && process.env['TERM'] !== 'dumb'));
    this.#now = options.now ?? (() => performance.now());
    this.#started = this.#now();
  }

  /**
   * A document starts.
   *
   * @param {string} input
   *   Its path.
   * @param {number} _index
   *   Its place in the batch.
   * @param {number} total
   *   Batch size.
   * @returns {void}
   */
  start(input: string, _index: number, total: number): void {
    this.#total = total;
    this.#current = escapeControl(input);
    if (!this.#live) return;
    // Once a second, so elapsed and time left move while a long document prints.
    this.#timer ??= setInterval(() => this.#draw(), 1000).unref();
    this.#draw();
  }

  /**
   * A document is done.
   *
   * @param {DocumentResult} result
   *   What happened.
   * @param {number} index
   *   Its place in the batch.
   * @returns {void}
   */
  document(result: DocumentResult, index = this.#results.length): void {
    this.#results.push(result);
    this.#order.set(result, index);
    const messages = formatMessages([result.file]);
    const lines = [messages, this.#live || (this.#quiet && result.ok) ? '' : documentLine(result)].filter(Boolean);
    // On a terminal a failure is also worth a line of its own, above the live line.
    if (this.#live && !result.ok) lines.push(documentLine(result));
    this.#print(lines.join('\n'));
  }

  /**
   * A watched document was rebuilt.
   *
   * @param {DocumentResult} result
   *   What happened.
   * @returns {void}
   */
  rebuilt(result: DocumentResult): void {
    const messages = formatMessages([result.file]);
    const time = new Date().toTimeString().slice(0, 8);
    const line = result.ok
      ? `↻ ${time} rebuilt ${escapeControl(result.input)} in ${seconds(result.milliseconds)} → ${shownOutputs(result)}${details(result, false)}`
      : `✗ ${time} ${escapeControl(result.input)}: not rebuilt (the last good output is kept)`;
    this.#print([messages, this.#quiet && result.ok ? '' : line].filter(Boolean).join('\n'));
  }

  /**
   * Say what is watched.
   *
   * @param {number} manuscripts
   *   Manuscripts watched.
   * @param {number} files
   *   Files and folders watched for them.
   * @returns {void}
   */
  watching(manuscripts: number, files: number): void {
    this.#clear();
    this.#results.length = 0;
    this.#order.clear();
    if (!this.#quiet) this.#print(`Watching ${manuscripts} manuscript${manuscripts === 1 ? '' : 's'} (${files} files and folders) for changes; Ctrl-C stops.`);
  }

  /**
   * The batch is done: a table on a terminal, a closing line elsewhere.
   *
   * @param {string} outDir
   *   Where outputs went, as shown.
   * @returns {void}
   */
  finish(outDir: string): void {
    this.#clear();
    const results = this.#results;
    if (this.#quiet || results.length === 0) return;
    const failed = results.filter((result) => !result.ok).length;
    const {warnings} = countMessages(results.map((result) => result.file));
    const total = [
      `${results.length - failed} of ${results.length} built`,
      failed ? `${failed} failed` : '',
      warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
      `in ${seconds(this.#now() - this.#started)}`
    ]
      .filter(Boolean)
      .join(', ');
    const ordered = [...results].sort((a, b) => (this.#order.get(a) ?? 0) - (this.#order.get(b) ?? 0));
    if (this.#live) this.#stream.write(`${table(ordered)}\n${total}${failed < results.length ? ` → ${escapeControl(outDir)}` : ''}\n`);
    else if (results.length > 1) this.#stream.write(`${total}\n`);
  }

  /** Stop redrawing and clear the live line. */
  close(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#clear();
  }

  #print(text: string): void {
    if (!text) return;
    this.#clear();
    this.#stream.write(`${text}\n`);
    if (this.#live && this.#results.length < this.#total) this.#draw();
  }

  #draw(): void {
    const done = this.#results.length;
    const elapsed = this.#now() - this.#started;
    const left = done > 0 && done < this.#total ? ` · about ${clock((elapsed / done) * (this.#total - done))} left` : '';
    const line = `${done}/${this.#total} · ${clock(elapsed)} elapsed${left} · ${this.#current}`;
    // One column spare: a line that fills the last column wraps on some terminals.
    const width = Math.max(20, (this.#stream.columns || 80) - 1);
    this.#stream.write(`\r\u001B[2K${fitWidth(line, width)}`);
    this.#shown = true;
  }

  #clear(): void {
    if (this.#timer && this.#results.length >= this.#total) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
    if (!this.#shown) return;
    this.#stream.write('\r\u001B[2K');
    this.#shown = false;
  }
}

/**
 * The plain line for one document: `✓ input → outputs (4 pages, 74 KB, 0.66 s)`.
 *
 * @param {DocumentResult} result
 *   What happened.
 * @returns {string}
 *   One line.
 */
export function documentLine(result: DocumentResult): string {
  if (!result.ok) {
    // Written, then failed (`--check-pdf` found its PDF at fault): say where it is.
    if (result.outputs.length > 0) return `✗ ${escapeControl(result.input)} → ${shownOutputs(result)}${details(result, true)}, with errors`;
    return `✗ ${escapeControl(result.input)}: not built`;
  }
  const outputs = result.outputs.length > 0 ? shownOutputs(result) : 'standard output';
  return `✓ ${escapeControl(result.input)} → ${outputs}${details(result, true)}`;
}

/** File names as printed: a name is data, and its control characters are escaped. */
function shownOutputs(result: DocumentResult): string {
  return result.outputs.map(escapeControl).join(', ');
}

function details(result: DocumentResult, withTime: boolean): string {
  const parts = [
    result.pages === undefined ? undefined : `${result.pages} page${result.pages === 1 ? '' : 's'}`,
    result.bytes === undefined ? undefined : size(result.bytes),
    withTime ? seconds(result.milliseconds) : undefined
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The closing table: file, pages, size, time, warnings; columns aligned by display width. */
function table(results: readonly DocumentResult[]): string {
  const rows = results.map((result) => [
    `${result.ok ? '✓' : '✗'} ${escapeControl(result.input)}`,
    result.pages === undefined ? '–' : String(result.pages),
    result.bytes === undefined ? '–' : size(result.bytes),
    seconds(result.milliseconds),
    String(countMessages(result.file).warnings)
  ]);
  const header = ['  File', 'Pages', 'Size', 'Time', 'Warnings'];
  const widths = header.map((cell, column) => Math.max(stringWidth(cell), ...rows.map((row) => stringWidth(row[column] ?? ''))));
  const format = (row: readonly string[]): string =>
    row.map((cell, column) => (column === 0 ? padEndWidth(cell, widths[0] ?? 0) : padStartWidth(cell, widths[column] ?? 0))).join('  ');
  return [format(header), ...rows.map(format)].join('\n');
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function clock(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
