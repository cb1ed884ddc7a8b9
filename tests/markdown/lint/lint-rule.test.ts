import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import GithubSlugger from 'github-slugger';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {toString} from 'mdast-util-to-string';
import {describe, expect, it} from 'vitest';
import {briefingLintRule, ruleUrl} from '../../../src/markdown/lint/lint-rule.js';
import {rehypeLintInternalLinks} from '../../../src/html/rehype-lint-internal-links.js';
import {remarkLintDirectiveClosed} from '../../../src/markdown/lint/remark-lint-directive-closed.js';
import {remarkLintHeadingLevel} from '../../../src/markdown/lint/remark-lint-heading-level.js';
import {remarkLintImageAlt} from '../../../src/markdown/lint/remark-lint-image-alt.js';
import {remarkLintPullquoteLength} from '../../../src/markdown/lint/remark-lint-pullquote-length.js';
import {remarkLintSummary} from '../../../src/markdown/lint/remark-lint-summary.js';
import {lint} from '../../helpers/lint.js';

const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

/** A rule that reports every paragraph, to see what the helper puts on its messages. */
const everyParagraph = briefingLintRule<import('mdast').Root, {word?: string}>({id: 'every-paragraph', severity: 'error'}, (tree, file, options) => {
  visit(tree, 'paragraph', (node) => {
    file.message(`Paragraph${options?.word ? ` with ${options.word}` : ''}`, {place: node.position});
  });
});

describe('briefingLintRule', () => {
  it('names the plugin by its origin and gives each message ruleId, source, url and the default severity', async () => {
    expect(everyParagraph.name).toBe('briefing-lint:every-paragraph');
    const file = await lint('One.\n\nTwo.\n', [everyParagraph]);
    expect(file.messages.map((message) => ({...message}))).toMatchObject([
      {reason: 'Paragraph', line: 1, column: 1, fatal: true, ruleId: 'every-paragraph', source: 'briefing-lint', url: ruleUrl('every-paragraph')},
      {reason: 'Paragraph', line: 3, column: 1, fatal: true, ruleId: 'every-paragraph', source: 'briefing-lint'}
    ]);
  });

  it('takes options, a level, or [level, options], and a level overrides the default', async () => {
    const severity = async (config: unknown): Promise<Array<boolean | null | undefined>> =>
      (await lint('One.\n', [[everyParagraph, config]])).messages.map((message) => message.fatal);
    expect(await severity({word: 'x'})).toEqual([true]);
    expect((await lint('One.\n', [[everyParagraph, {word: 'x'}]])).messages[0]?.reason).toBe('Paragraph with x');
    expect(await severity('warn')).toEqual([false]);
    expect(await severity(1)).toEqual([false]);
    expect(await severity(['warn', {word: 'x'}])).toEqual([false]);
    expect((await lint('One.\n', [[everyParagraph, ['warn', {word: 'y'}]]])).messages[0]?.reason).toBe('Paragraph with y');
    expect(await severity('error')).toEqual([true]);
    expect(await severity('off')).toEqual([]);
    expect(await severity(false)).toEqual([]);
    expect(await severity([0])).toEqual([]);
  });

  it('leaves messages from before the rule alone', async () => {
    const file = await lint('One.\n', []);
    file.message('Earlier', {ruleId: 'earlier', source: 'briefing'});
    await unified().use(everyParagraph).run(unified().use(remarkParse).parse(file), file);
    expect(file.messages.map((message) => [message.ruleId, message.source, message.fatal])).toEqual([
      ['earlier', 'briefing', false],
      ['every-paragraph', 'briefing-lint', true]
    ]);
  });

  it('points every check rule at a section of the installed README that exists', async () => {
    const rules = [remarkLintDirectiveClosed, remarkLintHeadingLevel, remarkLintImageAlt, remarkLintPullquoteLength, remarkLintSummary, rehypeLintInternalLinks];
    const ids = rules.map((rule) => rule.name.replace(/^briefing-lint:/, ''));
    expect(ids).toEqual(['directive-unclosed', 'heading-level', 'image-alt', 'pullquote-length', 'summary-missing', 'link-internal']);
    const slugger = new GithubSlugger();
    const anchors = new Set<string>();
    visit(unified().use(remarkParse).parse(await readFile(readme, 'utf8')), 'heading', (node) => {
      anchors.add(slugger.slug(toString(node)));
    });
    for (const id of ids) {
      expect(ruleUrl(id)).toBe(`${pathToFileURL(path.resolve(readme)).href}#${id}`);
      expect(anchors, id).toContain(id);
    }
  });
});
