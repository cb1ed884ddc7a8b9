import {describe, expect, it} from 'vitest';
import {ruleUrl} from '../../../src/markdown/lint/lint-rule.js';
import {remarkLintPullquoteLength} from '../../../src/markdown/lint/remark-lint-pullquote-length.js';
import {lines, lint} from '../../helpers/lint.js';

const words = (count: number): string => Array.from({length: count}, (_, index) => `w${index}`).join(' ');
const tooLong = (count: number): string => `Pull quote of ${count} words, expected at most 40: lift a short, striking excerpt`;
const rule = '[briefing-lint:pullquote-length]';

/** Input → the rule's messages, with the directive's span. */
const cases: Array<[string, string, string[]]> = [
  ['a short pull quote', 'Text :pullquote[a few striking words] here.\n', []],
  ['exactly 40 words', `:pullquote[${words(40)}]\n`, []],
  ['41 words', `:pullquote[${words(41)}]\n`, [`1:1-1:${12 + words(41).length + 1} warning ${tooLong(41)} ${rule}`]],
  ['words in emphasis and code count', `Before :pullquote[${words(38)} *two more* \`and code\`] after.\n`, [`1:8-1:${8 + `:pullquote[${words(38)} *two more* \`and code\`]`.length} warning ${tooLong(42)} ${rule}`]],
  ['only pull quotes count', `:note[${words(60)}]\n`, []],
  ['a container pull quote is not inline', `:::pullquote\n${words(60)}\n:::\n`, []]
];

describe('remarkLintPullquoteLength (pullquote-length)', () => {
  it.each(cases)('%s', async (_name, input, expected) => {
    expect(lines(await lint(input, [remarkLintPullquoteLength]))).toEqual(expected);
  });

  it('is a warning by default, with its README section as url', async () => {
    const [message] = (await lint(`:pullquote[${words(41)}]\n`, [remarkLintPullquoteLength])).messages;
    expect(message).toMatchObject({fatal: false, ruleId: 'pullquote-length', source: 'briefing-lint', url: ruleUrl('pullquote-length')});
  });
});
