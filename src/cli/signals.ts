import {exitCode} from './exit-codes.js';

/** The signals that stop briefing the way Ctrl-C does. */
const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Stop on Ctrl-C, TERM or HUP: the first signal aborts (the browser is closed before
 * exiting), a second one exits at once.
 *
 * @returns {{signal: AbortSignal; dispose(): void}}
 *   The signal to pass to the library, and a way to stop listening.
 */
export function interruptions(): {signal: AbortSignal; dispose(): void} {
  const controller = new AbortController();
  const interrupted = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.exit(exitCode.interrupted);
    }
    // On a terminal, over the live progress line.
    process.stderr.write(`${process.stderr.isTTY ? '\r\u001B[2K' : ''}briefing: ${name}, stopping\n`);
    controller.abort(new Error(name));
  };
  for (const name of stopSignals) process.on(name, interrupted);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of stopSignals) process.off(name, interrupted);
    }
  };
}
