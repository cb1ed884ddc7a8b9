import {mkdir, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {manuscript, run, temporaryFolder} from './helpers.js';

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const head = (title: string): string => ['---', `title: ${title}`, '---', ''].join('\n');
const summary = [':::summary', '- A point.', ':::', ''].join('\n');

/** One manuscript per problem class, with the problems expected: `[ruleId, severity, line, column]`. */
const cases: Record<string, {text: string; expected: Array<[string, 'error' | 'warning', number, number]>}> = {
  'front-matter.md': {text: ['---', 'title: Wrong type', 'tags: {oops: 1}', '---', '', summary].join('\n'), expected: [['front-matter-schema', 'error', 3, 7]]},
  'unclosed.md': {text: [head('Unclosed'), ':::summary', '- Never closed.', '', 'The rest of the article.', ''].join('\n'), expected: [['directive-unclosed', 'error', 5, 1]]},
  'unknown-block.md': {text: [head('Unknown block'), summary, '::sidebar', ''].join('\n'), expected: [['directive-unknown', 'warning', 9, 1]]},
  'no-summary.md': {text: [head('No summary'), 'Only text.', ''].join('\n'), expected: [['summary-missing', 'warning', 5, 1]]},
  'pullquotes.md': {
    text: [head('Pull quotes'), summary, `Text with :pullquote[${'word '.repeat(45).trim()}].`, '', ':::pullquote', ':::', ''].join('\n'),
    expected: [
      ['pullquote-length', 'warning', 9, 11],
      ['pullquote-empty', 'error', 11, 1]
    ]
  },
  'images.md': {
    text: [head('Images'), summary, '![](dot.png)', '', '![A chart](missing.png)', ''].join('\n'),
    expected: [
      ['image-alt', 'warning', 9, 1],
      ['image-missing', 'error', 11, 1]
    ]
  },
  'links.md': {
    text: [head('Links'), summary, '## The call', '', 'See [the call](#the-call) and [the readout](#the-readout).', ''].join('\n'),
    expected: [['link-internal', 'error', 11, 31]]
  },
  'headings.md': {
    text: [head('Headings'), summary, '# Too high', '', '## Section', '', '#### Too deep', ''].join('\n'),
    expected: [
      ['heading-level', 'warning', 9, 1],
      ['heading-level', 'warning', 13, 1]
    ]
  },
  'clean.md': {text: manuscript('Clean'), expected: []}
};

let cwd: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({dir: cwd, remove} = await temporaryFolder('cli-check'));
  await mkdir(path.join(cwd, 'm'));
  await writeFile(path.join(cwd, 'm', 'dot.png'), png);
  for (const [name, {text}] of Object.entries(cases)) await writeFile(path.join(cwd, 'm', name), text);
});

afterAll(async () => {
  await remove();
});

describe('briefing check', () => {
  it('finds each class of problem at its place, prints JSON, and exits 1 on errors', async () => {
    const result = await run(['check', 'm', '--json'], {cwd});
    expect(result.code).toBe(1);

    const json = JSON.parse(result.stdout) as {
      ok: boolean;
      documents: Array<{input: string; ok: boolean; messages: Array<{ruleId: string; severity: string; line: number; column: number; reason: string}>}>;
    };
    expect(json.ok).toBe(false);
    expect(json.documents.map((document) => path.basename(document.input)).sort()).toEqual(Object.keys(cases).sort());
    for (const document of json.documents) {
      const {expected} = cases[path.basename(document.input)] ?? {expected: []};
      const found = document.messages.map((message) => [message.ruleId, message.severity, message.line, message.column]);
      expect(found, document.input).toEqual(expected);
      expect(document.ok, document.input).toBe(!expected.some(([, severity]) => severity === 'error'));
    }
    // Messages name what is wrong and what was expected.
    const links = json.documents.find((document) => document.input.endsWith('links.md'));
    expect(links?.messages[0]?.reason).toContain('`#the-readout`');
    expect(links?.messages[0]?.reason).toContain('`#the-call`');

    // And for people, on standard error.
    expect(result.stderr).toMatch(/^m\/links\.md:11:31: error Broken link `#the-readout`/m);
    expect(result.stderr).toContain('✗ m/images.md: 1 error, 1 warning');
    expect(result.stderr).toContain('✓ m/clean.md: no problems');
  });

  it('exits 0 when there are only warnings', async () => {
    const result = await run(['check', 'm/no-summary.md', 'm/headings.md', 'm/clean.md'], {cwd});
    expect(result.stderr).toMatch(/^m\/no-summary\.md:5:1: warning Missing summary/m);
    expect(result.stderr).toContain('⚠ m/headings.md: 2 warnings');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('checks standard input, and exits 2 for a missing manuscript', async () => {
    const piped = await run(['check', '-'], {cwd, input: cases['links.md']?.text ?? ''});
    expect(piped.code).toBe(1);
    expect(piped.stderr).toMatch(/^<stdin>:11:31: error Broken link/m);

    const missing = await run(['check', 'nowhere.md'], {cwd});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.md: no such file or folder');
    expect(await readdir(cwd)).toEqual(['m']);
  });
});
