// Bundle the command line into dist/cli.js (with lazily loaded chunks in dist/chunks/), and
// its HTML stage into dist/html-stage-worker.cjs, started by dist/html-stage-thread.cjs.
// Loading ~400 small modules one by one cost more start-up time than anything briefing
// does; one bundle per lazily loaded part reads a handful of files instead. The HTML stage
// is one CommonJS file so that it can run with a V8 code cache (src/pipeline/code-cache.ts), and its
// thread starts from CommonJS too, which spares the thread Node's ES module loader. The
// library (`import 'briefing'`) stays the plain tsc output in dist/. The bundles
// themselves are described in scripts/bundles.mjs, which the tests use too.
import {rm} from 'node:fs/promises';
import {bundleCommand, bundleHtmlStage, writeOutputs} from './bundles.mjs';

// Chunks are named by content: those of earlier builds would pile up.
await rm('dist/chunks', {recursive: true, force: true});
const [command, stage] = await Promise.all([bundleCommand(), bundleHtmlStage()]);
await writeOutputs([...command, ...stage]);
