/**
 * The worker thread's entry: runs the HTML stage (`html-stage-worker.ts`, bundled as
 * CommonJS into `dist/html-stage-worker.cjs`) with a V8 code cache, so that a fresh
 * thread does not compile the Markdown and HTML libraries again on every run.
 */
import {fileURLToPath} from 'node:url';
import {runWithCodeCache} from './code-cache.js';

runWithCodeCache(fileURLToPath(new URL('html-stage-worker.cjs', import.meta.url)));
