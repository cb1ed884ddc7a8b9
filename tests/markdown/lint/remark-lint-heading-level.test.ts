import {describe, expect, it} from 'vitest';
import type {Data} from 'vfile';
import {ruleUrl} from '../../../src/markdown/lint/lint-rule.js';
import {remarkLintHeadingLevel} from '../../../src/markdown/lint/remark-lint-heading-level.js';
import {lines, lint} from '../../helpers/lint.js';

const levelOne = 'Unexpected level-1 heading `#`, expected `##`: the title is the only level-1 heading of a briefing';
const skip = (depth: number, previous: number): string =>
  `Unexpected heading level ${depth} after level ${previous}, expected level ${previous + 1} (\`${'#'.repeat(previous + 1)}\`) at most`;
const rule = '[briefing-lint:heading-level]';

/** Input, the front matter's title (as the processor read it) → the rule's messages, with the heading's span. */
const cases: Array<[string, string, string | undefined, string[]]> = [
  ['sections from ##, in order', '## One\n\n### One a\n\n## Two\n\n### Two a\n\n#### Two a i\n', undefined, []],
  ['going back up any number of levels', '## A\n\n### B\n\n#### C\n\n## D\n', undefined, []],
  ['a level-1 heading in the body', 'Intro.\n\n# Too high\n', undefined, [`3:1-3:11 warning ${levelOne} ${rule}`]],
  ['a skipped level', '## Section\n\nText.\n\n#### Too deep\n', undefined, [`5:1-5:14 warning ${skip(4, 2)} ${rule}`]],
  ['the first section skips from the title', '### Deep start\n', undefined, [`1:1-1:15 warning ${skip(3, 1)} ${rule}`]],
  [
    'one warning for the document, at the first problem, counting the others',
    '# Too high\n\n## Section\n\n#### Too deep\n\n###### Deeper\n',
    undefined,
    [`1:1-1:11 warning ${levelOne} (and 2 more headings out of level) ${rule}`]
  ],
  ['one other, in the singular', '## A\n\n#### B\n\n# C\n', undefined, [`3:1-3:7 warning ${skip(4, 2)} (and 1 more heading out of level) ${rule}`]],
  // The opening `#` heading that became the title (the processor took it as `matter.title`) is no section.
  ['an opening # heading that is the title', '# The title\n\n## A section\n', 'The title', []],
  ['an opening # heading after front matter', '---\ntitle: The title\n---\n\n# The title\n\n## A section\n', 'The title', []],
  ['an opening # heading that is not the title', '# Another heading\n\n## A section\n', 'The title', [`1:1-1:18 warning ${levelOne} ${rule}`]],
  ['a # heading later with the title\'s text', 'Intro.\n\n# The title\n', 'The title', [`3:1-3:12 warning ${levelOne} ${rule}`]]
];

describe('remarkLintHeadingLevel (heading-level)', () => {
  it.each(cases)('%s', async (_name, input, title, expected) => {
    const data: Partial<Data> = title === undefined ? {} : {matter: {title, authors: [], tags: [], lang: 'en'}};
    const file = await lint(input, [remarkLintHeadingLevel], data);
    expect(lines(file)).toEqual(expected);
  });

  it('is a warning by default, with its README section as url', async () => {
    const [message] = (await lint('# Too high\n', [remarkLintHeadingLevel])).messages;
    expect(message).toMatchObject({fatal: false, ruleId: 'heading-level', source: 'briefing-lint', url: ruleUrl('heading-level')});
    expect((await lint('# Too high\n', [[remarkLintHeadingLevel, 'error']])).messages[0]?.fatal).toBe(true);
  });
});
