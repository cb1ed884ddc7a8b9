import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BrowserNotFoundError, findBrowser} from '../../src/pdf/find-browser.js';

let dir: string;
let chrome: string;
let shell: string;
let other: string;
let notExecutable: string;
let folder: string;

async function script(name: string, mode: number): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, mode);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-find-browser-'));
  chrome = await script('chrome', 0o755);
  shell = await script('chrome-headless-shell', 0o755);
  other = await script('chromium', 0o755);
  notExecutable = await script('not-executable', 0o644);
  folder = path.join(dir, 'a-folder');
  await mkdir(folder);
});

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('findBrowser', () => {
  it('uses an explicit path first, over both environment variables', () => {
    const found = findBrowser(chrome, {BRIEFING_CHROME: other, PUPPETEER_EXECUTABLE_PATH: other});
    expect(found).toEqual({path: chrome, headless: true, source: '--browser'});
  });

  it('uses BRIEFING_CHROME before PUPPETEER_EXECUTABLE_PATH', () => {
    expect(findBrowser(undefined, {BRIEFING_CHROME: chrome, PUPPETEER_EXECUTABLE_PATH: other})).toEqual({
      path: chrome,
      headless: true,
      source: 'BRIEFING_CHROME'
    });
    expect(findBrowser(undefined, {PUPPETEER_EXECUTABLE_PATH: other})).toEqual({
      path: other,
      headless: true,
      source: 'PUPPETEER_EXECUTABLE_PATH'
    });
  });

  it('ignores empty settings', () => {
    expect(findBrowser('', {BRIEFING_CHROME: '', PUPPETEER_EXECUTABLE_PATH: chrome}).source).toBe('PUPPETEER_EXECUTABLE_PATH');
  });

  it('runs chrome-headless-shell in its own headless mode', () => {
    expect(findBrowser(shell, {}).headless).toBe('shell');
  });

  it('throws BrowserNotFoundError naming the setting when an explicit path is not executable', () => {
    expect(() => findBrowser(notExecutable, {BRIEFING_CHROME: chrome})).toThrow(BrowserNotFoundError);
    expect(() => findBrowser(notExecutable, {BRIEFING_CHROME: chrome})).toThrow(`--browser is set to ${notExecutable}`);
    expect(() => findBrowser(undefined, {BRIEFING_CHROME: notExecutable, PUPPETEER_EXECUTABLE_PATH: chrome})).toThrow(
      `BRIEFING_CHROME is set to ${notExecutable}`
    );
    expect(() => findBrowser(undefined, {PUPPETEER_EXECUTABLE_PATH: path.join(dir, 'missing')})).toThrow(
      /^PUPPETEER_EXECUTABLE_PATH is set to .*missing, which is not an executable file/
    );
  });

  it('refuses a folder as the browser', () => {
    expect(() => findBrowser(folder, {})).toThrow(BrowserNotFoundError);
  });

  it('finds an installed browser when nothing is set', () => {
    const found = findBrowser(undefined, {});
    expect(found.source).toBe('installed');
    expect(path.isAbsolute(found.path)).toBe(true);
  });
});
