/**
 * The worker thread's entry: runs the HTML stage (`html-stage-worker.ts`, bundled as
 * CommonJS into `dist/html-stage-worker.cjs`) with a V8 code cache, so that a fresh
 * thread does not compile the Markdown and HTML libraries again on every run, then
 * serves the main thread's requests with it.
 */
import {fileURLToPath} from 'node:url';
import {parentPort, workerData} from 'node:worker_threads';
import {timelineMark} from '../util/timeline.js';
import {runWithCodeCache} from './code-cache.js';
import type {HtmlStageSetup, HtmlThreadSetup} from './html-stage-protocol.js';
import type {serveHtmlStage} from './html-stage-worker.js';

timelineMark('HTML thread started');
const {exports} = runWithCodeCache(fileURLToPath(new URL('html-stage-worker.cjs', import.meta.url)));
timelineMark('HTML stage loaded');
const serve = (exports as {serveHtmlStage: typeof serveHtmlStage}).serveHtmlStage;
const port = parentPort;
if (port && workerData !== undefined) serve(workerData as HtmlStageSetup, port);
// A thread started before the run's settings were known (`html-thread.ts`) gets them first.
else if (port) port.once('message', (message: HtmlThreadSetup) => serve(message.setup, port));
