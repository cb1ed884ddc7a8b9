import {describe, expect, it} from 'vitest';
import {ruleUrl} from '../../../src/markdown/lint/lint-rule.js';
import {remarkLintDirectiveClosed} from '../../../src/markdown/lint/remark-lint-directive-closed.js';
import {lines, lint} from '../../helpers/lint.js';

const unclosed = (name: string): string =>
  `Unclosed \`:::${name}\`, expected a \`:::\` line after its content: everything to the end of the document is inside it now`;

/** Input → the rule's messages, `line:column` of the opening fence. */
const cases: Array<[string, string, string[]]> = [
  ['closed block', ':::summary\n- A point.\n:::\n\nText.\n', []],
  ['closed with a longer fence and spaces', ':::summary\n- A point.\n:::::  \n', []],
  ['closed inside a block quote', '> :::pullquote\n> Words.\n> :::\n', []],
  ['never closed', 'Intro.\n\n:::summary\n- A point.\n\nThe rest of the article.\n', [`3:1 error ${unclosed('summary')} [briefing-lint:directive-unclosed]`]],
  ['never closed, indented in a list', '- item\n\n  :::pullquote\n  Words.\n', [`3:3 error ${unclosed('pullquote')} [briefing-lint:directive-unclosed]`]],
  ['an opening fence on the last line', 'Text.\n\n:::summary\n', [`3:1 error ${unclosed('summary')} [briefing-lint:directive-unclosed]`]],
  ['nested, the outer fence longer', '::::summary\n:::pullquote\nWords.\n:::\n::::\n', []],
  // A closing fence closes the outermost open block it is long enough for (remark-directive):
  // with equal fences the `:::` ends the summary and leaves the pull quote open.
  ['nested with equal fences', ':::summary\n- A point.\n\n:::pullquote\nWords.\n:::\n\nMore.\n', [`4:1 error ${unclosed('pullquote')} [briefing-lint:directive-unclosed]`]],
  ['nested, the inner fence longer', ':::summary\n::::pullquote\nWords.\n::::\n', [`2:1 error ${unclosed('pullquote')} [briefing-lint:directive-unclosed]`]],
  ['a text directive is no block', 'A :pullquote[lifted] word.\n', []]
];

describe('remarkLintDirectiveClosed (directive-unclosed)', () => {
  it.each(cases)('%s', async (_name, input, expected) => {
    const file = await lint(input, [remarkLintDirectiveClosed]);
    expect(lines(file)).toEqual(expected);
  });

  it('is an error by default, with its README section as url; a level in the config overrides it', async () => {
    const input = ':::summary\n- Never closed.\n';
    const [byDefault] = (await lint(input, [remarkLintDirectiveClosed])).messages;
    expect(byDefault).toMatchObject({fatal: true, ruleId: 'directive-unclosed', source: 'briefing-lint', url: ruleUrl('directive-unclosed')});
    expect((await lint(input, [[remarkLintDirectiveClosed, 'warn']])).messages[0]?.fatal).toBe(false);
    expect((await lint(input, [[remarkLintDirectiveClosed, 'off']])).messages).toEqual([]);
  });
});
