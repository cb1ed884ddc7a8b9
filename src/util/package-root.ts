import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** briefing's own package.json, as far as it is read. */
interface Manifest {
  readonly name?: string;
  readonly version: string;
}

/**
 * Find briefing's package folder above this module, wherever it was compiled or bundled
 * to (`dist/`, `dist/chunks/`), so templates and the version are found the same way
 * from the sources, the compiled library and the bundled command.
 *
 * @param {string} from
 *   A file inside the package.
 * @returns {{root: string, manifest: Manifest}}
 *   The folder and its package.json.
 */
function findPackage(from: string): {root: string; manifest: Manifest} {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
      if (manifest.name === 'briefing') return {root: dir, manifest};
    } catch {
      // No package.json here: keep climbing.
    }
    if (path.dirname(dir) === dir) throw new Error(`Cannot find briefing's package.json above ${from}`);
  }
}

const found = findPackage(fileURLToPath(import.meta.url));

/** The package folder: `templates/` and package.json live here. */
export const packageRoot: string = found.root;

/** briefing's version, from package.json. */
export const packageVersion: string = found.manifest.version;
