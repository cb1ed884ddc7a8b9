import path from 'node:path';
import {packageRoot} from '../../util/package-root.js';

/** Where the bundled templates live: `templates/` at the package root. */
export const templatesDir = path.join(packageRoot, 'templates');

/**
 * The folder of a template: a name from `templates/`, or a path (anything with a slash).
 *
 * @param {string} nameOrDir
 *   Template name or folder.
 * @returns {string}
 *   Absolute folder.
 */
export function templateDir(nameOrDir: string): string {
  return /[\\/]/.test(nameOrDir) ? path.resolve(nameOrDir) : path.join(templatesDir, nameOrDir);
}
