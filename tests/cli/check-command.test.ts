import {cp, mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {manuscript, root, run, temporaryFolder} from './helpers.js';

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const head = (title: string): string => ['---', `title: ${title}`, '---', ''].join('\n');
const summary = [':::summary', '- A point.', ':::', ''].join('\n');

/** One manuscript per problem class, with the problems expected: `[ruleId, severity, line, column]`. */
const cases: Record<string, {text: string; expected: Array<[string, 'error' | 'warning', number, number]>}> = {
  'front-matter.md': {text: ['---', 'title: Wrong type', 'tags: {oops: 1}', '---', '', summary].join('\n'), expected: [['front-matter-schema', 'error', 3, 7]]},
  'unclosed.md': {text: [head('Unclosed'), ':::summary', '- Never closed.', '', 'The rest of the article.', ''].join('\n'), expected: [['directive-unclosed', 'error', 5, 1]]},
  'unknown-block.md': {text: [head('Unknown block'), summary, '::sidebar', ''].join('\n'), expected: [['directive-unknown', 'warning', 9, 1]]},
  // The bundled templates show a summary when there is one and do not require it.
  'no-summary.md': {text: [head('No summary'), 'Only text.', ''].join('\n'), expected: []},
  'pullquotes.md': {
    text: [head('Pull quotes'), summary, `Text with :pullquote[${'word '.repeat(45).trim()}].`, '', ':::pullquote', ':::', ''].join('\n'),
    expected: [
      ['pullquote-length', 'warning', 9, 11],
      ['pullquote-empty', 'error', 11, 1]
    ]
  },
  'images.md': {
    text: [head('Images'), summary, '![](dot.png)', '', '![A chart](missing.png)', '', 'Again: ![](dot.png)', ''].join('\n'),
    expected: [
      ['image-alt', 'warning', 9, 1],
      // Printed as its alt text and path (an error in strict mode).
      ['image-missing', 'warning', 11, 1]
    ]
  },
  'links.md': {
    text: [head('Links'), summary, '## The call', '', 'See [the call](#the-call) and [the readout](#the-readout).', ''].join('\n'),
    expected: [['link-internal', 'error', 11, 31]]
  },
  'headings.md': {
    text: [head('Headings'), summary, '# Too high', '', '## Section', '', '#### Too deep', ''].join('\n'),
    // One warning for the document's outline, at its first problem.
    expected: [['heading-level', 'warning', 9, 1]]
  },
  // A document without front matter that opens with its title as a `#` heading.
  'title-heading.md': {text: ['# The title as a heading', '', summary, '## A section', '', 'Text.', ''].join('\n'), expected: []},
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
    expect(result.stderr).toContain('✗ m/pullquotes.md: 1 error, 1 warning');
    expect(result.stderr).toContain('⚠ m/images.md: 2 warnings');
    const headings = json.documents.find((document) => document.input.endsWith('headings.md'));
    expect(headings?.messages[0]?.reason).toBe('Unexpected level-1 heading `#`, expected `##`: the title is the only level-1 heading of a briefing (and 1 more heading out of level)');
    expect(result.stderr).toContain('✓ m/clean.md: no problems');
  });

  it('exits 0 when there are only warnings', async () => {
    const result = await run(['check', 'm/no-summary.md', 'm/headings.md', 'm/clean.md'], {cwd});
    expect(result.stderr).toContain('⚠ m/headings.md: 1 warning');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('warns about a missing summary when the template requires one', async () => {
    const template = path.join(cwd, 'needs-summary');
    await cp(path.join(root, 'templates', 'briefing'), template, {recursive: true});
    const json = JSON.parse(await readFile(path.join(template, 'template.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(template, 'template.json'), JSON.stringify({...json, name: 'needs-summary', summary: 'required'}));
    try {
      const result = await run(['check', 'm/no-summary.md', 'm/clean.md', '--template', './needs-summary'], {cwd});
      expect(result.stderr).toMatch(/^m\/no-summary\.md:5:1: warning Missing summary, expected a `:::summary` box .* the template `.\/needs-summary` requires one \[summary-missing\]$/m);
      expect(result.stderr).toContain('✓ m/clean.md: no problems');
      expect(result.code).toBe(0);
    } finally {
      await rm(template, {recursive: true, force: true});
    }
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

  it('prints a manuscript name with its control characters escaped, in messages and in the result line', async () => {
    const odd = path.join(cwd, 'odd');
    await mkdir(odd);
    try {
      await writeFile(path.join(odd, 'a\u001B[2Jb\nc.md'), manuscript('Odd name'));
      await writeFile(path.join(odd, 'd\u001B]0;x\u0007.md'), [head('Odd and wrong'), '::sidebar', ''].join('\n'));
      const result = await run(['check', 'odd'], {cwd});
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
      expect(result.stderr.split('\n')).toEqual([
        '✓ odd/a\\x1b[2Jb\\x0ac.md: no problems',
        expect.stringMatching(/^odd\/d\\x1b\]0;x\\x07\.md:5:1: warning .*\[directive-unknown\]$/),
        '⚠ odd/d\\x1b]0;x\\x07.md: 1 warning',
        ''
      ]);
    } finally {
      await rm(odd, {recursive: true, force: true});
    }
  });
});
