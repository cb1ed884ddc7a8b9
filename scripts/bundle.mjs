// Bundle the command line into dist/cli.js (with lazily loaded chunks in dist/chunks/), and
// its HTML stage into dist/html-stage-worker.cjs, started by dist/html-stage-thread.cjs.
// Loading ~400 small modules one by one cost more start-up time than anything briefing
// does; one bundle per lazily loaded part reads a handful of files instead. The HTML stage
// is one CommonJS file so that it can run with a V8 code cache (src/pipeline/code-cache.ts), and its
// thread starts from CommonJS too, which spares the thread Node's ES module loader. The
// library (`import 'briefing'`) stays the plain tsc output in dist/.
import {rm} from 'node:fs/promises';
import {build} from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  legalComments: 'linked',
  // These stay in node_modules: sharp's native binary, chokidar's optional fsevents, and
  // jsonc-parser, whose UMD build requires its own files by computed paths.
  external: ['sharp', 'chokidar', 'fsevents', 'jsonc-parser'],
  logLevel: 'warning',
  // pdf-lib's CommonJS build re-exports through tslib's `__exportStar`, which esbuild cannot
  // follow: `import('pdf-lib')` got only a default export, and `PDFDocument` was undefined
  // in the bundle. Its ES module build has real named exports.
  alias: {'pdf-lib': 'pdf-lib/es/index.js'}
};

// Chunks are named by content: those of earlier builds would pile up.
await rm('dist/chunks', {recursive: true, force: true});

await build({
  ...common,
  entryPoints: {cli: 'src/cli.ts'},
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  sourcemap: true,
  // CommonJS dependencies inside an ES module bundle still need `require`.
  banner: {js: "import {createRequire as briefingCreateRequire} from 'node:module'; const require = briefingCreateRequire(import.meta.url);"}
});

await build({
  ...common,
  entryPoints: {'html-stage-thread': 'src/pipeline/html-stage-thread.ts', 'html-stage-worker': 'src/pipeline/html-stage-worker.ts'},
  outdir: 'dist',
  outExtension: {'.js': '.cjs'},
  format: 'cjs',
  // A script run from a code cache has no module loader for `import()`: sharp, the one
  // module loaded on demand, is loaded with `require`.
  supported: {'dynamic-import': false},
  define: {'import.meta.url': 'briefingImportMetaUrl'},
  banner: {js: "const briefingImportMetaUrl = require('node:url').pathToFileURL(__filename).href;"}
});
