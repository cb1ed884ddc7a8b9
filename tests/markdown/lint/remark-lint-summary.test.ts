import {unified} from 'unified';
import {VFile, type Data} from 'vfile';
import {describe, expect, it} from 'vitest';
import {ruleUrl} from '../../../src/markdown/lint/lint-rule.js';
import {remarkLintSummary} from '../../../src/markdown/lint/remark-lint-summary.js';
import {defaults, type Settings} from '../../../src/config/config.js';
import type {Matter} from '../../../src/manuscripts/matter-schema.js';
import {lines, lint} from '../../helpers/lint.js';
import {whole} from '../../helpers/parse-chains.js';

const missing = (template: string): string =>
  `Missing summary, expected a \`:::summary\` box of key points (or a \`summary\` list in the front matter): the template \`${template}\` requires one`;
const rule = '[briefing-lint:summary-missing]';
const settings: Settings = {...defaults, template: './needs-summary'};
const matter = (summary: string[]): Matter => ({title: 'T', authors: [], tags: [], lang: 'en', summary});

/** Input, `file.data` as the processor left it → the rule's messages when the template requires a summary. */
const cases: Array<[string, string, Partial<Data>, string[]]> = [
  ['a summary box', ':::summary\n- A point.\n:::\n\nText.\n', {settings}, []],
  ['a summary list in the front matter', 'Text.\n', {settings, matter: matter(['A point.'])}, []],
  ['no summary, at the start of the body', 'Only text.\n', {settings}, [`1:1 warning ${missing('./needs-summary')} ${rule}`]],
  ['no summary, after front matter', '---\ntitle: T\n---\n\n\nOnly text.\n', {settings}, [`6:1 warning ${missing('./needs-summary')} ${rule}`]],
  ['an empty summary list is none', 'Text.\n', {settings, matter: matter([])}, [`1:1 warning ${missing('./needs-summary')} ${rule}`]],
  ['a summary box inside another block is not the summary', '> :::summary\n> - A point.\n> :::\n', {settings}, [`1:1 warning ${missing('./needs-summary')} ${rule}`]],
  ['an empty document', '', {settings}, [`1:1 warning ${missing('./needs-summary')} ${rule}`]],
  ['without settings', 'Text.\n', {}, [`1:1 warning ${missing('the template')} ${rule}`]]
];

describe('remarkLintSummary (summary-missing)', () => {
  it.each(cases)('%s', async (_name, input, data, expected) => {
    expect(lines(await lint(input, [[remarkLintSummary, {required: true}]], data))).toEqual(expected);
  });

  it('is quiet for a template that does not require a summary, or without options', async () => {
    expect((await lint('Only text.\n', [[remarkLintSummary, {required: false}]], {settings})).messages).toEqual([]);
    expect((await lint('Only text.\n', [remarkLintSummary], {settings})).messages).toEqual([]);
  });

  it('is quiet when the front matter is broken (that has its own error), not when it only has warnings', async () => {
    for (const fatal of [true, false]) {
      const file = new VFile({path: 'm.md', value: '---\ntitle: [\n---\n\nText.\n', data: {settings}});
      file.message('Bad YAML', {place: {line: 2, column: 8}, ruleId: 'front-matter-yaml', source: 'briefing'}).fatal = fatal;
      await unified().use(remarkLintSummary, {required: true}).run(whole.parse(file), file);
      expect(file.messages.map((message) => message.ruleId)).toEqual(fatal ? ['front-matter-yaml'] : ['front-matter-yaml', 'summary-missing']);
    }
  });

  it('is a warning by default, with its README section as url', async () => {
    const [message] = (await lint('Text.\n', [[remarkLintSummary, {required: true}]], {settings})).messages;
    expect(message).toMatchObject({fatal: false, ruleId: 'summary-missing', source: 'briefing-lint', url: ruleUrl('summary-missing')});
    expect((await lint('Text.\n', [[remarkLintSummary, ['error', {required: true}]]], {settings})).messages[0]?.fatal).toBe(true);
  });
});
