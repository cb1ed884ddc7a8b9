import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {remarkParseInPieces} from '../../src/markdown/remark-parse-in-pieces.js';
import {atEveryHeading as inPieces, byDefault, whole} from '../helpers/parse-chains.js';
import {splitAtHeadings} from '../../src/markdown/split-at-headings.js';


const root = new URL('../../', import.meta.url);
const sample = readFileSync(new URL('manuscripts/us-china-leaders-call.md', root), 'utf8');
const fixtures = fileURLToPath(new URL('tests/fixtures/', root));
const fixtureInputs = readdirSync(fixtures, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => [entry.name, readFileSync(`${fixtures}${entry.name}/input.md`, 'utf8')] as const);

/** The sample's body, in sections, for long documents. */
const body = sample.slice(sample.indexOf('\n---\n', 4) + 5);
const sections = body.split(/\n(?=## )/).slice(1);

/**
 * A long briefing with everything that could go wrong at a cut: references and footnotes
 * used before and after their definitions in other sections, definitions inside
 * containers, a `## ` inside fenced code and HTML comments, a container directive
 * around headings, setext headings, lists, tables, lazy lines, tabs, text that looks
 * like a definition but is not, and a list item whose unclosed fence fools the splitter.
 */
function longDocument(count: number): string {
  let text = `---\ntitle: Long\n## not a heading: YAML comment\n---\n\nSee [the archive][archive] and the first note.[^first]\n\n`;
  for (let index = 0; index < count; index++) {
    const section = sections[index % sections.length] as string;
    text += section.replace(/^## /, `## ${index}. `) + '\n';
    text += `Compare [section ${index + 1}][ref-${index + 1}], [Ref-${index}] and [the archive][ARCHIVE]; [sic] and [x]: not a definition.[^n${index}] [^missing]\n\n`;
    text += `- item with a [ref-${index}] reference\n- \tsecond item\n  lazy continuation\n\n> quoted [^n${index}]\n> [quoted-${index}]: https://example.org/q/${index}\n\n`;
    text += `| a | b |\n| - | - |\n| [quoted-${index}] | ${index} |\n\n`;
    text += `Setext ${index}\n---\n\nAnother setext ${index}\n===\n\n`;
    if (index % 3 === 0) text += '```md\n## inside code\n\n## still inside\n```\n\n';
    if (index % 4 === 1) text += ':::note\nOpen container.\n\n## Heading inside a directive\n\nMore.\n:::\n\n';
    if (index % 5 === 2) text += '<!--\nA comment.\n\n## inside a comment\n-->\n\n';
    if (index % 6 === 3) text += '- item\n\n  ```\n  unclosed fence in a list item\n\nAfter the list.\n\n```\n\n## inside a real fence\n```\n\n';
    text += `[ref-${index}]: https://example.org/${index} "Reference ${index}"\n\n`;
  }
  text += `## Notes\n\n[archive]: https://example.org/archive\n[^first]: The first note.\n\n`;
  for (let index = 0; index < count; index++) text += `[^n${index}]: Note ${index}, with [ref-0].\n\n`;
  return text;
}

function expectSameTree(document: string): void {
  expect(inPieces.parse(document)).toStrictEqual(whole.parse(document));
}

describe('remarkParseInPieces', () => {
  it('gives the sample the same tree as remark-parse', () => {
    expect(splitAtHeadings(sample, 0).length).toBeGreaterThan(3);
    expectSameTree(sample);
  });

  it.each(fixtureInputs)('gives fixture %s the same tree as remark-parse', (_, input) => {
    expectSameTree(input);
  });

  it('gives a long document, cut at every heading, the same tree, positions and references included', () => {
    const document = longDocument(24);
    expect(splitAtHeadings(document, 0).length).toBeGreaterThan(15);
    expectSameTree(document);
  });

  it('does the same with CR LF and CR line endings', () => {
    expectSameTree(longDocument(8).replaceAll('\n', '\r\n'));
    expectSameTree(longDocument(8).replaceAll('\n', '\r'));
  });

  it('resolves a definition that the scan for definitions cannot see', () => {
    const document = `## One\n\nSee [a long\nlabel] and [b].\n\n## Two\n\n> [A long\n> label]: https://example.org/a\n\n- [b]:\n  https://example.org/b\n`;
    expectSameTree(document);
    expect(JSON.stringify(inPieces.parse(document))).toContain('"linkReference"');
  });

  it('parses a text that only looks like a definition as text', () => {
    expectSameTree(`## One\n\nUse [this] and [^that].\n\n## Two\n\nNot a definition: [this]: and [^that]: in running text.\n`);
  });

  it('keeps whole what must not be cut, in short and long documents', () => {
    for (const document of [
      '---\ntitle: x\n\n## comment\n---\n\n## A\n\ntext\n',
      '```\n\n## code\n',
      ':::note\n\n## inside\n\n:::\n\n## after\n',
      '<!--\n\n## inside\n\n-->\n\n## after\n',
      '- a\n\n   ```\n   b\n\n## cut here\n\n```\n\n## inside\n```\n'
    ]) {
      expectSameTree(document);
    }
  });

  it('parses a short document whole, and a long one by default in pieces, to the same tree', () => {
    const document = longDocument(60);
    expect(document.length).toBeGreaterThan(100_000);
    expect(byDefault.parse(document)).toStrictEqual(whole.parse(document));
    expect(byDefault.parse(sample)).toStrictEqual(whole.parse(sample));
  });
});

describe('splitAtHeadings', () => {
  it('cuts before headings that follow a blank line, no smaller than asked', () => {
    const document = '# A\n\ntext\n## B\n\n## C\n\n```\n## D\n```\n\n### E\n';
    expect(splitAtHeadings(document, 0)).toStrictEqual([
      {offset: 0, line: 1},
      {offset: 16, line: 6},
      {offset: 36, line: 12}
    ]);
    expect(splitAtHeadings(document, 17)).toStrictEqual([
      {offset: 0, line: 1},
      {offset: 36, line: 12}
    ]);
  });
});
