import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isInside, projectRoot} from '../../src/config/project-root.js';

let base: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'project-root-'));
  // base/site/.git, base/site/docs/guide/a.md; base/app/package.json, base/app/notes/b.md;
  // base/loose/c.md with no marker anywhere up to base (and, we assume, above it in tmp).
  await mkdir(path.join(base, 'site', '.git'), {recursive: true});
  await mkdir(path.join(base, 'site', 'docs', 'guide'), {recursive: true});
  await mkdir(path.join(base, 'app', 'notes'), {recursive: true});
  await writeFile(path.join(base, 'app', 'package.json'), '{}');
  await mkdir(path.join(base, 'conf', 'deep'), {recursive: true});
  await writeFile(path.join(base, 'conf', 'briefing.config.json'), '{}');
  await mkdir(path.join(base, 'loose'), {recursive: true});
  await mkdir(path.join(base, 'elsewhere'), {recursive: true});
});

afterAll(async () => {
  await rm(base, {recursive: true, force: true});
});

describe('projectRoot', () => {
  it('is the working directory when the manuscript lies inside it', () => {
    expect(projectRoot({manuscript: 'docs/guide/a.md', cwd: path.join(base, 'site')})).toBe(path.join(base, 'site'));
    expect(projectRoot({manuscript: path.join(base, 'site', 'docs', 'guide', 'a.md'), cwd: path.join(base, 'site', 'docs')})).toBe(path.join(base, 'site', 'docs'));
  });

  it('is the nearest folder above the manuscript with .git, package.json or briefing.config.json otherwise', () => {
    const cwd = path.join(base, 'elsewhere');
    expect(projectRoot({manuscript: path.join(base, 'site', 'docs', 'guide', 'a.md'), cwd})).toBe(path.join(base, 'site'));
    expect(projectRoot({manuscript: '../app/notes/b.md', cwd})).toBe(path.join(base, 'app'));
    expect(projectRoot({manuscript: path.join(base, 'conf', 'deep', 'x.md'), cwd})).toBe(path.join(base, 'conf'));
  });

  it('is the manuscript’s own folder when no folder above it is marked', () => {
    const found = projectRoot({manuscript: path.join(base, 'loose', 'c.md'), cwd: path.join(base, 'elsewhere')});
    // A marker above the temporary folder would win; none is expected on a test machine.
    expect(found).toBe(path.join(base, 'loose'));
  });

  it('is the chosen root, relative to the working directory, whatever the manuscript', () => {
    expect(projectRoot({manuscript: path.join(base, 'loose', 'c.md'), cwd: base, root: 'site'})).toBe(path.join(base, 'site'));
    expect(projectRoot({manuscript: 'docs/guide/a.md', cwd: path.join(base, 'site'), root: '/'})).toBe('/');
  });

  it('is the working directory for standard input', () => {
    expect(projectRoot({cwd: base})).toBe(base);
  });
});

describe('isInside', () => {
  it('tells a folder’s own files from a sibling whose name starts with dots or the same letters', () => {
    expect(isInside('/a/b/c', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b/..c', '/a/b')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
    expect(isInside('/a', '/a/b')).toBe(false);
    expect(isInside('/x/y', '/a/b')).toBe(false);
  });
});
