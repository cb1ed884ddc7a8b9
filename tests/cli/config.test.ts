import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConfigError, loadConfig} from '../../src/config/config-file.js';
import {manuscript, run, temporaryFolder} from './helpers.js';

let cwd: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({dir: cwd, remove} = await temporaryFolder('cli-config'));
});

afterEach(async () => {
  await remove();
});

/** The paper and edition a built page was set for, from its `<html class>`. */
async function pageClasses(file: string): Promise<string> {
  const html = await readFile(path.join(cwd, file), 'utf8');
  return /<html[^>]*class="([^"]*)"/.exec(html)?.[1] ?? '';
}

describe('loadConfig', () => {
  it('reads briefing.config.json from the working directory or a folder above, paths relative to it', async () => {
    await writeFile(path.join(cwd, 'briefing.config.json'), JSON.stringify({outDir: 'pdfs', paper: 'letter', timeout: 12.5, concurrency: 2, formats: ['pdf']}));
    await mkdir(path.join(cwd, 'deep', 'er'), {recursive: true});
    const config = await loadConfig({cwd: path.join(cwd, 'deep', 'er')});
    expect(config.path).toBe(path.join(cwd, 'briefing.config.json'));
    expect(config.settings).toEqual({outDir: path.join(cwd, 'pdfs'), paper: 'letter', timeout: 12_500, concurrency: 2, formats: ['pdf']});
    expect(Object.isFrozen(config.settings)).toBe(true);
  });

  it('reads the "briefing" key of package.json, and stops looking at a package.json', async () => {
    await writeFile(path.join(cwd, 'briefing.config.json'), JSON.stringify({paper: 'letter'}));
    await mkdir(path.join(cwd, 'app'));
    await writeFile(path.join(cwd, 'app', 'package.json'), JSON.stringify({name: 'app', briefing: {edition: 'print'}}, null, 2));
    expect((await loadConfig({cwd: path.join(cwd, 'app')})).settings).toEqual({edition: 'print'});

    await writeFile(path.join(cwd, 'app', 'package.json'), JSON.stringify({name: 'app'}));
    expect(await loadConfig({cwd: path.join(cwd, 'app')})).toEqual({settings: {}});
  });

  it('names the file, line and column of unknown keys and invalid values, all of them', async () => {
    await writeFile(path.join(cwd, 'briefing.config.json'), '{\n  "paper": "a5",\n  "outdir": "x",\n  "timeout": 0\n}\n');
    const error = await loadConfig({cwd}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.split('\n')).toEqual([
      'briefing.config.json:2:12: error Invalid `paper`: expected a4 or letter',
      expect.stringMatching(/^briefing\.config\.json:3:3: error Unknown key `outdir`, expected one of outDir, paper, /),
      'briefing.config.json:4:14: error Invalid `timeout`: expected seconds above 0'
    ]);
  });

  it('points at a JSON syntax error, and at a bad key inside package.json', async () => {
    await writeFile(path.join(cwd, 'briefing.config.json'), '{\n  "paper": "a4",\n}\n');
    await expect(loadConfig({cwd})).rejects.toThrow(/^briefing\.config\.json:3:1: error Invalid JSON: /);

    await writeFile(path.join(cwd, 'package.json'), '{\n  "name": "x",\n  "briefing": {\n    "papr": "a4"\n  }\n}\n');
    await expect(loadConfig({cwd, file: 'package.json'})).rejects.toThrow(/^package\.json:4:5: error Unknown key `papr`/);
  });
});

describe('briefing build, configuration', () => {
  it('layers defaults < config file < front matter < flags', async () => {
    await writeFile(path.join(cwd, 'briefing.config.json'), JSON.stringify({outDir: 'site', paper: 'letter', edition: 'print', formats: ['html']}, null, 2));
    await writeFile(path.join(cwd, 'plain.md'), manuscript('Plain'));
    await writeFile(path.join(cwd, 'chooses.md'), manuscript('Chooses', ['paper: a4', 'edition: screen']));

    const configured = await run(['build', 'plain.md', 'chooses.md'], {cwd});
    expect(configured.code).toBe(0);
    expect(await readdir(path.join(cwd, 'site'))).toEqual(['chooses.html', 'plain.html']);
    expect(await pageClasses('site/plain.html')).toBe('edition-print paper-letter');
    expect(await pageClasses('site/chooses.html')).toBe('edition-screen paper-a4');

    const flagged = await run(['build', 'plain.md', 'chooses.md', '--paper', 'letter', '--out-dir', 'flags'], {cwd});
    expect(flagged.code).toBe(0);
    expect(await pageClasses('flags/plain.html')).toBe('edition-print paper-letter');
    expect(await pageClasses('flags/chooses.html')).toBe('edition-screen paper-letter');

    const ignored = await run(['build', 'plain.md', '--no-config', '--format', 'html'], {cwd});
    expect(ignored.code).toBe(0);
    expect(await pageClasses('out/plain.html')).toBe('edition-screen paper-a4');
  });

  it('exits 2 with the place of a bad key, before building anything', async () => {
    await writeFile(path.join(cwd, 'briefing.config.json'), '{\n  "outDir": "site",\n  "colour": "blue"\n}\n');
    await writeFile(path.join(cwd, 'plain.md'), manuscript('Plain'));
    const result = await run(['build', 'plain.md'], {cwd});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^briefing\.config\.json:3:3: error Unknown key `colour`, expected one of outDir,/);
    expect(await readdir(cwd)).toEqual(['briefing.config.json', 'plain.md']);
  });
});
