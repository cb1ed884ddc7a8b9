import {readFileSync} from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {remarkBriefingMatter} from '../../src/markdown/remark-briefing-matter.js';
import {remarkYamlFrontMatter} from '../../src/markdown/remark-yaml-front-matter.js';
import {splitAtHeadings} from '../../src/markdown/split-at-headings.js';

const pipeline = unified().use(remarkParse).use(remarkYamlFrontMatter).use(remarkBriefingMatter).freeze();
const strictPipeline = unified().use(remarkParse).use(remarkYamlFrontMatter).use(remarkBriefingMatter, {strict: true}).freeze();

/** Run the plugin on a manuscript; return the file (messages, data) and the tree. */
async function run(value: string, options: {strict?: boolean; path?: string} = {}) {
  const file = new VFile({path: options.path ?? 'm.md', value});
  const chosen = options.strict ? strictPipeline : pipeline;
  const tree = await chosen.run(chosen.parse(file), file);
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

  it('points a near miss of a key at its line and column, with the key it misses', async () => {
    const {file} = await run(['---', 'title: T', 'date: 2025-06-06', 'subtitel: typo', '---'].join('\n'));
    expect(places(file)).toEqual(['4:1 front-matter-schema error']);
    expect(file.messages[0]?.reason).toBe('Unexpected front-matter key `subtitel`, did you mean `subtitle`?');
    expect(file.data.matter?.title).toBe('Untitled');
  });

  it('points a nested unknown key, a wrong type and a bad value at the value itself (strict)', async () => {
    const {file} = await run(
      ['---', 'title: 42', 'authors:', '  - name: Ada', '    twitter: "@ada"', 'lang: "English"', '---'].join('\n'),
      {strict: true}
    );
    expect(places(file).sort()).toEqual([
      '2:8 front-matter-schema error',
      '5:5 front-matter-schema error',
      '6:7 front-matter-schema error'
    ]);
  });

  it('lists the keys of the object that has the unknown key', async () => {
    const author = await run(['---', 'title: T', 'authors:', '  - name: Ada', '    twitter: "@ada"', '---'].join('\n'), {strict: true});
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
    expect(places((await run(';;;\n{"title": "x"}\n;;;\n\nBody.\n')).file)).toEqual(['1:1 front-matter-language error']);
    expect(places((await run('%YAML 1.2\n---\ntitle: x\n---\n\nBody.\n')).file)).toEqual(['1:1 front-matter-yaml error']);
    expect(places((await run('---\ntitle: x\n<<: {subtitle: y}\n---\n')).file)).toEqual(['3:1 front-matter-schema error']);
    expect(places((await run('# Heading\n', {strict: true})).file)).toEqual(['1:1 front-matter-missing error']);
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

  it('takes the title from the heading a document without front matter opens with, and drops that heading', async () => {
    const {file, tree} = await run('# Harbour dues in winter\n\nThe ferries pay less.\n\n## Costs\n');
    expect(file.messages).toEqual([]);
    expect(file.data.matter).toEqual({title: 'Harbour dues in winter', authors: [], tags: [], lang: 'en'});
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'heading']);
  });

  it('looks past raw HTML anchors and empty headings, and leaves heading attributes out of the title', async () => {
    const {file, tree} = await run('<a name="top"></a>\n\n#\n\n## 4 Grain stores <a name="g"></a> {#grain}\n\nText.\n');
    expect(file.messages).toEqual([]);
    expect(file.data.matter?.title).toBe('4 Grain stores');
    expect(tree.children.some((node) => node.type === 'heading' && node.depth === 2)).toBe(false);
  });

  it('keeps a heading that comes after the first paragraph, and names the document after its file', async () => {
    const {file, tree} = await run('Some opening words.\n\n# A section\n', {path: 'notes/2024-05-01-river-levels.md'});
    expect(file.data.matter?.title).toBe('River levels');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'heading']);
    expect(places(file)).toEqual(['1:1 front-matter-title warning']);
    expect(file.messages[0]?.reason).toContain('“River levels”');
  });

  it('humanises file names: ordering prefixes, separators, index files, standard input', async () => {
    const cases: Array<[string, string]> = [
      ['02_field_findings.md', 'Field findings'],
      ['reports/coastal-erosion/index.md', 'Coastal erosion'],
      ['README.md', 'README'],
      ['2025.md', '2025'],
      ['<stdin>', 'Untitled']
    ];
    for (const [name, title] of cases) {
      const {file} = await run('Just text.\n', {path: name});
      expect(file.data.matter?.title, name).toBe(title);
    }
  });

  it('drops a leading heading that repeats the front matter title, and keeps one that does not', async () => {
    const same = await run('---\ntitle: Wool prices\n---\n\n# Wool  prices\n\nText.\n');
    expect(same.tree.children.map((node) => node.type)).toEqual(['paragraph']);
    const other = await run('---\ntitle: Wool prices\n---\n\n# Chapter one\n\nText.\n');
    expect(other.tree.children.map((node) => node.type)).toEqual(['heading', 'paragraph']);
  });

  it('reads YAML closed by pandoc’s `...`, even when a `---` line comes later in the body', async () => {
    const {file, tree} = await run('---\ntitle: "Dots close it"\nsubtitle: "A pandoc file"\n...\n\nFirst part.\n\n---\n\nSecond part.\n');
    expect(file.messages).toEqual([]);
    expect(file.data.matter).toMatchObject({title: 'Dots close it', subtitle: 'A pandoc file'});
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'thematicBreak', 'paragraph']);
  });

  it('closes `---` front matter at `---` even when a `...` line comes later in the body', async () => {
    const {file, tree} = await run('---\ntitle: Dashes close it\n---\n\nWait for it\n\n...\n\nthere.\n');
    expect(file.messages).toEqual([]);
    expect(file.data.matter?.title).toBe('Dashes close it');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('reads pandoc’s `%` title block: title, authors by `;` or continuation line, date', async () => {
    const {file, tree} = await run('% The tide tables\n  of the north coast\n% Ada Byron; Mary Somerville\n  Caroline Herschel\n% March 8, 2022\n\nBody text.\n');
    expect(file.messages).toEqual([]);
    expect(file.data.matter).toMatchObject({
      title: 'The tide tables of the north coast',
      authors: [{name: 'Ada Byron'}, {name: 'Mary Somerville'}, {name: 'Caroline Herschel'}],
      date: '2022-03-08'
    });
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);

    const noTitle = await run('%\n% Ada Byron\n\n# Heading title\n');
    expect(noTitle.file.data.matter).toMatchObject({title: 'Heading title', authors: [{name: 'Ada Byron'}]});

    const badDate = await run('% Title\n% Ada\n% someday\n');
    expect(places(badDate.file)).toEqual(['3:1 front-matter-schema error']);

    const prose = await run('% of the vote went\nto the incumbent.\n');
    expect(prose.tree.children.map((node) => node.type)).toEqual(['paragraph']);
    expect(prose.file.data.matter?.title).toBe('M');
  });

  it('understands the keys other tools write for briefing’s own', async () => {
    const {file} = await run(
      [
        '---',
        'title: Orchard survey',
        'author: >-',
        '  [Ada Byron](https://example.org/ada) (Survey team),',
        '  [Mary Somerville](https://example.org/mary)',
        'description: What the trees told us',
        'keywords: apples, pears',
        'tags: [pears, plums]',
        'categories: fruit',
        'language: en_GB',
        'abstract: |',
        '  First finding.',
        '',
        '  Second finding.',
        '---'
      ].join('\n')
    );
    expect(file.messages).toEqual([]);
    expect(file.data.matter).toEqual({
      title: 'Orchard survey',
      authors: [{name: 'Ada Byron (Survey team), Mary Somerville'}],
      subtitle: 'What the trees told us',
      tags: ['pears', 'plums', 'apples', 'fruit'],
      lang: 'en-GB',
      summary: ['First finding.', 'Second finding.']
    });
  });

  it('reads author records written for Docusaurus and pandoc, with one warning for fields it does not use', async () => {
    const {file} = await run(
      [
        '---',
        'title: T',
        'authors:',
        '  - name: Ada Byron',
        '    title: Surveyor',
        '    url: https://example.org/ada',
        '    image_url: https://example.org/ada.png',
        '  - name: Mary Somerville',
        '    affiliation: [North Office, Sea Desk]',
        '  - Caroline Herschel <caroline@example.org>',
        '---'
      ].join('\n')
    );
    expect(places(file)).toEqual(['6:5 front-matter-unused warning']);
    expect(file.messages[0]?.reason).toContain('`authors[0].url`, `authors[0].image_url`');
    expect(file.data.matter?.authors).toEqual([
      {name: 'Ada Byron', role: 'Surveyor'},
      {name: 'Mary Somerville', affiliation: 'North Office, Sea Desk'},
      {name: 'Caroline Herschel <caroline@example.org>'}
    ]);
  });

  it('names every unknown key in one warning, at the first, and keeps the front matter', async () => {
    const {file} = await run(['---', 'title: Mill report', 'linkTitle: Mill', 'weight: 3', '# prettier-ignore', 'cSpell:ignore: millwheel', 'editor: Ada', '---'].join('\n'));
    expect(places(file)).toEqual(['3:1 front-matter-unused warning']);
    expect(file.messages[0]?.reason).toBe(
      'Front-matter keys that briefing does not use were ignored: `linkTitle`, `weight`, `cSpell:ignore`, `editor` (with `--strict` they are errors)'
    );
    expect(file.data.matter?.title).toBe('Mill report');
  });

  it('uses briefing’s key over its alias, and says the alias was not used', async () => {
    const {file} = await run(['---', 'title: T', 'description: Longer words', 'subtitle: Short words', '---'].join('\n'));
    expect(file.data.matter?.subtitle).toBe('Short words');
    expect(places(file)).toEqual(['3:1 front-matter-unused warning']);
    expect(file.messages[0]?.reason).toContain('`description` (beside `subtitle`)');
  });

  it('refuses near misses of its keys and of their aliases, with the key they miss', async () => {
    const cases: Array<[string, string]> = [
      ['autors: [Ada]', 'authors'],
      ['Title: Capitalised', 'title'],
      ['keyword: [a]', 'keywords'],
      ['langauge: fr', 'language'],
      ['tempalte: briefing', 'template']
    ];
    for (const [line, key] of cases) {
      const {file} = await run(`---\ntitle: T\n${line}\n---\n`);
      expect(places(file), line).toEqual(['3:1 front-matter-schema error']);
      expect(file.messages[0]?.reason, line).toContain(`did you mean \`${key}\`?`);
    }
    const record = await run('---\ntitle: T\nauthors:\n  - name: Ada\n    emial: ada@example.org\n---\n');
    expect(places(record.file)).toEqual(['5:5 front-matter-schema error']);
    expect(record.file.messages[0]?.reason).toBe('Unexpected front-matter key `authors[0].emial`, did you mean `email`?');
  });

  it('in strict mode, refuses aliases, unknown keys, a missing title and missing front matter', async () => {
    const alias = await run('---\ntitle: T\nauthor: Ada\n---\n', {strict: true});
    expect(places(alias.file)).toEqual(['3:1 front-matter-schema error']);
    expect(alias.file.messages[0]?.reason).toBe('Unexpected front-matter key `author`, expected briefing’s own name for it, `authors` (strict mode)');

    const unknown = await run('---\ntitle: T\nweight: 3\n---\n', {strict: true});
    expect(places(unknown.file)).toEqual(['3:1 front-matter-schema error']);
    expect(unknown.file.messages[0]?.reason).toContain('expected one of `title`, `subtitle`');

    const untitled = await run('---\nsubtitle: S\n---\n\n# A heading\n', {strict: true});
    expect(places(untitled.file)).toEqual(['1:1 front-matter-schema error']);
    expect(untitled.file.messages[0]?.reason).toContain('Missing `title`');

    for (const value of ['# A heading\n', '% Title\n\nText.\n']) {
      expect(places((await run(value, {strict: true})).file), value).toEqual(['1:1 front-matter-missing error']);
    }
  });

  it('reads dates in the forms other tools write, and stores them as ISO 8601', async () => {
    const cases: Array<[string, string]> = [
      ['2022/03/08', '2022-03-08'],
      ['2022.3.8', '2022-03-08'],
      ['2022-3-8', '2022-03-08'],
      ['March 8, 2022', '2022-03-08'],
      ['Mar. 8 2022', '2022-03-08'],
      ['Tuesday, March 8th, 2022', '2022-03-08'],
      ['8 March 2022', '2022-03-08'],
      ['8 Sept 2022', '2022-09-08'],
      ['2022-03-08 10:15:00 +0100', '2022-03-08T10:15:00+01:00'],
      ['2022-03-08T10:15:00.000Z', '2022-03-08T10:15:00.000Z']
    ];
    for (const [written, stored] of cases) {
      const {file} = await run(`---\ntitle: T\ndate: ${written}\n---\n`);
      expect(file.messages, written).toEqual([]);
      expect(file.data.matter?.date, written).toBe(stored);
    }
  });

  it('refuses dates it cannot read for certain, at the value', async () => {
    for (const written of ['03/08/2022', 'next Tuesday', '2022', 'Smarch 8, 2022', 'February 30, 2024', `"${'9'.repeat(5000)}"`]) {
      const {file} = await run(`---\ntitle: T\ndate: ${written}\n---\n`);
      expect(places(file), written).toEqual(['3:7 front-matter-schema error']);
      expect(file.messages[0]?.reason, written).toMatch(/^Invalid `date` in front matter: expected a (date|real calendar date)/);
    }
  });

  it('refuses a language tag that Intl refuses, naming the key as written, and canonicalises good ones', async () => {
    const bad = await run('---\ntitle: T\nlang: en-a\n---\n');
    expect(places(bad.file)).toEqual(['3:7 front-matter-schema error']);
    expect(bad.file.messages[0]?.reason).toBe('Invalid `lang` in front matter: expected a language tag such as `en` or `en-GB`');
    const alias = await run('---\ntitle: T\nlanguage: en-a\n---\n');
    expect(alias.file.messages[0]?.reason).toContain('Invalid `language` in front matter');
    for (const [written, tag] of [['EN-gb', 'en-GB'], ['zh_hans_cn', 'zh-Hans-CN'], ['fr', 'fr']]) {
      const {file} = await run(`---\ntitle: T\nlang: ${written}\n---\n`);
      expect(file.data.matter?.lang, written).toBe(tag);
    }
  });

  it('removes control characters from values with a warning at the value, and never prints them', async () => {
    const {file} = await run(
      ['---', 'title: "Bell\\a and \\e[31mred\\e[0m"', 'authors:', '  - "Ada\\x00 Byron"', 'tags: ["\\u0085next"]', '"we\\x1bird": 1', '---'].join('\n')
    );
    expect(file.data.matter).toMatchObject({title: 'Bell and [31mred[0m', authors: [{name: 'Ada Byron'}], tags: ['next']});
    expect(places(file)).toEqual([
      '2:8 front-matter-control warning',
      '4:5 front-matter-control warning',
      '5:8 front-matter-control warning',
      '6:1 front-matter-unused warning'
    ]);
    expect(file.messages[0]?.reason).toBe('Removed control characters (\\x07, \\x1b) from `title` in front matter: they are not text');
    expect(file.messages[1]?.reason).toContain('`authors[0]`');
    expect(file.messages[3]?.reason).toContain('`we\\x1bird`');
    for (const message of file.messages) expect(message.reason).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });

  it('refuses settings of the run and JavaScript’s reserved names as keys, in every mode', async () => {
    for (const line of ['outDir: /tmp', 'browser: /bin/sh', 'timeout: 99', 'root: /', 'strict: false', '__proto__: {a: 1}', 'constructor: x']) {
      const {file} = await run(`---\ntitle: T\n${line}\n---\n`);
      expect(places(file), line).toEqual(['3:1 front-matter-schema error']);
    }
    const nested = await run('---\ntitle: T\nauthors:\n  - name: A\n    __proto__: {polluted: yes}\n---\n');
    expect(places(nested.file)).toEqual(['5:5 front-matter-schema error']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses an empty manuscript, which has nothing to title or print', async () => {
    for (const value of ['', '  \n\n\t\n', '\uFEFF']) {
      expect(places((await run(value)).file), JSON.stringify(value)).toEqual(['1:1 front-matter-missing error']);
    }
    expect(places((await run('---\ntitle: Only a title\n---\n')).file)).toEqual([]);
  });

  it('lets a long document whose front matter pandoc closed still be cut into pieces at its headings', () => {
    const section = `## Part\n\n${'A sentence of the long body. '.repeat(40)}\n\n`;
    const document = `---\ntitle: Long\n...\n\n${section.repeat(100)}`;
    expect(splitAtHeadings(document, 16 * 1024).length).toBeGreaterThan(1);
  });

  it('parses every document whose front matter `---` closes to the same tree as remark-frontmatter', () => {
    const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
    const ours = unified().use(remarkParse).use(remarkYamlFrontMatter).freeze();
    const lists = ['---', 'title: Lists', '---', '', '- one', '- two', '', '> - quoted', '>   lazy', '', '* star', '---', '', '- last', '...', ''].join('\n');
    for (const text of [lists, `${lists.replace('title: Lists', 'title: A')}\n---\n`, readFileSync(new URL('../../manuscripts/us-china-leaders-call.md', import.meta.url), 'utf8')]) {
      expect(ours.parse(text)).toStrictEqual(reference.parse(text));
    }
  });
});
