import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

// The house rules of `src/` (README, "How the code is laid out"): folders in the order the
// data flows, each importing only from folders before it (or from `messages/` and `util/`
// underneath), and nothing loose at the root but the two entries.
const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Each folder's place in the flow; a module may import from its own folder or a lower rank. */
const rank: Readonly<Record<string, number>> = {
  types: 0,
  util: 0,
  messages: 1,
  config: 2,
  manuscripts: 3,
  markdown: 4,
  html: 5,
  pipeline: 6,
  pdf: 7,
  build: 8,
  distribute: 9,
  check: 9,
  cli: 10,
  '': 11
};

async function sources(): Promise<string[]> {
  const entries = await readdir(src, {recursive: true, withFileTypes: true});
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(src, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The top folder of a path under `src/` ('' for the root). */
function folder(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : '';
}

/** Every relative module a source file imports, statically or with `import()`, as a path under `src/`. */
function imports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.\.?\/[^'"]+)\1/g)) {
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[2]!)));
  }
  return found;
}

describe('the layout of src/', () => {
  it('has nothing at its root but index.ts and cli.ts, and every folder has a place in the flow', async () => {
    const files = await sources();
    expect(files.filter((file) => folder(file) === '')).toEqual(['cli.ts', 'index.ts']);
    const unknown = [...new Set(files.map(folder))].filter((name) => rank[name] === undefined);
    expect(unknown).toEqual([]);
  });

  it('imports only downward: from the same folder, an earlier stage, or messages/ and util/', async () => {
    const upward: string[] = [];
    for (const file of await sources()) {
      const text = await readFile(path.join(src, file), 'utf8');
      for (const target of imports(file, text)) {
        const from = folder(file);
        const to = folder(target);
        if (from === to) continue;
        if ((rank[to] ?? Number.POSITIVE_INFINITY) < rank[from]!) continue;
        upward.push(`${file} imports ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('finds an import that runs upward (the check above can fail)', () => {
    const found = imports('markdown/x.ts', "import {a} from '../pdf/chromium.js';\nconst b = await import('../build/build.js');");
    expect(found).toEqual(['pdf/chromium.js', 'build/build.js']);
    expect(rank[folder(found[0]!)]! > rank.markdown!).toBe(true);
  });
});
