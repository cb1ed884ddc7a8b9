import {existsSync} from 'node:fs';
import {lstat, mkdir, readdir, readFile, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build, type BuildReport} from '../../src/index.js';
import {runCli} from './helpers/cli.js';
import {messagesOf, show} from './helpers/messages.js';
import {isWholePdf, temporaryFiles} from './helpers/outputs.js';
import {manuscript, sandbox, type Sandbox} from './helpers/sandbox.js';

/**
 * Nothing lost: a failed build leaves the earlier good output byte-identical and no
 * temporary file; a symlink planted at an output path is replaced, never written through.
 * Two builds (two browsers): a good one, then one in which the same manuscript fails.
 */
let box: Sandbox;
let out: string;
let earlier: {pdf: Buffer; html: Buffer};
let second: BuildReport;
const victim = {pdf: 'VICTIM PDF: must not change\n', html: 'VICTIM HTML: must not change\n'};

beforeAll(async () => {
  box = await sandbox('outputs');
  out = path.join(box.project, 'out');
  await writeFile(path.join(box.project, 'report.md'), manuscript('Quarterly report', 'The good version.'));
  const first = await build(['report.md'], {cwd: box.project, outDir: 'out'});
  expect(first.ok, show(first.documents.flatMap((document) => messagesOf(document.file)))).toBe(true);
  earlier = {pdf: await readFile(path.join(out, 'report.pdf')), html: await readFile(path.join(out, 'report.html'))};

  // The same manuscript, now broken; and two more whose output paths are planted symlinks.
  await writeFile(path.join(box.project, 'report.md'), '---\ntitle: &t Broken\nsubtitle: *t\n---\n\nThe bad version.\n');
  await writeFile(path.join(box.outside, 'victim.pdf'), victim.pdf);
  await writeFile(path.join(box.outside, 'victim.html'), victim.html);
  await symlink(path.join(box.outside, 'victim.pdf'), path.join(out, 'linked.pdf'));
  await symlink(path.join(box.outside, 'victim.html'), path.join(out, 'linked.html'));
  await symlink(path.join(box.outside, 'created-through-link.pdf'), path.join(out, 'dangling.pdf'));
  await mkdir(path.join(box.project, 'more'));
  await writeFile(path.join(box.project, 'more', 'linked.md'), manuscript('Linked', 'Written over a symlink.'));
  await writeFile(path.join(box.project, 'more', 'dangling.md'), manuscript('Dangling', 'Written over a dangling symlink.'));
  second = await build(['report.md', 'more/linked.md', 'more/dangling.md'], {cwd: box.project, outDir: 'out'});
}, 120_000);

afterAll(async () => {
  await box.dispose();
});

describe('nothing lost', () => {
  it('a failed build leaves the earlier good PDF and HTML byte-identical, and no temporary file', async () => {
    const report = second.documents[0];
    expect(report?.ok, 'the broken manuscript fails').toBe(false);
    expect(await readFile(path.join(out, 'report.pdf'))).toEqual(earlier.pdf);
    expect(await readFile(path.join(out, 'report.html'))).toEqual(earlier.html);
    expect(isWholePdf(earlier.pdf)).toBe(true);
    expect(await temporaryFiles(out)).toEqual([]);
  });

  it('a symlink at the output path is replaced, not followed', async () => {
    expect(second.documents[1]?.ok, show(second.documents[1] ? messagesOf(second.documents[1].file) : [])).toBe(true);
    expect(await readFile(path.join(box.outside, 'victim.pdf'), 'utf8')).toBe(victim.pdf);
    expect(await readFile(path.join(box.outside, 'victim.html'), 'utf8')).toBe(victim.html);
    for (const file of ['linked.pdf', 'linked.html']) expect((await lstat(path.join(out, file))).isFile(), file).toBe(true);
    expect(isWholePdf(await readFile(path.join(out, 'linked.pdf')))).toBe(true);
  });

  it('a dangling symlink at the output path is replaced, and nothing is created where it pointed', async () => {
    expect(second.documents[2]?.ok).toBe(true);
    expect(existsSync(path.join(box.outside, 'created-through-link.pdf'))).toBe(false);
    expect((await lstat(path.join(out, 'dangling.pdf'))).isFile()).toBe(true);
    expect(await temporaryFiles(out)).toEqual([]);
  });

  it('a manuscript’s file name cannot put its outputs outside the output folder', async () => {
    // `...md` has the stem `..`, `..md` the stem `.`: joined to the output folder, they climb out of it.
    await mkdir(path.join(box.project, 'names', 'sub'), {recursive: true});
    await writeFile(path.join(box.project, 'names', '...md'), manuscript('Three dots', 'Body.'));
    await writeFile(path.join(box.project, 'names', 'sub', '..md'), manuscript('Two dots', 'Body.'));
    const outDir = path.join(box.project, 'out-names');
    const before = new Set(await readdir(box.base, {recursive: true}));
    // Refusing the names (an InputError) is as good as keeping the outputs inside.
    await build(['names'], {cwd: box.project, outDir: 'out-names', formats: ['html']}).catch((error: unknown) => error);

    const written = (await readdir(box.base, {recursive: true})).filter((file) => !before.has(file) && /\.(html|pdf)$/.test(file));
    const escaped = written.map((file) => path.join(box.base, file)).filter((file) => !file.startsWith(`${outDir}${path.sep}`));
    expect(escaped, 'outputs written outside their folder').toEqual([]);
  });
});

