import {execFile} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';

/** One document of a corpus: a folder standing for its repository's root, and its manuscript. */
export interface CorpusDocument {
  /** The folder's name, which names the document in test output. */
  readonly name: string;
  /** The folder, absolute: the working directory of its build. */
  readonly dir: string;
  /** The manuscript, relative to `dir` (it may sit in a subfolder, as it did in its repository). */
  readonly manuscript: string;
}

/** The result of one `briefing build` run. */
export interface BuildRun {
  readonly code: number;
  readonly stderr: string;
  /** The PDF and HTML written, absolute paths (they may not exist when the build failed). */
  readonly pdf: string;
  readonly html: string;
  readonly seconds: number;
}

/**
 * The corpus folder: `BRIEFING_CORPUS`, else `../shared/corpus` beside the repository.
 * A corpus that is not there is an error, never a reason to check nothing.
 *
 * @param repository
 *   The repository root (relative `BRIEFING_CORPUS` values resolve against it).
 * @returns
 *   The absolute folder.
 */
export function corpusRoot(repository: string): string {
  const root = path.resolve(repository, process.env['BRIEFING_CORPUS'] ?? '../shared/corpus');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`No corpus at ${root}: set BRIEFING_CORPUS to the folder of real documents (one subfolder per document)`);
  }
  return root;
}

/**
 * Every document of a corpus: each top folder is one, and holds exactly one Markdown file
 * (at any depth). Files at the top (README.md, SOURCES.md) describe the corpus and are not
 * documents. Nothing is listed by name, so a new folder is picked up as it is added.
 *
 * @param root
 *   The corpus folder.
 * @returns
 *   The documents, sorted by folder name.
 */
export function discoverDocuments(root: string): CorpusDocument[] {
  const folders = readdirSync(root, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  if (folders.length === 0) throw new Error(`The corpus at ${root} holds no document folders`);
  return folders.map((name) => {
    const dir = path.join(root, name);
    const found = (readdirSync(dir, {recursive: true, encoding: 'utf8'}) as string[]).filter((file) => /\.(?:md|markdown)$/i.test(file)).sort();
    if (found.length !== 1) throw new Error(`Corpus folder ${dir} holds ${found.length} Markdown files, expected exactly one: ${found.join(', ')}`);
    return {name, dir, manuscript: found[0] as string};
  });
}

/**
 * Build one document with the bundled CLI, as a user would: from its folder, the file as
 * it is, outputs in `outDir` (which lies outside the corpus, which is read-only).
 *
 * @param document
 *   The document.
 * @param cli
 *   The CLI to run (`dist/cli.js`).
 * @param outDir
 *   Where the PDF and HTML go.
 * @param env
 *   Extra environment (e.g. `SOURCE_DATE_EPOCH`).
 * @returns
 *   Exit status, standard error and output paths.
 */
export async function buildDocument(document: CorpusDocument, cli: string, outDir: string, env: Record<string, string>): Promise<BuildRun> {
  await mkdir(outDir, {recursive: true});
  const stem = path.basename(document.manuscript).replace(/\.[^.]+$/, '');
  const started = performance.now();
  const {code, stderr} = await new Promise<{code: number; stderr: string}>((resolve) => {
    execFile(
      process.execPath,
      [cli, 'build', document.manuscript, '--out-dir', outDir, '--format', 'pdf,html'],
      {cwd: document.dir, env: {...process.env, ...env}, maxBuffer: 64 * 1024 * 1024},
      (error, _stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({code: status, stderr});
      }
    );
  });
  return {
    code,
    stderr,
    pdf: path.join(outDir, `${stem}.pdf`),
    html: path.join(outDir, `${stem}.html`),
    seconds: (performance.now() - started) / 1000
  };
}

/**
 * The first error line of a build's messages (else the first line), for failure reports.
 *
 * @param stderr
 *   What the CLI printed on standard error.
 * @returns
 *   One line.
 */
export function firstProblem(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /\berror\b/i.test(line)) ?? lines[0] ?? '(no message)';
}

/**
 * Whether two files hold the same bytes.
 *
 * @param a
 *   One file.
 * @param b
 *   The other.
 * @returns
 *   `undefined` when identical, else a description of the first difference.
 */
export async function compareFiles(a: string, b: string): Promise<string | undefined> {
  const [left, right] = await Promise.all([readFile(a), readFile(b)]);
  if (left.equals(right)) return undefined;
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index++;
  const around = (bytes: Buffer): string => JSON.stringify(bytes.subarray(Math.max(0, index - 20), index + 40).toString('latin1'));
  return `${path.basename(a)}: ${left.length} vs ${right.length} bytes, first difference at byte ${index}: ${around(left)} vs ${around(right)}`;
}
