// The two bundles of `dist/`, described once for `scripts/bundle.mjs` (the build) and for
// the tests (`tests/global-setup.ts`, which bundles the sources before every run, so that
// `vitest` alone tests the code as it is).
import {randomBytes} from 'node:crypto';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {leanVisit} from './lean-visit.mjs';

/** The package folder: bundles are made from its `src/` into its `dist/`, wherever the caller runs. */
const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
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
  alias: {'pdf-lib': 'pdf-lib/es/index.js'},
  // unist-util-visit-parents without the per-node names that slow every tree walk.
  plugins: [leanVisit],
  // Written by `writeOutputs`, each file replaced at once.
  write: false
};

/**
 * The command line, `dist/cli.js`, with its lazily loaded chunks in `dist/chunks/`
 * (named by content, so chunks of the new build never replace those of a running one).
 *
 * @returns {Promise<import('esbuild').OutputFile[]>}
 */
export async function bundleCommand() {
  const result = await build({
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
  return result.outputFiles;
}

/**
 * The HTML stage, `dist/html-stage-worker.cjs`, and its thread's entry,
 * `dist/html-stage-thread.cjs`, which runs it with a V8 code cache.
 *
 * @returns {Promise<import('esbuild').OutputFile[]>}
 */
export async function bundleHtmlStage() {
  const result = await build({
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
  return result.outputFiles;
}

/**
 * Write bundled files, each through a temporary file renamed over the old one, so that a
 * process reading `dist/` meanwhile (another test run, a command) sees the old file or
 * the new one, never half of one. A file whose bytes are already there is left alone:
 * its time stays, and so does the HTML stage's code cache, which is keyed by it.
 *
 * @param {import('esbuild').OutputFile[]} files
 *   esbuild's outputs.
 * @returns {Promise<number>}
 *   How many files were written.
 */
export async function writeOutputs(files) {
  let written = 0;
  for (const file of files) {
    const current = await readFile(file.path).catch(() => undefined);
    if (current?.equals(file.contents)) continue;
    await mkdir(path.dirname(file.path), {recursive: true});
    const temporary = `${file.path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    // A file with a `#!` line is run as a command (`briefing` is npm's link to dist/cli.js):
    // the file a rename puts in place must be executable, as npm made the one it replaces.
    const command = file.contents[0] === 0x23 && file.contents[1] === 0x21;
    await writeFile(temporary, file.contents, {mode: command ? 0o755 : 0o644});
    await rename(temporary, file.path);
    written++;
  }
  return written;
}
