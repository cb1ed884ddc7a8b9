import {readFileSync} from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};

/** briefing's version, from package.json. */
export const version: string = manifest.version;

/** How briefing names itself in outputs (`<meta name="generator">`, PDF Creator). */
export const generator = `briefing ${version}`;
