import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {build} from 'esbuild';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import {describe, expect, it} from 'vitest';
import {leanVisit, withoutVisitorNames} from '../../scripts/lean-visit.mjs';

const require = createRequire(import.meta.url);
const modulePath = require.resolve('unist-util-visit-parents').replace(/index\.js$/, 'lib/index.js');

type Walk = (tree: unknown, visitor: (node: {type: string}, parents: unknown[]) => unknown, reverse?: boolean) => void;

/** `visitParents` bundled as the bundles are, with or without the plugin, loaded from the bundle's text. */
async function bundledVisitParents(plugins: typeof leanVisit[]): Promise<{walk: Walk; text: string}> {
  const result = await build({
    stdin: {contents: "export {visitParents, SKIP, EXIT} from 'unist-util-visit-parents';", resolveDir: process.cwd(), loader: 'js'},
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins
  });
  const text = result.outputFiles[0]?.text ?? '';
  const module = (await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`)) as {visitParents: Walk};
  return {walk: module.visitParents, text};
}

/** Everything a walk hands its visitor, as plain data: the node's place, its type, its ancestors' types. */
function record(walk: Walk, tree: unknown, reverse = false): string[] {
  const seen: string[] = [];
  walk(tree, (node, parents) => {
    seen.push(`${parents.length}:${node.type}<${parents.map((parent) => (parent as {type: string}).type).join('/')}>`);
  }, reverse);
  return seen;
}

describe('scripts/lean-visit.mjs', () => {
  it('takes the per-node naming out of unist-util-visit-parents, and nothing else', async () => {
    const source = await readFile(modulePath, 'utf8');
    const lean = withoutVisitorNames(source);
    expect(source).toContain("Object.defineProperty(visit, 'name'");
    expect(lean).not.toContain('defineProperty');
    // Only whole lines go, all of them from the naming block.
    const kept = new Set(lean.split('\n'));
    const removed = source.split('\n').filter((line) => !kept.has(line) && line.trim() !== '');
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.length).toBeLessThan(16);
    expect(source.length - lean.length).toBeLessThan(500);
  });

  it('walks a tree exactly as the original does: same nodes, order, ancestors, both directions', async () => {
    const markdown = '# Title\n\n> A *quote* with `code` and [a link](https://example.org).\n\n- one\n- two\n  - nested **strong**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText.[^1]\n\n[^1]: A note.\n';
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
    const mdast = processor.parse(markdown);
    const hast = await processor.run(processor.parse(markdown));
    const original = await bundledVisitParents([]);
    const patched = await bundledVisitParents([leanVisit]);
    expect(original.text).toContain('defineProperty(visit');
    expect(patched.text).not.toContain('defineProperty(visit');
    for (const tree of [mdast, hast]) {
      for (const reverse of [false, true]) {
        const expected = record(original.walk, tree, reverse);
        expect(expected.length).toBeGreaterThan(20);
        expect(record(patched.walk, tree, reverse)).toEqual(expected);
      }
    }
  });

  it('refuses a module whose naming block changed, instead of bundling it unpatched', () => {
    expect(() => withoutVisitorNames('export function visitParents() {}\n')).toThrow(/found 0; the package changed/);
    const block = "\n    if (typeof value.type === 'string') {\n      Object.defineProperty(visit, 'name', {value: 'x'})\n    }\n";
    expect(withoutVisitorNames(`a${block}b`)).toBe('a\nb');
    expect(() => withoutVisitorNames(`a${block}b${block}c`)).toThrow(/found 2/);
  });
});
