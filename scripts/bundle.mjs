// Bundle the command line into dist/cli.js and its HTML worker into dist/html-stage-worker.js
// (with lazily loaded chunks in dist/chunks/).
// Loading ~400 small modules one by one cost more start-up time than anything briefing
// does; one bundle per lazily loaded part reads a handful of files instead. The library
// (`import 'briefing'`) stays the plain tsc output in dist/.
import {build} from 'esbuild';

await build({
  entryPoints: {cli: 'src/cli.ts', 'html-stage-worker': 'src/html-stage-worker.ts'},
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  legalComments: 'linked',
  // These stay in node_modules: sharp's native binary, chokidar's optional fsevents, and
  // jsonc-parser, whose UMD build requires its own files by computed paths.
  external: ['sharp', 'chokidar', 'fsevents', 'jsonc-parser'],
  // CommonJS dependencies inside an ES module bundle still need `require`.
  banner: {js: "import {createRequire as briefingCreateRequire} from 'node:module'; const require = briefingCreateRequire(import.meta.url);"},
  logLevel: 'warning'
});
