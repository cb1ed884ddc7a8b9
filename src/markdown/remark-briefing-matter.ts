import type {Root, Yaml} from 'mdast';
import type {Plugin} from 'unified';
import type {Point} from 'unist';
import type {VFile} from 'vfile';
import {LineCounter, isAlias, isCollection, parseDocument, visit as visitYaml, type Document, type Node as YamlNode} from 'yaml';
import {matterKeys, matterSchema, nestedMatterKeys, normaliseMatter, type Matter} from './matter-schema.js';
import {reportError} from '../messages.js';

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter; set by `remarkBriefingMatter`, read by every later stage. */
    matter: Matter;
  }
}

/** Front matter is metadata, not a document: anything larger is refused before parsing. */
const maxMatterBytes = 64 * 1024;

/** Deeper `[`/`{` nesting than any real front matter needs; the YAML parser recurses. */
const maxMatterDepth = 32;

/**
 * Where flow collections (`[`, `{`) outside quoted strings first nest deeper than `max`.
 *
 * @param {string} yaml
 *   Front matter.
 * @param {number} max
 *   Deepest nesting allowed.
 * @returns {number | undefined}
 *   Offset of the bracket that goes too deep, if one does.
 */
function tooDeepAt(yaml: string, max: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let offset = 0; offset < yaml.length; offset++) {
    const character = yaml[offset];
    if (quote) {
      if (character === quote || character === '\n') quote = undefined;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '[' || character === '{') {
      if (++depth > max) return offset;
    } else if (character === ']' || character === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** What a manuscript that failed validation is rendered with, so later checks still run. */
const placeholder: Matter = Object.freeze({title: 'Untitled', authors: [], tags: [], lang: 'en'});

/**
 * Parse the YAML front matter once, validate it, and store it on `file.data.matter`.
 * Only YAML is accepted: front matter is data, never code (`---js` is an error).
 *
 * @returns
 *   Transform.
 */
export const remarkBriefingMatter: Plugin<[], Root> = function () {
  return function (tree, file) {
    const head = tree.children[0];
    file.data.matter = placeholder;

    if (head?.type !== 'yaml') {
      reportMissingMatter(file);
      return;
    }

    tree.children.shift();
    const matter = parseMatter(head, file);
    if (matter) file.data.matter = matter;
  };
};

function reportMissingMatter(file: VFile): void {
  const text = String(file.value).replace(/^\uFEFF/, '');
  const fence = /^(---|\+\+\+|;;;)[ \t]*([^\s-][^\r\n]*)?\r?\n/.exec(text);
  if (fence?.[2]) {
    reportError(
      file,
      `Unexpected front matter language \`${fence[2].trim()}\`, expected plain YAML between \`---\` lines: front matter is data and is never run`,
      {line: 1, column: 1},
      'front-matter-language'
    );
  } else if (fence?.[1] === '+++') {
    reportError(file, 'Unexpected TOML front matter (`+++`), expected YAML between `---` lines', {line: 1, column: 1}, 'front-matter-language');
  } else {
    reportError(
      file,
      'Missing front matter, expected the manuscript to start with `---`, a `title:` line and `---`',
      {line: 1, column: 1},
      'front-matter-missing'
    );
  }
}

function parseMatter(node: Yaml, file: VFile): Matter | undefined {
  const at = locator(node, file);

  if (Buffer.byteLength(node.value) > maxMatterBytes) {
    reportError(file, `Front matter is ${Buffer.byteLength(node.value)} bytes, expected at most ${maxMatterBytes}`, node, 'front-matter-size');
    return undefined;
  }

  const tooDeep = tooDeepAt(node.value, maxMatterDepth);
  if (tooDeep !== undefined) {
    reportError(file, `Front matter nested more than ${maxMatterDepth} levels deep, expected plain values and short lists`, at.offset(tooDeep), 'front-matter-yaml');
    return undefined;
  }

  const doc = parseDocument(node.value, {
    schema: 'core',
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    customTags: []
  });

  for (const problem of [...doc.errors, ...doc.warnings]) {
    reportError(file, `Invalid YAML in front matter: ${firstLine(problem.message)}`, at.offset(problem.pos[0]), 'front-matter-yaml');
  }
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;

  if (!refuseAliases(doc, file, at)) return undefined;

  const result = matterSchema.safeParse(doc.toJS({maxAliasCount: 0}) ?? {});
  if (result.success) return normaliseMatter(result.data);

  for (const issue of result.error.issues) {
    const path = issue.path.filter((key) => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        reportError(
          file,
          `Unexpected front-matter key \`${formatPath([...path, key])}\`, expected one of ${expectedKeys(path)}`,
          at.offset(keyRange(doc, path, key)?.[0]),
          'front-matter-schema'
        );
      }
      continue;
    }
    const target = doc.getIn(path, true) as YamlNode | undefined;
    const missing = target === undefined;
    const what = path.length === 0 ? 'front matter' : `\`${formatPath(path)}\``;
    reportError(
      file,
      missing ? `Missing ${what} in front matter (${issue.message})` : `Invalid ${what} in front matter: ${issue.message}`,
      missing ? node.position?.start : at.offset(target?.range?.[0]),
      'front-matter-schema'
    );
  }
  return undefined;
}

/** Aliases buy nothing in front matter and are how "billion laughs" documents explode. */
function refuseAliases(doc: Document, file: VFile, at: Locator): boolean {
  let ok = true;
  visitYaml(doc, (_key, value) => {
    if (isAlias(value)) {
      reportError(file, 'Unexpected YAML alias in front matter, expected plain values', at.offset(value.range?.[0]), 'front-matter-yaml');
      ok = false;
      return visitYaml.BREAK;
    }
    return undefined;
  });
  return ok;
}

interface Locator {
  offset(offset: number | undefined): Point | undefined;
}

/** Map offsets inside the YAML text to points in the manuscript. */
function locator(node: Yaml, file: VFile): Locator {
  // Filled from the text now, not by the YAML parser, so it also works before parsing.
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let index = node.value.indexOf('\n'); index !== -1; index = node.value.indexOf('\n', index + 1)) lines.addNewLine(index + 1);
  const start = node.position?.start;
  const text = String(file.value);
  const bodyStart = start?.offset === undefined ? undefined : text.indexOf('\n', start.offset) + 1;
  return {
    offset(offset) {
      if (offset === undefined || !start) return start;
      const {line, col} = lines.linePos(offset);
      return {line: start.line + line, column: col, offset: bodyStart === undefined ? undefined : bodyStart + offset};
    }
  };
}

function keyRange(doc: Document, path: ReadonlyArray<PropertyKey>, key: string): readonly number[] | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (!isCollection(parent)) return undefined;
  for (const item of parent.items) {
    if (item && typeof item === 'object' && 'key' in item) {
      const k = item.key as {value?: unknown; range?: number[]} | null;
      if (k && String(k.value) === key) return k.range;
    }
  }
  return parent.range ?? undefined;
}

function expectedKeys(path: ReadonlyArray<PropertyKey>): string {
  const keys = path.length === 0 ? matterKeys : (nestedMatterKeys[String(path[0])] ?? []);
  return keys.map((key) => `\`${key}\``).join(', ');
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
