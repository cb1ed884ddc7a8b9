import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import * as z from 'zod';
import {editions, type Edition} from '../../config/config.js';
import {getOrCreate} from '../../util/get-or-create.js';
import {templateDir} from './template-dir.js';
import {facesFor, fontFaceCss, loadFontFaces, type FontFace} from './fonts.js';
import {fontOrigin} from '../page-policy.js';

/** Where the bundled templates live: `templates/` at the package root. */
export {templatesDir} from './template-dir.js';

const manifestSchema = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  fonts: z.array(
    z.strictObject({
      package: z.string().regex(/^@fontsource(?:-variable)?\/[a-z0-9-]+$/),
      weights: z.array(z.number().int()),
      italics: z.array(z.number().int()).optional(),
      fallback: z.boolean().optional(),
      for: z.string().min(1).optional()
    })
  ),
  editions: z.partialRecord(z.enum(editions), z.string().regex(/^[\w-]+\.css$/)).optional(),
  /** `required`: `briefing check` warns about a document without a summary box (see remarkLintSummary). */
  summary: z.enum(['required', 'optional']).optional()
});

/**
 * A trusted template: `template.html` parsed into a tree once, `style.css`, and the
 * fonts it bundles. Documents are filled into copies of the tree, never into strings.
 */
export interface Template {
  readonly name: string;
  /** `required`: a document without a summary box is incomplete for this template (`briefing check` warns). */
  readonly summary: 'required' | 'optional';
  readonly dir: string;
  readonly tree: Root;
  readonly css: string;
  /** Extra stylesheet per edition (`print.css` for `--edition print`). */
  readonly editionCss: Readonly<Partial<Record<Edition, string>>>;
  readonly faces: readonly FontFace[];
  /**
   * The `@font-face` rules for the subsets a text needs, in the two forms a page takes.
   *
   * @param text
   *   Every character the page shows.
   * @param textOf
   *   The text of the elements a selector matches, for families that are only for some
   *   elements (`FontSpec.for`); defaults to `text`.
   */
  fonts(text: string, textOf?: (selector: string) => string): Promise<PageFonts>;
  /**
   * A font file of this template as base64, read once.
   *
   * @param file
   *   Absolute path, from `PageFonts.requests`.
   */
  readFont(file: string): Promise<string>;
}

/** A page's fonts: the same faces, inlined for the file and by URL for the print tab. */
export interface PageFonts {
  /** Rules with the fonts inlined as `data:` URLs: the page needs no request to render. */
  readonly inline: string;
  /** Rules with the fonts at `fontOrigin` URLs, which the print tab answers itself. */
  readonly requested: string;
  /** The absolute font file behind each URL of `requested`. */
  readonly requests: ReadonlyMap<string, string>;
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
  const urls = new Map<string, Promise<string>>();
  const fontsByFaces = new Map<string, Promise<PageFonts>>();
  const readFont = (file: string): Promise<string> => getOrCreate(base64, file, async () => (await readFile(file)).toString('base64'));
  // Named by content, so a tab that has fetched a font once never fetches it again.
  const urlFor = (file: string): Promise<string> =>
    getOrCreate(urls, file, async () => `${fontOrigin}/${createHash('sha256').update(await readFont(file)).digest('hex').slice(0, 32)}.woff2`);
  const pageFonts = async (chosen: readonly FontFace[]): Promise<PageFonts> => {
    const [inline, requested] = await Promise.all([
      fontFaceCss(chosen, async (file) => `data:font/woff2;base64,${await readFont(file)}`),
      fontFaceCss(chosen, urlFor)
    ]);
    const requests = new Map(await Promise.all(chosen.map(async (face) => [await urlFor(face.file), face.file] as const)));
    return {inline, requested, requests};
  };

  return Object.freeze({
    name: manifest.data.name,
    summary: manifest.data.summary ?? 'optional',
    dir,
    tree: fromHtml(html),
    css,
    editionCss: Object.freeze(editionCss),
    faces,
    readFont,
    fonts: (text: string, textOf: (selector: string) => string = () => text) => {
      // Most pages of a template need the same faces: their rules are made once. A family
      // for some elements only (code) is chosen by their text alone.
      const chosen = facesFor(
        faces.filter((face) => face.for === undefined),
        text
      );
      for (const selector of new Set(faces.flatMap((face) => (face.for === undefined ? [] : [face.for])))) {
        chosen.push(...facesFor(faces.filter((face) => face.for === selector), textOf(selector)));
      }
      const key = chosen.map((face) => faces.indexOf(face)).join();
      let made = fontsByFaces.get(key);
      if (!made) {
        made = pageFonts(chosen);
        if (fontsByFaces.size >= 16) fontsByFaces.delete(fontsByFaces.keys().next().value as string);
        fontsByFaces.set(key, made);
      }
      return made;
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
