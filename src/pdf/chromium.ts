import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Readable, Writable} from 'node:stream';
import type {Browser, ConnectOptions, ConnectionTransport} from 'puppeteer-core';
import {withDeadline} from '../util/deadline.js';
import type {BrowserExecutable} from './find-browser.js';

/**
 * Flags for printing untrusted documents on a machine with no network. Chromium must not
 * phone home (on a closed network that stalls it) and resolves no host name, so nothing
 * in a page could reach another machine even if a request slipped past the page's
 * blocking. `--export-tagged-pdf` and `--generate-pdf-document-outline` make the PDF
 * accessible and navigable. `--enable-begin-frame-control` keeps the tabs from painting
 * for a screen nobody looks at: a frame painted while a page loads gives DOM node ids to
 * what it paints (paint timing, layout shift tracking), earlier or later as the clock
 * falls, and the PDF's tag tree names its table headers by those ids, so two prints of
 * one document differed. Printing paints for itself and needs no frame.
 */
export const chromiumArgs: readonly string[] = [
  '--remote-debugging-pipe',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AcceptCHFrame',
  '--disable-hang-monitor',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--force-color-profile=srgb',
  '--export-tagged-pdf',
  '--generate-pdf-document-outline',
  '--font-render-hinting=none',
  '--hide-scrollbars',
  '--mute-audio',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--enable-begin-frame-control'
];

/**
 * Whether Chromium's sandbox must be turned off: Chromium refuses to start sandboxed as
 * root. Everywhere else the sandbox stays on.
 *
 * @returns {boolean}
 *   True when running as root.
 */
export function needsNoSandbox(): boolean {
  return process.getuid?.() === 0;
}

/**
 * A Chromium process started by briefing and driven over a pipe (no debugging port is
 * opened). When this Node process dies, even by SIGKILL, the pipe closes and Chromium
 * exits on its own.
 */
export class ChromiumProcess {
  readonly executable: BrowserExecutable;
  readonly #child: ChildProcess;
  readonly #profile: string | undefined;
  readonly #exited: Promise<void>;
  #stderr = '';

  /**
   * Spawn Chromium now. Uses only Node built-ins, so it can run before the heavy
   * modules load: the browser boots while Markdown is being processed.
   *
   * @param {BrowserExecutable} executable
   *   What to run.
   */
  constructor(executable: BrowserExecutable) {
    this.executable = executable;
    // chrome-headless-shell keeps a throw-away profile of its own and removes it when it
    // exits; full Chrome needs one made for it.
    this.#profile = executable.headless === 'shell' ? undefined : mkdtempSync(path.join(tmpdir(), 'briefing-profile-'));
    const args = [
      ...chromiumArgs,
      executable.headless === 'shell' ? '--headless' : '--headless=new',
      ...(this.#profile ? [`--user-data-dir=${this.#profile}`] : []),
      ...(needsNoSandbox() ? ['--no-sandbox'] : []),
      'about:blank'
    ];
    this.#child = spawn(executable.path, args, {stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: false});
    this.#child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-4000);
    });
    this.#exited = new Promise((resolve) => {
      this.#child.once('exit', () => resolve());
      this.#child.once('error', (error) => {
        this.#stderr += String(error.message);
        resolve();
      });
    });
    void this.#exited.then(() => this.#removeProfile());
  }

  /**
   * Connect puppeteer to the process. Imports puppeteer on first use.
   *
   * @param {number} timeout
   *   Milliseconds to wait for Chromium to answer.
   * @returns {Promise<Browser>}
   *   The browser.
   */
  async connect(timeout: number): Promise<Browser> {
    // Puppeteer's environment-neutral entry: `connect` over a transport, without the
    // launcher, browser downloader and their dependencies, which briefing does not use.
    // Its classes are puppeteer-core's own; only the type declarations are separate copies.
    const {default: puppeteer} = (await import('puppeteer-core/internal/puppeteer-core-browser.js')) as unknown as {
      default: {connect(options: ConnectOptions): Promise<Browser>};
    };
    const transport = new PipeTransport(this.#child.stdio[3] as Writable, this.#child.stdio[4] as Readable);
    const gone = this.#exited.then(() => {
      throw new Error(`Chromium (${this.executable.path}) exited before it was ready${this.#stderr ? `: ${lastLines(this.#stderr)}` : ''}`);
    });
    return withDeadline(
      Promise.race([puppeteer.connect({transport, defaultViewport: null, protocolTimeout: timeout * 2}), gone]),
      timeout,
      () => new Error(`Chromium (${this.executable.path}) did not answer within ${timeout} ms`)
    );
  }

  /**
   * Stop the process and remove its profile. Waits at most `grace` ms for a clean exit,
   * then kills it.
   *
   * @param {number} grace
   *   Milliseconds to wait before SIGKILL.
   * @returns {Promise<void>}
   *   Resolves when it is gone.
   */
  async kill(grace = 2000): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      this.#child.kill('SIGTERM');
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), grace);
      await this.#exited;
      clearTimeout(timer);
    }
    this.#removeProfile();
  }

  /**
   * Stop waiting for the process: after `Browser.close`, Chromium finishes closing on its
   * own (and a closed pipe would make it close too), so a command that is done need not
   * wait the ~40 ms that takes. Only a process without a profile of briefing's (the
   * headless shell's is its own) can be left to it: a profile folder must be removed
   * once the process is gone.
   *
   * @returns {boolean}
   *   Whether it was let go; when false, `kill` it and wait.
   */
  detach(): boolean {
    if (this.#profile) return false;
    this.#child.unref();
    for (const stream of this.#child.stdio) (stream as {unref?: () => void} | null)?.unref?.();
    return true;
  }

  /** Resolves when the process has exited. */
  get exited(): Promise<void> {
    return this.#exited;
  }

  #removeProfile(): void {
    if (this.#profile) rmSync(this.#profile, {recursive: true, force: true, maxRetries: 3});
  }
}

/** Chrome DevTools protocol over `--remote-debugging-pipe`: NUL-separated JSON messages. */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  readonly #out: Writable;
  #pending = '';
  #closed = false;

  constructor(out: Writable, input: Readable) {
    this.#out = out;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => this.#receive(chunk));
    input.on('close', () => this.#close());
    out.on('error', () => this.#close());
  }

  send(message: string): void {
    if (!this.#closed) this.#out.write(`${message}\0`);
  }

  close(): void {
    this.#close();
  }

  #receive(chunk: string): void {
    const parts = (this.#pending + chunk).split('\0');
    this.#pending = parts.pop() ?? '';
    for (const part of parts) {
      // Dispatch asynchronously, as puppeteer's own transport does, so a handler that
      // throws cannot break the read loop.
      setImmediate(() => this.onmessage?.(part));
    }
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    setImmediate(() => this.onclose?.());
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}
