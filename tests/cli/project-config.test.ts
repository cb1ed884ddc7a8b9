import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {projectConfig} from '../../src/cli/project-config.js';
import {ConfigError} from '../../src/config/config-file.js';
import {temporaryFolder} from './helpers.js';

let folder: {dir: string; remove(): Promise<void>};
let cwd: string;

beforeEach(async () => {
  folder = await temporaryFolder('project-config');
  cwd = process.cwd();
  await mkdir(path.join(folder.dir, 'sub'));
  await writeFile(path.join(folder.dir, 'briefing.config.json'), JSON.stringify({paper: 'letter'}));
  await writeFile(path.join(folder.dir, 'other.json'), JSON.stringify({edition: 'print'}));
  await writeFile(path.join(folder.dir, 'broken.json'), '{"colour": "blue"}');
  process.chdir(path.join(folder.dir, 'sub'));
});

afterEach(async () => {
  process.chdir(cwd);
  await folder.remove();
});

describe('projectConfig', () => {
  it('finds the configuration from the working directory up', async () => {
    expect((await projectConfig({})).settings).toEqual({paper: 'letter'});
  });

  it('reads the file --config names, relative to the working directory', async () => {
    expect((await projectConfig({config: '../other.json'})).settings).toEqual({edition: 'print'});
    await expect(projectConfig({config: '../broken.json'})).rejects.toThrow(ConfigError);
  });

  it('reads nothing with --no-config, not even a broken file --config names', async () => {
    expect(await projectConfig({'no-config': true, config: '../broken.json'})).toEqual({settings: {}});
  });
});
