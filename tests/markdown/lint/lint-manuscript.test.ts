import type {Root} from 'mdast';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {lintManuscript} from '../../../src/markdown/lint/lint-manuscript.js';
import {createProcessor} from '../../../src/pipeline/processor.js';

const processor = createProcessor({root: process.cwd()});

/** What the HTML stage's thread does for `briefing check`: parse, keep the tree as written, run, lint. */
async function check(value: string, summaryRequired: boolean): Promise<string[]> {
  const file = new VFile({path: 'm.md', value});
  const tree = processor.parse(file);
  const written = structuredClone(tree) as Root;
  const page = await processor.run(tree, file);
  await lintManuscript(written, page, file, summaryRequired);
  return file.messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.source}:${message.ruleId}`);
}

const manuscript = [
  '---',
  'title: Everything wrong',
  '---',
  '',
  '# Too high',
  '',
  'See [nowhere](#nowhere) and ![](dot.png).',
  '',
  `Text :pullquote[${'word '.repeat(41).trim()}].`,
  '',
  ':::note',
  'Never closed.',
  ''
].join('\n');

describe('lintManuscript', () => {
  it('runs every rule on the Markdown as written, and makes the build\'s link-internal warning an error', async () => {
    const messages = await check(manuscript, true);
    expect(messages).toEqual(
      expect.arrayContaining([
        '5:1 warning briefing-lint:summary-missing',
        '11:1 error briefing-lint:directive-unclosed',
        '5:1 warning briefing-lint:heading-level',
        '7:29 warning briefing-lint:image-alt',
        '9:6 warning briefing-lint:pullquote-length',
        '7:5 error briefing-lint:link-internal'
      ])
    );
    expect(messages.filter((message) => message.includes('briefing-lint:'))).toHaveLength(6);
  });

  it('asks for a summary only when the template requires one', async () => {
    expect(await check(manuscript, false)).not.toContain('5:1 warning briefing-lint:summary-missing');
  });

  it('leaves a build\'s link-internal a warning when it does not run', async () => {
    const file = new VFile({path: 'm.md', value: '---\ntitle: T\n---\n\n[x](#nowhere)\n'});
    await processor.process(file);
    expect(file.messages.map((message) => `${message.ruleId} ${message.fatal}`)).toContain('link-internal false');
  });
});
