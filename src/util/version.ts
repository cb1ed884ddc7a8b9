import {packageVersion} from './package-root.js';

/** briefing's version, from package.json. */
export const version: string = packageVersion;

/** How briefing names itself in outputs (`<meta name="generator">`, PDF Creator). */
export const generator = `briefing ${version}`;
