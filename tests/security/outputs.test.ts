import {existsSync} from 'node:fs';
import {lstat, mkdir, readdir, readFile, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build, type BuildReport} from '../../src/index.js';
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
