import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';

/** A Chrome/Chromium binary, and the headless mode it runs in. */
export interface BrowserExecutable {
  readonly path: string;
  /** `shell` for chrome-headless-shell, which starts about three times faster. */
  readonly headless: 'shell' | true;
  /** Where the choice came from, for error messages and `--verbose` output. */
  readonly source: string;
}

/** Installed browsers, best first: the headless shell prints the same PDF, faster. */
const candidates: readonly string[] = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'
];

/** Raised when no usable browser can be found; its message says how to get one. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/**
 * Decide which browser prints: an explicit setting (option, `BRIEFING_CHROME`,
 * `PUPPETEER_EXECUTABLE_PATH`), else the first installed Chrome/Chromium. An explicit
 * setting that does not work is an error, not a reason to quietly use another browser.
 *
 * @param {string | undefined} explicit
 *   A path given by the caller (`--browser`).
 * @param {NodeJS.ProcessEnv} env
 *   Environment to read.
 * @returns {BrowserExecutable}
 *   The browser to launch.
 */
export function findBrowser(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): BrowserExecutable {
  const settings: Array<[string, string | undefined]> = [
    ['--browser', explicit],
    ['BRIEFING_CHROME', env['BRIEFING_CHROME']],
    ['PUPPETEER_EXECUTABLE_PATH', env['PUPPETEER_EXECUTABLE_PATH']]
  ];
  for (const [source, value] of settings) {
    if (!value) continue;
    if (!isExecutable(value)) {
      throw new BrowserNotFoundError(`${source} is set to ${value}, which is not an executable file. ${howToInstall}`);
    }
    return {path: value, headless: headlessMode(value), source};
  }
  const found = candidates.find((candidate) => isExecutable(candidate));
  if (found) return {path: found, headless: headlessMode(found), source: 'installed'};
  throw new BrowserNotFoundError(`No Chrome or Chromium found to print PDFs. ${howToInstall}`);
}

const howToInstall =
  'Install one with `npm run setup` (on Debian/Ubuntu it runs `apt-get install chromium chromium-headless-shell`), ' +
  'or point BRIEFING_CHROME at a Chrome/Chromium binary. `--format html` needs no browser.';

function headlessMode(file: string): 'shell' | true {
  return /headless[-_]shell/i.test(path.basename(file)) ? 'shell' : true;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    // Folders are "executable" too (searchable); a browser is a file.
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
