import {readdirSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {VFile} from 'vfile';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadTemplate} from '../src/html/template/load-template.js';
import {createProcessor, type BriefingProcessor} from '../src/pipeline/processor.js';
import {formatMessages} from '../src/messages/report.js';

/**
 * `fixtures/<case>/input.md` → `output.html` (the `<body>` only: the head carries the
 * inlined fonts) and `messages.txt`. Regenerate with `npx vitest run tests/fixtures.test.ts -u`,
 * then read every changed file before committing it.
 */
const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));
const cases = readdirSync(fixtures, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let processor: BriefingProcessor;

beforeAll(async () => {
  // Every case uses the default template, loaded once.
  const template = await loadTemplate('briefing');
  processor = createProcessor({templates: async () => template, root: fixtures});
});

describe('fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(fixtures, name);
    const file = new VFile({path: 'input.md', cwd: dir, value: await readFile(path.join(dir, 'input.md'), 'utf8')});

    const html = String(await processor.process(file));
    const body = /<body>[\s\S]*<\/body>/.exec(html)?.[0];

    expect(body, 'the document has a <body>').toBeDefined();
    await expect(`${body}\n`).toMatchFileSnapshot(path.join(dir, 'output.html'));
    await expect(formatMessages([file])).toMatchFileSnapshot(path.join(dir, 'messages.txt'));
  });
});
