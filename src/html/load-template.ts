import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import * as z from 'zod';
import {editions, type Edition} from '../config.js';
import {getOrCreate} from '../get-or-create.js';
import {templateDir} from '../template-dir.js';
import {facesFor, fontFaceCss, loadFontFaces, type FontFace} from './fonts.js';

/** Where the bundled templates live: `templates/` at the package root. */
export {templatesDir} from '../template-dir.js';

const manifestSchema = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  fonts: z.array(
    z.strictObject({
      package: z.string().regex(/^@fontsource(?:-variable)?\/[a-z0-9-]+$/),
      weights: z.array(z.number().int()),
      italics: z.array(z.number().int()).optional(),
      fallback: z.boolean().optional()
    })
  ),
  editions: z.partialRecord(z.enum(editions), z.string().regex(/^[\w-]+\.css$/)).optional()
});

/**
 * A trusted template: `template.html` parsed into a tree once, `style.css`, and the
 * fonts it bundles. Documents are filled into copies of the tree, never into strings.
 */
export interface Template {
  readonly name: string;
  readonly dir: string;
  readonly tree: Root;
  readonly css: string;
  /** Extra stylesheet per edition (`print.css` for `--edition print`). */
  readonly editionCss: Readonly<Partial<Record<Edition, string>>>;
  readonly faces: readonly FontFace[];
  /**
   * `@font-face` rules for the subsets a text needs, fonts inlined.
   *
   * @param text
   *   Every character the page shows.
   */
  fontCss(text: string): Promise<string>;
}

/**
 * Load a template by name (`briefing`, from `templates/`) or by folder path.
 *
 * @param {string} nameOrDir
 *   Template name or folder.
 * @returns {Promise<Template>}
 *   The template, ready to fill.
 */
export async function loadTemplate(nameOrDir: string): Promise<Template> {
  const dir = templateDir(nameOrDir);
  const read = async (file: string): Promise<string> => {
    try {
      return await readFile(path.join(dir, file), 'utf8');
    } catch (error) {
      throw new Error(`Cannot read template \`${nameOrDir}\`: ${path.join(dir, file)} is missing (${(error as NodeJS.ErrnoException).code})`, {cause: error});
    }
  };
  const [html, css, manifestText] = await Promise.all([read('template.html'), read('style.css'), read('template.json')]);
  const manifest = manifestSchema.safeParse(JSON.parse(manifestText));
  if (!manifest.success) throw new Error(`Invalid ${path.join(dir, 'template.json')}: ${z.prettifyError(manifest.error)}`);

  const faces = await loadFontFaces(manifest.data.fonts);
  const editionCss: Partial<Record<Edition, string>> = {};
  for (const [edition, sheet] of Object.entries(manifest.data.editions ?? {})) editionCss[edition as Edition] = await read(sheet);
  const base64 = new Map<string, Promise<string>>();
  const rulesByFaces = new Map<string, Promise<string>>();
  const readBase64 = (file: string): Promise<string> => getOrCreate(base64, file, async () => (await readFile(file)).toString('base64'));

  return Object.freeze({
    name: manifest.data.name,
    dir,
    tree: fromHtml(html),
    css,
    editionCss: Object.freeze(editionCss),
    faces,
    fontCss: (text: string) => {
      // Most pages of a template need the same faces: their rules are made once.
      const chosen = facesFor(faces, text);
      const key = chosen.map((face) => faces.indexOf(face)).join();
      let rules = rulesByFaces.get(key);
      if (!rules) {
        rules = fontFaceCss(chosen, readBase64);
        if (rulesByFaces.size >= 16) rulesByFaces.delete(rulesByFaces.keys().next().value as string);
        rulesByFaces.set(key, rules);
      }
      return rules;
    }
  });
}

/**
 * A loader that reads each template once, however many documents use it.
 *
 * @returns {(nameOrDir: string) => Promise<Template>}
 *   Cached `loadTemplate`.
 */
export function createTemplateLoader(): (nameOrDir: string) => Promise<Template> {
  const cache = new Map<string, Promise<Template>>();
  return (nameOrDir) => {
    let template = cache.get(nameOrDir);
    if (!template) {
      template = loadTemplate(nameOrDir);
      // A failed load is not cached: the error is reported, and the next try reads again.
      template.catch(() => cache.delete(nameOrDir));
      cache.set(nameOrDir, template);
    }
    return template;
  };
}