/**
 * Outputs stay inside the output folder after symlinks: a link planted on the way to an
 * output (`out/sub -> ../victim`, or the default `out -> victim`) is refused with a
 * positioned error, and nothing is created or changed where it points. An output folder
 * the user names is theirs to link.
 */
describe('no output written through a linked folder', () => {
  let linked: Sandbox;
  const before = 'VICTIM: must not change\n';

  beforeAll(async () => {
    linked = await sandbox('linked-folders');
    await mkdir(path.join(linked.project, 'docs', 'sub'), {recursive: true});
    await writeFile(path.join(linked.project, 'docs', 'sub', 'report.md'), manuscript('Nested report', 'Below a linked folder.'));
    await writeFile(path.join(linked.project, 'top.md'), manuscript('Top report', 'Into a linked output folder.'));
    await writeFile(path.join(linked.outside, 'report.html'), before);
    await writeFile(path.join(linked.outside, 'top.html'), before);
  });

  afterAll(async () => {
    await linked.dispose();
  });

  async function victimFiles(): Promise<Record<string, string>> {
    const names = (await readdir(linked.outside)).sort();
    return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(linked.outside, name), 'utf8')] as const)));
  }

  it('refuses a link inside the output folder (out/sub -> ../victim), even one the user named', async () => {
    await mkdir(path.join(linked.project, 'named'), {recursive: true});
    await symlink(linked.outside, path.join(linked.project, 'named', 'sub'));
    const report = await build(['docs'], {cwd: linked.project, outDir: 'named', formats: ['html']});
    const [document] = report.documents;
    expect(document?.ok).toBe(false);
    expect(document?.outputs).toEqual([]);
    expect(show(document ? messagesOf(document.file) : [])).toMatch(/named\/sub is a symbolic link, and outputs are never written through one; remove it \[build\]/);
    expect(await victimFiles()).toEqual({'report.html': before, 'top.html': before});
  });

  it('refuses a link in a folder that does not exist yet, below one that does', async () => {
    // `out/deep/sub` would be made by `mkdir -p` at the link's target.
    await mkdir(path.join(linked.project, 'deep-out'));
    await symlink(linked.outside, path.join(linked.project, 'deep-out', 'sub'));
    await mkdir(path.join(linked.project, 'tree', 'sub', 'deeper'), {recursive: true});
    await writeFile(path.join(linked.project, 'tree', 'sub', 'deeper', 'note.md'), manuscript('Deeper', 'Two levels down.'));
    const report = await build(['tree'], {cwd: linked.project, outDir: 'deep-out', formats: ['html']});
    expect(report.documents[0]?.ok).toBe(false);
    expect(existsSync(path.join(linked.outside, 'deeper'))).toBe(false);
    expect(await victimFiles()).toEqual({'report.html': before, 'top.html': before});
  });

  it('refuses the default output folder when it is a link (out -> victim), through the CLI', async () => {
    await symlink(linked.outside, path.join(linked.project, 'out'));
    const result = await runCli(['build', 'top.md', '--format', 'html'], {cwd: linked.project});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^top\.md: error Could not build: out is a symbolic link, and outputs are never written through one; remove it or choose the folder with --out-dir \[build\]$/m
    );
    expect(await victimFiles()).toEqual({'report.html': before, 'top.html': before});
  });

  it('refuses it for the .eml of briefing email too, and follows it when named', async () => {
    const refused = await runCli(['email', 'top.md', '--to', 'desk@example.org'], {cwd: linked.project});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^✗ top\.md: out is a symbolic link, and outputs are never written through one; remove it or choose the folder with --out-dir$/m);
    expect(existsSync(path.join(linked.outside, 'top.eml'))).toBe(false);
    const named = await runCli(['email', 'top.md', '--to', 'desk@example.org', '--out-dir', 'out'], {cwd: linked.project});
    expect(named.code, named.stderr).toBe(0);
    expect(await readFile(path.join(linked.outside, 'top.eml'), 'utf8')).toMatch(/^To: desk@example\.org$/m);
  });

  it('follows an output folder the user names with --out-dir, link or not', async () => {
    const result = await runCli(['build', 'top.md', '--format', 'html', '--out-dir', 'out'], {cwd: linked.project});
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(path.join(linked.outside, 'top.html'), 'utf8')).toContain('Top report');
  });
});
