import {describe, expect, it} from 'vitest';
import {ruleUrl} from '../../../src/markdown/lint/lint-rule.js';
import {remarkLintImageAlt} from '../../../src/markdown/lint/remark-lint-image-alt.js';
import {lines, lint} from '../../helpers/lint.js';

const missing = (what: string): string => `Missing alt text for image ${what}, expected a description between the brackets: \`![what it shows](…)\``;
const rule = '[briefing-lint:image-alt]';

/** Input → the rule's messages, with the image's span. */
const cases: Array<[string, string, string[]]> = [
  ['an image with alt text', '![A chart of rates](chart.png)\n', []],
  ['a reference image with alt text', '![A chart][c]\n\n[c]: chart.png\n', []],
  ['an image without alt text', 'Text.\n\n![](chart.png)\n', [`3:1-3:15 warning ${missing('`chart.png`')} ${rule}`]],
  ['alt text of spaces only', 'See ![  ](chart.png).\n', [`1:5-1:21 warning ${missing('`chart.png`')} ${rule}`]],
  ['a reference image without alt text', '![][chart]\n\n[chart]: chart.png\n', [`1:1-1:11 warning ${missing('`[chart]`')} ${rule}`]],
  ['a collapsed reference without alt text is its label', 'A ![][Chart] b.\n\n[chart]: c.png\n', [`1:3-1:13 warning ${missing('`[Chart]`')} ${rule}`]],
  [
    'one warning per image, at its first use',
    '![](a.png)\n\nAgain ![](a.png) and ![](b.png).\n',
    [`1:1-1:11 warning ${missing('`a.png`')} ${rule}`, `3:22-3:32 warning ${missing('`b.png`')} ${rule}`]
  ],
  ['an image inside a link and a list', '- [![](in-link.png)](https://example.org)\n', [`1:4-1:20 warning ${missing('`in-link.png`')} ${rule}`]]
];

describe('remarkLintImageAlt (image-alt)', () => {
  it.each(cases)('%s', async (_name, input, expected) => {
    expect(lines(await lint(input, [remarkLintImageAlt]))).toEqual(expected);
  });

  it('is a warning by default, with its README section as url', async () => {
    const [message] = (await lint('![](a.png)\n', [remarkLintImageAlt])).messages;
    expect(message).toMatchObject({fatal: false, ruleId: 'image-alt', source: 'briefing-lint', url: ruleUrl('image-alt')});
  });
});
