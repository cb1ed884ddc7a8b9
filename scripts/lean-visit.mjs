// An esbuild plugin for the bundles: unist-util-visit-parents without its per-node
// function names.
//
// For every node it walks, unist-util-visit-parents names the closure that visits it
// (`Object.defineProperty(visit, 'name', {value: 'node (paragraph)'})`), so that a stack
// trace reads `at node (paragraph)`. A name given with `defineProperty` moves each closure
// off V8's fast path: a no-op `visit` over ten mdast trees of the 100 KB dense manuscript
// of `bench/` case 3 (about 69,000 nodes in all) took about 165 ms with the names and about
// 65 ms without, and briefing's plugins walk each tree about twenty times. The walk itself
// is unchanged: same nodes, order, parents and indices; only those names are gone from
// stack traces.
//
// The statement is matched exactly. If an upgrade changes it, the bundle fails to build
// with a message saying so, rather than shipping the slow path unnoticed.
import {readFile} from 'node:fs/promises';

/** The module patched, as a path inside node_modules. */
export const visitParentsModule = /[\\/]node_modules[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/;

/** The naming block in `factory`, from its test of `value.type` to the block's end (every one, to count them). */
const naming = /\n( *)if \(typeof value\.type === 'string'\) \{\n(?:(?!\n\1\}).)*?Object\.defineProperty\(visit, 'name', \{(?:(?!\n\1\}).)*?\n\1\}\n/gs;

/**
 * The module's source without the naming block.
 *
 * @param {string} source
 *   `unist-util-visit-parents/lib/index.js`.
 * @returns {string}
 * @throws {Error}
 *   When the block is not there exactly once.
 */
export function withoutVisitorNames(source) {
  const found = source.match(naming) ?? [];
  if (found.length !== 1) {
    throw new Error(
      `scripts/lean-visit.mjs: expected one naming block (\`Object.defineProperty(visit, 'name', …)\`) in unist-util-visit-parents, found ${found.length}; the package changed, so look again at whether the patch is still needed`
    );
  }
  return source.replace(naming, '\n');
}

/** @type {import('esbuild').Plugin} */
export const leanVisit = {
  name: 'lean-visit',
  setup(build) {
    build.onLoad({filter: visitParentsModule}, async (args) => ({
      contents: withoutVisitorNames(await readFile(args.path, 'utf8')),
      loader: 'js'
    }));
  }
};
