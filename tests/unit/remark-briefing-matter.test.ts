import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {remarkBriefingMatter} from '../../src/markdown/remark-briefing-matter.js';

const pipeline = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkBriefingMatter).freeze();

/** Run the plugin on a manuscript; return the file (messages, data) and the tree. */
async function run(value: string) {
  const file = new VFile({path: 'm.md', value});
  const tree = await pipeline.run(pipeline.parse(file), file);
  return {file, tree};
}

/** Messages as `line:column reason [rule]`, in order. */
function places(file: VFile): string[] {
  return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}`);
}

function deepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every((child) => deepFrozen(child));
}

describe('remarkBriefingMatter', () => {
  it('stores normalised front matter on file.data.matter and removes the yaml node', async () => {
    const {file, tree} = await run(
      ['---', 'title: "  Spaced  "', 'authors:', '  - " Ada Lovelace "', '  - name: Grace Hopper', '    role: Admiral', '---', '', 'Body.'].join('\n')
    );
    expect(file.messages).toEqual([]);
    expect(file.data.matter).toEqual({
      title: 'Spaced',
      authors: [{name: 'Ada Lovelace'}, {name: 'Grace Hopper', role: 'Admiral'}],
      tags: [],
      lang: 'en'
    });
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });

  it('freezes the front matter, its authors and tags', async () => {
    const {file} = await run(['---', 'title: Frozen', 'authors: [Ada]', 'tags: [a, b]', '---'].join('\n'));
    expect(file.messages).toEqual([]);
    const matter = file.data.matter;
    expect(Object.isFrozen(matter)).toBe(true);
    expect(Object.isFrozen(matter?.authors)).toBe(true);
    expect(Object.isFrozen(matter?.authors[0])).toBe(true);
    expect(Object.isFrozen(matter?.tags)).toBe(true);
  });

  it('freezes the summary list like the other lists', async () => {
    const {file} = await run(['---', 'title: Frozen', 'summary:', '  - One point.', '---'].join('\n'));
    expect(file.messages).toEqual([]);
    expect(file.data.matter?.summary).toEqual(['One point.']);
    expect(Object.isFrozen(file.data.matter?.summary)).toBe(true);
    expect(deepFrozen(file.data.matter)).toBe(true);
  });

  it('points an unknown top-level key at its line and column', async () => {
    const {file} = await run(['---', 'title: T', 'date: 2025-06-06', 'subtitel: typo', '---'].join('\n'));
    expect(places(file)).toEqual(['4:1 front-matter-schema error']);
    expect(file.messages[0]?.reason).toContain('`subtitel`');
    expect(file.data.matter?.title).toBe('Untitled');
  });

  it('points a nested unknown key, a wrong type and a bad value at the value itself', async () => {
    const {file} = await run(
      ['---', 'title: 42', 'authors:', '  - name: Ada', '    twitter: "@ada"', 'lang: "English"', '---'].join('\n')
    );
    expect(places(file).sort()).toEqual([
      '2:8 front-matter-schema error',
      '5:5 front-matter-schema error',
      '6:7 front-matter-schema error'
    ]);
  });

  it('lists the keys of the object that has the unknown key', async () => {
    const author = await run(['---', 'title: T', 'authors:', '  - name: Ada', '    twitter: "@ada"', '---'].join('\n'));
    expect(places(author.file)).toEqual(['5:5 front-matter-schema error']);
    expect(author.file.messages[0]?.reason).toBe(
      'Unexpected front-matter key `authors[0].twitter`, expected one of `name`, `role`, `affiliation`, `email`'
    );

    const email = await run(['---', 'title: T', 'email:', '  to: desk@example.org', '  bcc: boss@example.org', '---'].join('\n'));
    expect(places(email.file)).toEqual(['5:3 front-matter-schema error']);
    expect(email.file.messages[0]?.reason).toBe('Unexpected front-matter key `email.bcc`, expected one of `to`, `cc`, `from`, `subject`');
  });

  it('reports every YAML error with its place (duplicate key, alias, unknown tag)', async () => {
    expect(places((await run('---\ntitle: A\ntitle: B\n---\n')).file)).toEqual(['3:1 front-matter-yaml error']);
    expect(places((await run('---\ntitle: &t A\nsubtitle: *t\n---\n')).file)).toEqual(['3:11 front-matter-yaml error']);
    expect(places((await run('---\ntitle: !!js/function "f"\n---\n')).file)).toEqual(['2:8 front-matter-yaml error']);
  });

  it('refuses code and other languages as front matter at 1:1', async () => {
    for (const value of ['---js\n{title: "x"}\n---\n', '---javascript\n{}\n---\n', '--- coffee\nx\n---\n']) {
      const {file} = await run(value);
      expect(places(file), value).toEqual(['1:1 front-matter-language error']);
    }
    expect(places((await run('+++\ntitle = "x"\n+++\n')).file)).toEqual(['1:1 front-matter-language error']);
    expect(places((await run('# Heading\n')).file)).toEqual(['1:1 front-matter-missing error']);
  });

  it('accepts dates with and without a time', async () => {
    for (const date of ['2025-06-06', '2025-06-06T10:30:00Z', '2025-06-06 10:30+02:00']) {
      const {file} = await run(`---\ntitle: T\ndate: "${date}"\n---\n`);
      expect(file.messages, date).toEqual([]);
      expect(file.data.matter?.date).toBe(date);
    }
  });

  it('refuses a month that does not exist', async () => {
    const {file} = await run('---\ntitle: T\ndate: 2025-13-01\n---\n');
    expect(places(file)).toEqual(['3:7 front-matter-schema error']);
  });

  it('refuses a day that does not exist in its month', async () => {
    // V8's Date.parse rolls 2025-02-30 over to 2 March instead of refusing it.
    for (const date of ['2025-02-30', '2025-06-31']) {
      const {file} = await run(`---\ntitle: T\ndate: ${date}\n---\n`);
      expect(places(file), `${date} is not a real date`).toEqual(['3:7 front-matter-schema error']);
    }
  });

  it('refuses front matter larger than 64 KB', async () => {
    const {file} = await run(`---\ntitle: T\nsubtitle: ${'x'.repeat(70 * 1024)}\n---\n`);
    expect(places(file)).toEqual(['1:1 front-matter-size error']);
  });

  it('parses CRLF line endings, with the same positions', async () => {
    const good = await run('---\r\ntitle: Windows\r\ntags: [a]\r\n---\r\n\r\nBody.\r\n');
    expect(good.file.messages).toEqual([]);
    expect(good.file.data.matter?.title).toBe('Windows');
    expect(good.file.data.matter?.tags).toEqual(['a']);

    const bad = await run('---\r\ntitle: Windows\r\ndate: 2025-06-06\r\nsubtitel: typo\r\n---\r\n');
    expect(places(bad.file)).toEqual(['4:1 front-matter-schema error']);
  });

  it('parses a manuscript that starts with a UTF-8 byte-order mark', async () => {
    const good = await run('\uFEFF---\ntitle: With BOM\n---\n\nBody.\n');
    expect(good.file.messages).toEqual([]);
    expect(good.file.data.matter?.title).toBe('With BOM');

    const bad = await run('\uFEFF---\ntitle: With BOM\nsubtitel: typo\n---\n');
    expect(places(bad.file)).toEqual(['3:1 front-matter-schema error']);
  });
});
