import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {resolveSettings, type SettingsLayers} from '../src/config/config.js';
import {createTemplateLoader, templatesDir} from '../src/html/template/load-template.js';
import {createProcessor, type BriefingProcessor} from '../src/pipeline/processor.js';
import {formatMessages} from '../src/messages/report.js';
import {version} from '../src/util/version.js';

/**
 * `fixtures/<case>/input.md` → `output.html` (the whole page: head, CSP, `lang`, body)
 * and `messages.txt`, with the settings of an optional `config.json`: the run's layers as
 * `resolveSettings` takes them, `{"config": {...}, "flags": {...}}` (a project
 * configuration, which the front matter beats, and flags, which beat it), with any of
 * `edition`, `paper`, `template`, `strict`. The language is the manuscript's own (`lang:`
 * or what its prose reads as). Regenerate with `npx vitest run tests/fixtures.test.ts -u`,
 * then read every changed file before committing it.
 *
 * Two things are written compactly, so a page stays readable: each inlined font (a few
 * hundred kB of base64) as the sha256 of its bytes, and a template's own stylesheet, when
 * the page carries it exactly as the file has it, as the file's name (any other text of
 * the style element, the page CSS and the fonts' rules, stays). The version in the
 * generator tag is written as `{version}`, so a release does not rewrite every fixture.
 */
const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));
const cases = readdirSync(fixtures, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** One template loader for every case: each template is read once. */
const templates = createTemplateLoader();
const processors = new Map<string, BriefingProcessor>();

/**
 * The processor for a case's settings, made once per distinct `config.json`.
 *
 * @param layers
 *   The case's layers.
 * @returns
 *   The processor, with the fixtures folder as the project root (images stay inside it).
 */
function processorFor(layers: SettingsLayers): BriefingProcessor {
  const key = JSON.stringify(layers);
  let processor = processors.get(key);
  if (!processor) {
    processor = createProcessor({settings: resolveSettings(layers), templates, root: fixtures});
    processors.set(key, processor);
  }
  return processor;
}

/**
 * A case's `config.json`, checked: only the two layers, each a settings layer.
 *
 * @param dir
 *   The case's folder.
 * @returns
 *   The layers (none without a file).
 */
async function layersOf(dir: string): Promise<SettingsLayers> {
  const file = path.join(dir, 'config.json');
  if (!existsSync(file)) return {};
  const layers = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const unknown = Object.keys(layers).filter((key) => key !== 'config' && key !== 'flags');
  if (unknown.length > 0) throw new Error(`${file}: unknown key ${unknown.join(', ')}, expected "config" and "flags"`);
  return layers as SettingsLayers;
}

/** Every bundled template's stylesheets, to find in a page: `[text, name]`. */
const stylesheets: Array<[string, string]> = readdirSync(templatesDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(path.join(templatesDir, entry.name))
      .filter((name) => name.endsWith('.css'))
      .map((name): [string, string] => [path.join(templatesDir, entry.name, name), `templates/${entry.name}/${name}`])
  )
  .map(([file, name]) => [readFileSync(file, 'utf8'), name]);

/**
 * The page as a fixture shows it.
 *
 * @param html
 *   The page.
 * @returns
 *   The page with fonts as hashes, template stylesheets by name, and the version as `{version}`.
 */
function compactPage(html: string): string {
  let page = html.replace(/url\(data:(font\/[\w.+-]+);base64,([A-Za-z0-9+/=]+)\)/g, (_all, type: string, base64: string) => {
    const bytes = Buffer.from(base64, 'base64');
    return `url(data:${type};sha256=${createHash('sha256').update(bytes).digest('hex').slice(0, 16)};bytes=${bytes.length})`;
  });
  for (const [text, name] of stylesheets) {
    const trimmed = text.trim();
    if (trimmed !== '' && page.includes(trimmed)) page = page.split(trimmed).join(`/* ${name}, as the file has it */`);
  }
  return page.split(`content="briefing ${version}"`).join('content="briefing {version}"');
}

describe('fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(fixtures, name);
    const processor = processorFor(await layersOf(dir));
    const file = new VFile({path: 'input.md', cwd: dir, value: await readFile(path.join(dir, 'input.md'), 'utf8')});

    const html = String(await processor.process(file));

    expect(html, 'a whole page').toMatch(/^<!doctype html><html [^>]*lang="[^"]+"[\s\S]*<\/html>$/);
    await expect(`${compactPage(html)}\n`).toMatchFileSnapshot(path.join(dir, 'output.html'));
    await expect(formatMessages([file])).toMatchFileSnapshot(path.join(dir, 'messages.txt'));
  });

  it('writes a font as its hash, and a template stylesheet by name only when the page has it exactly', () => {
    const [css, name] = stylesheets.find(([, file]) => file === 'templates/briefing/style.css') ?? ['', ''];
    const font = Buffer.from('not really a font');
    const page = `<style>@font-face{src:url(data:font/woff2;base64,${font.toString('base64')}) format('woff2')}\n${css.trim()}</style><meta name="generator" content="briefing ${version}">`;
    const sha = createHash('sha256').update(font).digest('hex').slice(0, 16);
    expect(compactPage(page)).toBe(
      `<style>@font-face{src:url(data:font/woff2;sha256=${sha};bytes=${font.length}) format('woff2')}\n/* ${name}, as the file has it */</style><meta name="generator" content="briefing {version}">`
    );
    // A stylesheet changed on its way into the page stays in full, so the difference shows.
    const altered = css.replace(':root', ':root ');
    expect(compactPage(`<style>${altered}</style>`)).toBe(`<style>${altered}</style>`);
  });
});
