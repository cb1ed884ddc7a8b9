import path from 'node:path';
import {Worker} from 'node:worker_threads';
import {packageRoot} from '../util/package-root.js';
import type {HtmlStageSetup} from './html-stage-protocol.js';

/*
 * The HTML stage's thread. Node takes 60-130 ms to start a thread and the stage's bundle
 * about 100 ms to load from its code cache, and neither needs the run's settings: so the
 * command starts a thread first thing (`startHtmlThreadEarly`, from `cli.ts`), before it
 * has even loaded the build command, and the run's first HTML stage takes it and sends it
 * its setup (`takeHtmlThread`). Only the command does this: the library starts its
 * threads when a stage needs one.
 */

/** A thread started early, not yet taken, and whether it has failed or stopped meanwhile. */
let early: {worker: Worker; lost: boolean} | undefined;

/**
 * Start the HTML stage's thread. Without a setup the thread loads the stage and waits for
 * its setup as its first message (`HtmlStageRequest` of type `setup`).
 *
 * @param {HtmlStageSetup | undefined} setup
 *   What the stage works with, when known.
 * @returns {Worker}
 *   The thread; it never keeps the process alive on its own.
 */
export function startHtmlThread(setup?: HtmlStageSetup): Worker {
  const worker = new Worker(path.join(packageRoot, 'dist', 'html-stage-thread.cjs'), {workerData: setup});
  worker.unref();
  return worker;
}

/**
 * Start a thread for the first HTML stage of this process to take, unless one is waiting.
 *
 * @returns {Worker}
 *   The thread waiting to be taken.
 */
export function startHtmlThreadEarly(): Worker {
  if (early && !early.lost) return early.worker;
  const started = {worker: startHtmlThread(), lost: false};
  // A thread that fails before a stage takes it is not taken (and its error not thrown).
  const lost = (): void => {
    started.lost = true;
  };
  started.worker.once('error', lost).once('exit', lost);
  early = started;
  return started.worker;
}

/**
 * The thread for an HTML stage: the one started early, given its setup, when there is one
 * and it is still well; else a new one.
 *
 * @param {HtmlStageSetup} setup
 *   What the stage works with.
 * @returns {Worker}
 *   The thread.
 */
export function takeHtmlThread(setup: HtmlStageSetup): Worker {
  const taken = early;
  early = undefined;
  if (!taken || taken.lost) {
    void taken?.worker.terminate();
    return startHtmlThread(setup);
  }
  taken.worker.removeAllListeners('error').removeAllListeners('exit');
  taken.worker.postMessage({type: 'setup', setup});
  return taken.worker;
}
