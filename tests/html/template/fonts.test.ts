import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {facesFor, fontFaceCss, loadFontFaces, parseFontsourceCss, parseUnicodeRange, type FontFace, type FontSpec} from '../../../src/html/template/fonts.js';
import {loadTemplate, templatesDir} from '../../../src/html/template/load-template.js';

/** fontsource names its files `<family>-<subset>-<weight>-<style>.woff2`. */
function subsetOf(face: FontFace): string {
  const match = /-(latin-ext|latin|cyrillic-ext|cyrillic|greek-ext|greek|vietnamese|[a-z]+|\d+)-\d+-(?:normal|italic)\.woff2$/.exec(path.basename(face.file));
  if (!match?.[1]) throw new Error(`Unexpected font file name ${face.file}`);
  return match[1];
}

function covers(face: FontFace, character: string): boolean {
  const point = character.codePointAt(0) ?? -1;
  return face.ranges.some(([from, to]) => point >= from && point <= to);
}

describe('parseUnicodeRange', () => {
  it('parses ranges, single code points and wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+02??')).toEqual([
      [0x00, 0xff],
      [0x131, 0x131],
      [0x200, 0x2ff]
    ]);
  });

  it('accepts a lower-case prefix and code points beyond the BMP', () => {
    expect(parseUnicodeRange('u+1F600-1F64F')).toEqual([[0x1f600, 0x1f64f]]);
  });
});

describe('parseFontsourceCss', () => {
  const css = `/* source-serif-4-latin-400-normal */
@font-face {
  font-family: 'Source Serif 4';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url(./files/source-serif-4-latin-400-normal.woff2) format('woff2'), url(./files/source-serif-4-latin-400-normal.woff) format('woff');
  unicode-range: U+0000-00FF,U+0131;
}`;

  it('reads family, style, weight, range and resolves the file against the package', () => {
    expect(parseFontsourceCss(css, '/pkg')).toEqual([
      {
        family: 'Source Serif 4',
        style: 'normal',
        weight: 400,
        unicodeRange: 'U+0000-00FF,U+0131',
        ranges: [
          [0, 255],
          [0x131, 0x131]
        ],
        file: path.resolve('/pkg', './files/source-serif-4-latin-400-normal.woff2')
      }
    ]);
  });

  it('refuses a rule it does not understand', () => {
    expect(() => parseFontsourceCss('@font-face { font-family: X; }', '/pkg')).toThrow(/fontsource/);
  });
});

describe('facesFor', () => {
  /** The briefing template's faces. */
  let faces: FontFace[];
  /** Those of its main families (not the fallbacks). */
  let main: FontFace[];

  beforeAll(async () => {
    const manifest = JSON.parse(await readFile(path.join(templatesDir, 'briefing', 'template.json'), 'utf8')) as {fonts: FontSpec[]};
    faces = await loadFontFaces(manifest.fonts);
    main = faces.filter((face) => !face.fallback);
  });

  it('loads the latin and cyrillic subsets of every main family, code face included', () => {
    expect(new Set(main.map((face) => face.family))).toEqual(new Set(['Source Serif 4', 'Source Sans 3', 'Source Code Pro']));
    const subsets = new Set(main.map((face) => subsetOf(face)));
    expect(subsets).toContain('latin');
    expect(subsets).toContain('cyrillic');
  });

  it('picks only the latin faces of the main families for English text', () => {
    const chosen = facesFor(faces, 'The call lasted about an hour and a half.');
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen).toEqual(main.filter((face) => subsetOf(face) === 'latin'));
  });

  it('adds the cyrillic faces, for every family and weight, only when the text has Cyrillic', () => {
    const chosen = facesFor(faces, 'Call with Путин');
    const cyrillic = chosen.filter((face) => subsetOf(face) === 'cyrillic');
    expect(cyrillic.length).toBeGreaterThan(0);
    expect(cyrillic).toEqual(main.filter((face) => subsetOf(face) === 'cyrillic'));
    expect(facesFor(faces, 'Call with Putin').some((face) => subsetOf(face) === 'cyrillic')).toBe(false);
  });

  it('uses a fallback family only for characters no main family covers', () => {
    const chosen = facesFor(faces, 'Talks in 北京');
    const fallbacks = chosen.filter((face) => face.fallback);
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const face of fallbacks) expect(covers(face, '北') || covers(face, '京'), face.file).toBe(true);
    expect(chosen.filter((face) => !face.fallback)).toEqual(main.filter((face) => subsetOf(face) === 'latin'));
  });

  it('picks nothing for an empty text', () => {
    expect(facesFor(faces, '')).toEqual([]);
  });
});

