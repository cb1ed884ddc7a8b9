import type {Expected} from '../helpers/messages.js';

/**
 * Front matter that tries to run code, blow up, or configure the build. Every one must be
 * refused with a positioned error and exit status 1, and none may run anything: `MARKER`
 * is replaced by the path of a file that only executed code would create.
 */
export interface MatterCase {
  readonly name: string;
  readonly input: string;
  /** The error that must be reported (at least this one). */
  readonly error: Expected;
  /** Flags for `briefing build` beyond the usual ones. */
  readonly args?: readonly string[];
}

/** Code that creates the marker file, in the shape each engine would run. */
const shell = "require('child_process').execSync('touch MARKER')";
const jsObject = `({title: (${shell}, 'pwned')})`;

/** "Billion laughs": nine levels of nine aliases each, about 387 million strings if expanded. */
const laughs = [
  'lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, index) => {
    const previous = 'abcdefghi'[index] as string;
    return `${name}: &${name} [${Array.from({length: 9}, () => `*${previous}`).join(',')}]`;
  }),
  'title: *i'
].join('\n');

export const matterCases: readonly MatterCase[] = [
  // Delimiter languages: gray-matter runs `---js` and `---javascript` (CVE-2021-23639, CVE-2025-65108).
  {name: 'js-delimiter', input: `---js\n${jsObject}\n---\n\nBody.\n`, error: {rule: 'front-matter-language', at: '1:1'}},
  {name: 'javascript-delimiter', input: `---javascript\n${jsObject}\n---\n\nBody.\n`, error: {rule: 'front-matter-language', at: '1:1'}},
  {name: 'js-delimiter-space', input: `--- js\n${jsObject}\n---\n\nBody.\n`, error: {rule: 'front-matter-language', at: '1:1'}},
  {name: 'js-delimiter-upper', input: `---JS\n${jsObject}\n---\n\nBody.\n`, error: {rule: 'front-matter-language', at: '1:1'}},
  {name: 'js-delimiter-tab', input: `---\tjavascript\n${jsObject}\n---\n\nBody.\n`, error: {rule: 'front-matter-language', at: '1:1'}},
  {name: 'coffee-delimiter', input: `---coffee\ntitle: do -> ${shell}\n---\n\nBody.\n`, error: {rule: 'front-matter-language', at: '1:1'}},
  {name: 'json-delimiter', input: '---json\n{"title": "x"}\n---\n\nBody.\n', error: {rule: 'front-matter-language', at: '1:1'}},
  {name: 'semicolon-delimiter', input: `;;;\n${jsObject}\n;;;\n\nBody.\n`, error: {rule: /^front-matter-(language|missing)$/, at: '1:1'}},
  {name: 'toml-delimiter', input: '+++\ntitle = "TOML"\n+++\n\nBody.\n', error: {rule: 'front-matter-language', at: '1:1'}},
  {name: 'yaml-directive-first', input: '%YAML 1.1\n---\ntitle: x\n---\n\nBody.\n', error: {rule: /^front-matter-/, at: '1:1'}},

  // Tags: js-yaml's `!!js/function`, PyYAML's `!!python/object`, anything unknown.
  {name: 'js-function-tag', input: `---\ntitle: !!js/function "function () { ${shell}; return 'x' }"\n---\n\nBody.\n`, error: {rule: 'front-matter-yaml', at: '2:8'}},
  {name: 'js-regexp-tag', input: '---\ntitle: !!js/regexp /(a+)+$/\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '2:8'}},
  {name: 'js-undefined-tag', input: '---\ntitle: !!js/undefined ~\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '2:8'}},
  {name: 'python-object-tag', input: '---\ntitle: !!python/object/apply:os.system ["touch MARKER"]\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '2:8'}},
  {name: 'ruby-object-tag', input: '---\ntitle: !ruby/object:Gem::Installer {i: x}\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '2:8'}},
  {name: 'unknown-local-tag', input: '---\ntitle: !shell touch MARKER\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '2:8'}},
  {name: 'unknown-verbatim-tag', input: '---\ntitle: !<tag:example.com,2000:exec> touch MARKER\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '2:8'}},
  {name: 'tag-directive', input: '---\n%TAG !e! tag:example.com,2000:\ntitle: !e!exec x\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '3:1'}},
  // Tags the YAML library knows that build objects (a Set, a Buffer, a Date): never a string.
  {name: 'set-tag', input: '---\ntitle: !!set {a, b}\n---\n\nBody.\n', error: {rule: /^front-matter-(yaml|schema)$/, at: '2'}},
  {name: 'binary-tag', input: '---\ntitle: x\nsubtitle: !!binary aGVsbG8=\n---\n\nBody.\n', error: {rule: /^front-matter-(yaml|schema)$/, at: '3'}},

  // Aliases: billion laughs, a single alias, and merge keys.
  {name: 'billion-laughs', input: `---\n${laughs}\n---\n\nBody.\n`, error: {rule: 'front-matter-yaml', at: '3:8'}},
  {name: 'alias', input: '---\nname: &t Title\ntitle: *t\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '3:8'}},
  {name: 'merge-key-alias', input: '---\nbase: &b {title: x}\n<<: *b\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '3:5'}},
  {name: 'merge-key-inline', input: '---\ntitle: x\n<<: {subtitle: y}\n---\n\nBody.\n', error: {rule: /^front-matter-(yaml|schema)$/, at: '3:1'}},

  // Duplicate keys: the later one must not silently win.
  {name: 'duplicate-key', input: '---\ntitle: Safe\ntitle: Evil\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '3:1'}},
  {name: 'duplicate-key-nested', input: '---\ntitle: x\nauthors:\n  - name: A\n    name: B\n---\n\nBody.\n', error: {rule: 'front-matter-yaml', at: '5:5'}},

  // Size and depth.
  {name: 'front-matter-100kb', input: `---\ntitle: x\nsubtitle: "${'a'.repeat(100 * 1024)}"\n---\n\nBody.\n`, error: {rule: 'front-matter-size', at: '1:1'}},
  {name: 'front-matter-many-keys', input: `---\ntitle: x\n${Array.from({length: 20_000}, (_, index) => `k${index}: v`).join('\n')}\n---\n\nBody.\n`, error: {rule: /^front-matter-/, at: '1:1'}},
  // 5,000 nested flow sequences (10 KB): a depth limit, not the parser's stack overflow.
  {name: 'front-matter-deep-flow', input: `---\ntitle: x\nsummary: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n\nBody.\n`, error: {rule: /^front-matter-/, at: '3'}},

  // Front matter is data, never configuration of the browser, the paths or the budget.
  {name: 'matter-sets-out-dir', input: '---\ntitle: x\noutDir: /tmp\n---\n\nBody.\n', error: {rule: 'front-matter-schema', at: '3:1'}},
  {name: 'matter-sets-browser', input: '---\ntitle: x\nbrowser: /bin/sh\n---\n\nBody.\n', error: {rule: 'front-matter-schema', at: '3:1'}},
  {name: 'matter-sets-root', input: '---\ntitle: x\nroot: /\n---\n\nBody.\n', error: {rule: 'front-matter-schema', at: '3:1'}},
  {name: 'matter-sets-timeout', input: '---\ntitle: x\ntimeout: 999999999\n---\n\nBody.\n', error: {rule: 'front-matter-schema', at: '3:1'}},
  {name: 'matter-template-path', input: '---\ntitle: x\ntemplate: ../../../../tmp\n---\n\nBody.\n', error: {rule: 'front-matter-schema', at: '3:11'}},
  {name: 'matter-lang-attribute', input: '---\ntitle: x\nlang: \'en" onload="alert(1)\'\n---\n\nBody.\n', error: {rule: 'front-matter-schema', at: '3:7'}},
  {name: 'matter-proto', input: '---\ntitle: x\n__proto__:\n  polluted: true\n---\n\nBody.\n', error: {rule: 'front-matter-schema', at: '3:1'}},

  // Missing front matter: optional, but required in strict mode.
  {name: 'empty-front-matter', input: '---\n---\n\nBody.\n', error: {rule: 'front-matter-schema', at: '1:1'}, args: ['--strict']},
  {name: 'no-front-matter', input: `# ${jsObject}\n\nBody.\n`, error: {rule: 'front-matter-missing', at: '1:1'}, args: ['--strict']}
];
