import type {Element, Root} from 'hast';
import {select, selectAll} from 'hast-util-select';
import {fromHtml} from 'hast-util-from-html';
import {toString} from 'hast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {beforeAll, describe, expect, it} from 'vitest';
import {hyphenateProse, maxHyphenatedToken, maxHyphenatedWord} from '../../src/html/rehype-hyphenate.js';
import {maxBrokenAddress, withBreaks} from '../../src/html/rehype-url-breaks.js';
import {loadTemplate} from '../../src/html/template/load-template.js';
import {remarkParseInPieces} from '../../src/markdown/remark-parse-in-pieces.js';
import {splitAtHeadings} from '../../src/markdown/split-at-headings.js';
import {createProcessor, type BriefingProcessor} from '../../src/pipeline/processor.js';

/**
 * Single tokens of the sizes that once took seconds (issue 11 §3): a 60 k-character
 * address-like run, a 40 k-letter word, 60 k backticks. Their time is measured in
 * `bench/` (case 5, `npm run bench -- scaling`); here, what comes out must be right:
 * every character kept, long runs left unbroken and unhyphenated, ordinary words and
 * addresses beside them still treated.
 */
let processor: BriefingProcessor;

beforeAll(async () => {
  const template = await loadTemplate('briefing');
  processor = createProcessor({templates: async () => template});
});

/** The article of a one-paragraph manuscript, built to HTML by the whole HTML stage. */
async function article(body: string, lang = 'en'): Promise<Element> {
  const file = new VFile({path: 'token.md', value: `---\ntitle: Token\nlang: ${lang}\n---\n\n${body}\n`});
  const html = String(await processor.process(file));
  expect(file.messages.filter((message) => message.fatal)).toEqual([]);
  return select('main.article', fromHtml(html)) as Element;
}

const softHyphen = '\u00AD';
const wbrCount = (node: Element | Root): number => selectAll('wbr', node).length;

describe('long tokens come out whole', () => {
  it('a 60 k-character address-like run is kept character for character, without break points or hyphens', async () => {
    const token = 'example.'.repeat(7500);
    const main = await article(`See ${token} and https://example.org/a/b?c=d here.`);
    const text = toString(main);
    expect(text).toContain(token);
    // The long run has none; the short address after it still has its joints.
    const paragraph = select('p', main) as Element;
    expect(wbrCount(paragraph)).toBeGreaterThan(0);
    expect(wbrCount(paragraph)).toBeLessThan(10);
  });

  it('breaks addresses up to the limit at their joints and leaves longer ones alone', () => {
    const address = (length: number): string => `https://example.org/${'a/'.repeat(length)}`.slice(0, length);
    const asText = (nodes: ReturnType<typeof withBreaks>): string => nodes.map((node) => (node.type === 'text' ? node.value : '')).join('');
    for (const length of [100, maxBrokenAddress, maxBrokenAddress + 1, 100_000]) {
      const value = `go to ${address(length)} now`;
      const nodes = withBreaks(value);
      expect(asText(nodes), `length ${length}`).toBe(value);
      const breaks = nodes.filter((node) => node.type === 'element').length;
      if (length <= maxBrokenAddress) expect(breaks, `length ${length}`).toBeGreaterThan(length / 4);
      else expect(breaks, `length ${length}`).toBe(0);
    }
  });

  it('finds e-mail addresses and schemes in long runs, keeping every character', () => {
    const asText = (value: string): string =>
      withBreaks(value)
        .map((node) => (node.type === 'text' ? node.value : ''))
        .join('');
    for (const value of ['me@example.'.repeat(6000), 'a@'.repeat(30_000), `${'x'.repeat(200)}@mail.example.org`, 'a1'.repeat(30_000), '['.repeat(60_000), `1http://${'a.'.repeat(1000)}`]) {
      expect(asText(value)).toBe(value);
    }
    // An address after a long local part still breaks in its domain.
    expect(withBreaks(`${'x'.repeat(200)}@mail.example.org`).filter((node) => node.type === 'element')).toHaveLength(2);
  });

  it('a 40 k-letter word is not hyphenated, the words around it are', async () => {
    const word = 'abcdefghij'.repeat(4000);
    const main = await article(`Hyphenation ${word} afterwards.`);
    const text = toString(main);
    expect(text.replaceAll(softHyphen, '')).toBe(`Hyphenation ${word} afterwards.`);
    expect(text).toContain(word);
    expect(text).toMatch(/Hy\u00ADphen|af\u00ADter/);
  });

  it(`hyphenates words up to ${maxHyphenatedWord} letters, German compounds included, and no longer ones`, () => {
    const hyphenate = (word: string): string => word.replace(/(?<=.{3})(?=.{3})/g, softHyphen);
    const compound = 'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung'.slice(0, maxHyphenatedWord);
    expect(hyphenateProse(`die ${compound} gilt`, hyphenate)).toContain(softHyphen);
    expect(hyphenateProse(`${compound}x`, hyphenate)).toBe(`${compound}x`);
    const data = 'hyphenation-'.repeat(Math.ceil(maxHyphenatedToken / 12) + 1);
    expect(hyphenateProse(data, hyphenate)).toBe(data);
    expect(hyphenateProse(data.slice(0, maxHyphenatedToken), hyphenate)).toContain(softHyphen);
  });

  it('60 k backticks around a letter make one code span', async () => {
    const main = await article(`${'`'.repeat(30_000)}x${'`'.repeat(30_000)}`);
    expect(selectAll('code', main).map((node) => toString(node))).toEqual(['x']);
  });
});

describe('the fence scan of long documents', () => {
  const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();
  const inPieces = unified().use(remarkParseInPieces, {minSize: 0, pieceSize: 0}).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

  it('a line of backticks with a backtick after them opens no fence; one without does', () => {
    const notAFence = `${'`'.repeat(30_000)} info with \` inside`;
    const document = `${notAFence}\n\n# One\n\ntext\n\n\`\`\`\`js\n# inside code\n\n# still inside\n\`\`\`\`\n\n# Two\n\nmore\n`;
    // Cuts before "One" and "Two", never inside the real fence.
    expect(splitAtHeadings(document, 0).map((start) => start.line)).toEqual([1, 3, 13]);
    expect(inPieces.parse(document)).toEqual(whole.parse(document));
  });
});