describe('fontFaceCss', () => {
  it('loads each face from the URL given for its file, with its unicode-range', async () => {
    const face: FontFace = {
      family: 'Test Sans',
      style: 'italic',
      weight: 600,
      unicodeRange: 'U+0000-00FF',
      ranges: [[0, 255]],
      file: '/fonts/test.woff2',
      fallback: false
    };
    const read: string[] = [];
    const css = await fontFaceCss([face], async (file) => {
      read.push(file);
      return 'data:font/woff2;base64,QUJD';
    });
    expect(read).toEqual(['/fonts/test.woff2']);
    expect(css).toBe(
      "@font-face{font-family:'Test Sans';font-style:italic;font-weight:600;font-display:block;" +
        "src:url(data:font/woff2;base64,QUJD) format('woff2');unicode-range:U+0000-00FF}"
    );
  });
});

describe('Template.fonts', () => {
  it('makes the rules for a set of faces once, and other rules for text that needs other faces', async () => {
    const template = await loadTemplate('briefing');
    const latin = await template.fonts('Plain English text.');
    expect(await template.fonts('Other English words.')).toBe(latin);
    const chinese = await template.fonts('Plain English text with 中文.');
    expect(chinese).not.toBe(latin);
    expect(chinese.inline).toContain('Noto Sans SC');
    expect(latin.inline).not.toContain('Noto Sans SC');
    // The surrogate pair of an emoji is one character, and it brings in the emoji font.
    expect((await template.fonts('Text 🌍')).inline).toContain('Noto Emoji');
  });

  it("chooses a family that is for some elements only (the code font) by those elements' text", async () => {
    const template = await loadTemplate('briefing');
    const prose = await template.fonts('Plain text and x = 1', () => '');
    expect(prose.inline).not.toContain('Source Code Pro');
    expect(prose.inline).toContain('Source Serif 4');
    const asked: string[] = [];
    const code = await template.fonts('Plain text and x = 1', (selector) => {
      asked.push(selector);
      return 'x = 1';
    });
    expect(asked).toEqual(['pre, code, kbd, samp']);
    expect(code.inline).toContain('Source Code Pro');
  });

  it('gives the same faces by content-named URL for the print tab, with the file behind each URL', async () => {
    const template = await loadTemplate('briefing');
    const fonts = await template.fonts('Plain English text with 中文.');
    const inlined = fonts.inline.match(/url\(data:font\/woff2;base64,/g) ?? [];
    const urls = [...fonts.requested.matchAll(/url\((https:\/\/fonts\.briefing\.invalid\/[0-9a-f]{32}\.woff2)\)/g)].map((match) => match[1]);
    expect(urls.length).toBe(inlined.length);
    expect(fonts.requested).not.toContain('data:');
    expect(new Set(fonts.requests.keys())).toEqual(new Set(urls));
    for (const [url, file] of fonts.requests) {
      const data = await template.readFont(file);
      expect(fonts.inline).toContain(data);
      expect(url).toContain(createHash('sha256').update(data).digest('hex').slice(0, 32));
    }
    // The rules are the same but for the source of each font.
    expect(fonts.requested.replace(/url\([^)]*\)/g, 'url()')).toBe(fonts.inline.replace(/url\([^)]*\)/g, 'url()'));
  });
});
