import type {Root, Yaml} from 'mdast';
import type {Plugin} from 'unified';
import type {Point} from 'unist';
import type {VFile} from 'vfile';
import {LineCounter, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit as visitYaml, type Document, type Node as YamlNode} from 'yaml';
import type * as z from 'zod';
import {leadingHeading, titleFromFileName} from './document-title.js';
import {aliasOf, authorAliases, matterAliases, nearMiss, reservedKeys, runSettingKeys} from '../manuscripts/matter-keys.js';
import {matterKeys, matterSchema, nestedMatterKeys, normaliseMatter, type Matter} from '../manuscripts/matter-schema.js';
import {detectLanguage} from './detect-language.js';
import {withoutControls} from '../manuscripts/matter-text.js';
import {escapeControl} from '../messages/report.js';
import {findTitleBlock} from './pandoc-title-block.js';
import {reportError, reportWarning} from '../messages/messages.js';

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

/** Validated front matter before its title is settled. */
type Fields = Partial<z.output<typeof matterSchema>>;

/** Keys as they are reached in the YAML: names, and indexes in lists. */
type KeyPath = ReadonlyArray<string | number>;

export interface RemarkBriefingMatterOptions {
  /**
   * A desk's house rules: YAML front matter with a `title` is required, and every key
   * must be one of briefing's own (no aliases; unknown keys are errors, not a warning).
   */
  readonly strict?: boolean | undefined;
}

/**
 * Parse the front matter once, validate it, and store it on `file.data.matter`.
 * Front matter is optional: YAML between `---` and `---` (or pandoc's `...`), or
 * pandoc's `%` title block. Keys other tools write for what briefing's keys mean
 * (`author`, `description`, `keywords`, …) are read as those keys, other keys are
 * named in one warning, and a near miss of a key (`subtitel`) is an error. The title
 * falls back to the heading the document opens with (which then is not printed a
 * second time under the masthead), then to the file name.
 * Only YAML is accepted: front matter is data, never code (`---js` is an error).
 *
 * @param options
 *   Strict mode.
 * @returns
 *   Transform.
 */
export const remarkBriefingMatter: Plugin<[RemarkBriefingMatterOptions?], Root> = function (options = {}) {
  const strict = options.strict === true;
  return function (tree, file) {
    const head = tree.children[0];
    file.data.matter = placeholder;

    let fields: Fields | undefined;
    if (head?.type === 'yaml') {
      tree.children.shift();
      fields = parseMatter(head, file, strict);
    } else if (refuseOtherMatter(file) || strict) {
      if (strict) reportMissingMatter(file);
      return;
    } else if (tree.children.length === 0) {
      // Nothing to title and nothing to print: an empty file is a mistake, not a briefing.
      reportError(file, 'Empty manuscript, expected front matter with a `title:` line, or a heading and some text', {line: 1, column: 1}, 'front-matter-missing');
      return;
    } else {
      fields = readTitleBlock(tree, file);
    }
    if (!fields) return;

    const title = settleTitle(tree, file, fields.title, strict, head?.type === 'yaml' ? head : undefined);
    if (title === undefined) return;
    file.data.matter = normaliseMatter({authors: [], tags: [], ...fields, lang: fields.lang ?? detectLanguage(tree, file, title), title});
  };
};

/** Front matter in another language than YAML is refused, never read as Markdown. */
function refuseOtherMatter(file: VFile): boolean {
  const text = String(file.value).replace(/^\uFEFF/, '');
  const fence = /^(---|\+\+\+|;;;)[ \t]*([^\s-][^\r\n]*)?\r?\n/.exec(text);
  if (fence?.[2]) {
    reportError(
      file,
      `Unexpected front matter language \`${escapeControl(fence[2].trim())}\`, expected plain YAML between \`---\` lines: front matter is data and is never run`,
      {line: 1, column: 1},
      'front-matter-language'
    );
    return true;
  }
  if (fence?.[1] === '+++') {
    reportError(file, 'Unexpected TOML front matter (`+++`), expected YAML between `---` lines', {line: 1, column: 1}, 'front-matter-language');
    return true;
  }
  if (fence?.[1] === ';;;') {
    reportError(file, 'Unexpected JSON front matter (`;;;`), expected YAML between `---` lines', {line: 1, column: 1}, 'front-matter-language');
    return true;
  }
  // `%YAML 1.2` before `---` is a YAML stream, not front matter (nor a pandoc title).
  if (/^%(?:YAML|TAG)[ \t]/.test(text)) {
    reportError(file, 'Unexpected YAML directive before the front matter, expected the manuscript to start with `---`', {line: 1, column: 1}, 'front-matter-yaml');
    return true;
  }
  return false;
}

function reportMissingMatter(file: VFile): void {
  reportError(
    file,
    'Missing front matter, expected the manuscript to start with `---`, a `title:` line and `---` (strict mode)',
    {line: 1, column: 1},
    'front-matter-missing'
  );
}

/**
 * The title: the front matter's, else the heading the document opens with, else the
 * file name. A leading heading that only repeats the title is dropped: the masthead
 * prints it already.
 */
function settleTitle(tree: Root, file: VFile, title: string | undefined, strict: boolean, yaml: Yaml | undefined): string | undefined {
  const leading = leadingHeading(tree);
  if (title !== undefined) {
    if (leading && leading.text === title.replace(/\s+/g, ' ').trim()) tree.children.splice(leading.index, 1);
    return title;
  }
  if (strict) {
    reportError(file, 'Missing `title` in front matter, expected a `title:` line (strict mode)', yaml?.position?.start ?? {line: 1, column: 1}, 'front-matter-schema');
    return undefined;
  }
  if (leading) {
    tree.children.splice(leading.index, 1);
    return leading.text;
  }
  const name = titleFromFileName(file);
  reportWarning(
    file,
    `Missing title: no \`title\` in front matter and no heading at the start, so the title is made from the file name: “${escapeControl(name)}”`,
    yaml?.position?.start ?? {line: 1, column: 1},
    'front-matter-title'
  );
  return name;
}

/** pandoc's `% Title` / `% Authors` / `% Date` lines, read like the keys they stand for. */
function readTitleBlock(tree: Root, file: VFile): Fields | undefined {
  const block = findTitleBlock(tree, file);
  if (!block) return {};
  tree.children.shift();
  const fields: Record<string, unknown> = {};
  let ok = true;
  const read = (key: 'title' | 'authors' | 'date', line: number, value: unknown): void => {
    const result = matterSchema.shape[key].safeParse(value);
    if (result.success) {
      fields[key] = result.data;
      return;
    }
    ok = false;
    for (const issue of result.error.issues) {
      reportError(file, `Invalid ${key} in the \`%\` title block: ${issue.message}`, {line, column: 1}, 'front-matter-schema');
    }
  };
  const clean = (lines: readonly string[]): string[] => lines.map((line) => withoutControls(line).text);
  if (block.title) read('title', block.title.line, clean(block.title.lines).join(' '));
  if (block.authors) {
    const names = clean(block.authors.lines).flatMap((line) => line.split(';')).map((name) => name.trim()).filter(Boolean);
    read('authors', block.authors.line, names);
  }
  if (block.date) read('date', block.date.line, clean(block.date.lines).join(' '));
  return ok ? (fields as Fields) : undefined;
}

function parseMatter(node: Yaml, file: VFile, strict: boolean): Fields | undefined {
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
    reportError(file, `Invalid YAML in front matter: ${escapeControl(firstLine(problem.message))}`, at.offset(problem.pos[0]), 'front-matter-yaml');
  }
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;

  if (!refuseAliases(doc, file, at)) return undefined;
  removeControls(doc, file, at);

  if (doc.contents !== null && !isMap(doc.contents)) {
    reportError(file, 'Invalid front matter, expected `key: value` lines', at.offset(doc.contents.range?.[0]), 'front-matter-schema');
    return undefined;
  }
  const data = (doc.toJS({maxAliasCount: 0}) ?? {}) as Record<string, unknown>;
  const keys = readKeys(Object.keys(data), strict);
  const unused: string[] = [...keys.unused.map((key) => `\`${escapeControl(key)}\``)];
  const firstUnused: KeyPath[] = keys.unused.map((key) => [key]);
  let ok = true;

  for (const {key, hint} of keys.refused) {
    reportError(file, `Unexpected front-matter key \`${escapeControl(key)}\`${hint}`, at.offset(keyRange(doc, [], key)?.[0]), 'front-matter-schema');
    ok = false;
  }

  const fields: Record<string, unknown> = {};
  for (const [target, sources] of keys.used) {
    const schema = matterSchema.shape[target as keyof typeof matterSchema.shape];
    const values: unknown[] = [];
    for (const source of target === 'tags' ? sources : sources.slice(0, 1)) {
      let value = data[source];
      if (target === 'authors' && !strict) {
        const authors = readAuthorKeys(value, [source]);
        value = authors.value;
        for (const path of authors.unused) {
          unused.push(`\`${escapeControl(formatPath(path))}\``);
          firstUnused.push(path);
        }
        for (const {path, hint} of authors.refused) {
          reportError(file, `Unexpected front-matter key \`${escapeControl(formatPath(path))}\`${hint}`, at.offset(keyRange(doc, path.slice(0, -1), String(path.at(-1)))?.[0]), 'front-matter-schema');
          ok = false;
        }
      }
      const result = schema.safeParse(value);
      if (result.success) values.push(result.data);
      else {
        reportIssues(file, doc, at, [source], result.error.issues);
        ok = false;
      }
    }
    fields[target] = target === 'tags' ? values.flat() : values[0];
    for (const source of target === 'tags' ? [] : sources.slice(1)) {
      unused.push(`\`${escapeControl(source)}\` (beside \`${sources[0]}\`)`);
      firstUnused.push([source]);
    }
  }

  if (unused.length > 0) {
    const first = firstUnused.map((path) => at.offset(keyRange(doc, path.slice(0, -1), String(path.at(-1)))?.[0])).sort(byPlace)[0];
    const listed = unused.length > 12 ? [...unused.slice(0, 12), `and ${unused.length - 12} more`] : unused;
    reportWarning(file, `Front-matter keys that briefing does not use were ignored: ${listed.join(', ')} (with \`--strict\` they are errors)`, first, 'front-matter-unused');
  }
  return ok ? (fields as Fields) : undefined;
}

/** Every key of the front matter, sorted out: briefing's own and aliases, the unused, the refused. */
interface Keys {
  /** Briefing's keys, each with the keys that gave it, the winning one first. */
  readonly used: ReadonlyMap<string, readonly string[]>;
  readonly unused: readonly string[];
  /** Keys that are errors, with what to say after the key. */
  readonly refused: ReadonlyArray<{key: string; hint: string}>;
}

function readKeys(keys: readonly string[], strict: boolean): Keys {
  const aliases = Object.values(matterAliases).flat();
  const used = new Map<string, string[]>();
  const unused: string[] = [];
  const refused: Array<{key: string; hint: string}> = [];
  for (const key of keys) {
    if (reservedKeys.includes(key)) {
      refused.push({key, hint: ': a name JavaScript reserves, never a front-matter key'});
      continue;
    }
    if (key === '<<') {
      refused.push({key, hint: ': YAML merge keys are not read, expected the keys written out'});
      continue;
    }
    if (runSettingKeys.includes(key)) {
      refused.push({key, hint: ': a setting of the run, not of a manuscript (give it in briefing.config.json or as a flag)'});
      continue;
    }
    const target = matterKeys.includes(key) ? key : strict ? undefined : aliasOf(matterAliases, key);
    if (target !== undefined) {
      used.set(target, [...(used.get(target) ?? []), key]);
      continue;
    }
    const alias = strict ? aliasOf(matterAliases, key) : undefined;
    const suggestion = alias === undefined ? nearMiss(key, strict ? matterKeys : [...matterKeys, ...aliases]) : undefined;
    if (suggestion !== undefined) refused.push({key, hint: `, did you mean \`${suggestion}\`?`});
    else if (alias !== undefined) refused.push({key, hint: `, expected briefing’s own name for it, \`${alias}\` (strict mode)`});
    else if (strict) refused.push({key, hint: `, expected one of ${expectedKeys([])}`});
    else unused.push(key);
  }
  // Briefing's own key first, then the aliases in the order `matterAliases` lists them.
  for (const [target, sources] of used) {
    const order = [target, ...(matterAliases[target] ?? [])];
    sources.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  return {used, unused, refused};
}

/**
 * Author records written for other tools: Docusaurus's `title` is the author's role;
 * `url`, `image_url` and the like are unused; a near miss of a field is refused.
 */
function readAuthorKeys(value: unknown, path: KeyPath): {value: unknown; unused: KeyPath[]; refused: Array<{path: KeyPath; hint: string}>} {
  const unused: KeyPath[] = [];
  const refused: Array<{path: KeyPath; hint: string}> = [];
  const fieldNames = nestedMatterKeys['authors'] ?? [];
  const candidates = [...fieldNames, ...Object.values(authorAliases).flat()];
  const record = (item: unknown, itemPath: KeyPath): unknown => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(item)) {
      const target = fieldNames.includes(key) ? key : aliasOf(authorAliases, key);
      if (target !== undefined && !(target in result)) {
        result[target] = field;
        continue;
      }
      const suggestion = target === undefined ? nearMiss(key, candidates) : undefined;
      if (reservedKeys.includes(key)) refused.push({path: [...itemPath, key], hint: ': a name JavaScript reserves, never a front-matter key'});
      else if (suggestion) refused.push({path: [...itemPath, key], hint: `, did you mean \`${suggestion}\`?`});
      else unused.push([...itemPath, key]);
    }
    return result;
  };
  const read = Array.isArray(value) ? value.map((item, index) => record(item, [...path, index])) : record(value, path);
  return {value: read, unused, refused};
}

function reportIssues(file: VFile, doc: Document, at: Locator, base: KeyPath, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      const expected = nestedMatterKeys[String(matterTarget(path[0]))] ?? [];
      for (const key of issue.keys) {
        // Only author records are written for other tools; `email`'s fields are listed as they are.
        const suggestion = matterTarget(path[0]) === 'authors' ? nearMiss(key, expected) : undefined;
        const hint = suggestion ? `did you mean \`${suggestion}\`?` : `expected one of ${expected.map((name) => `\`${name}\``).join(', ')}`;
        reportError(file, `Unexpected front-matter key \`${escapeControl(formatPath([...path, key]))}\`, ${hint}`, at.offset(keyRange(doc, path, key)?.[0]), 'front-matter-schema');
      }
      continue;
    }
    reportError(file, `Invalid \`${escapeControl(formatPath(path))}\` in front matter: ${issue.message}`, at.offset(nodeAt(doc, path)?.range?.[0]), 'front-matter-schema');
  }
}

/** The briefing key a top-level key as written stands for. */
function matterTarget(key: string | number | undefined): string | undefined {
  if (typeof key !== 'string') return undefined;
  return matterKeys.includes(key) ? key : aliasOf(matterAliases, key);
}

/** The deepest YAML node on `path` (a scalar written for a list is its own first item). */
function nodeAt(doc: Document, path: KeyPath): YamlNode | undefined {
  for (let length = path.length; length > 0; length--) {
    const found = doc.getIn(path.slice(0, length), true);
    if (isNode(found)) return found;
  }
  return undefined;
}

/** Control characters in a value are removed, with a warning: they are never text. */
function removeControls(doc: Document, file: VFile, at: Locator): void {
  visitYaml(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const {text, removed} = withoutControls(node.value);
      if (removed.length === 0) return;
      node.value = text;
      reportWarning(
        file,
        `Removed control characters (${removed.join(', ')}) from \`${escapeControl(formatPath(yamlPath(ancestors, node)))}\` in front matter: they are not text`,
        at.offset(node.range?.[0]),
        'front-matter-control'
      );
    }
  });
}

/** The keys and indexes that lead from the document to `node`. */
function yamlPath(ancestors: readonly unknown[], node: unknown): KeyPath {
  const chain = [...ancestors, node];
  const path: Array<string | number> = [];
  for (let index = 1; index < chain.length; index++) {
    const parent = chain[index - 1];
    const child = chain[index];
    if (isPair(child)) path.push(isScalar(child.key) ? String(child.key.value) : String(child.key));
    else if (isSeq(parent)) path.push(parent.items.indexOf(child as never));
  }
  return path;
}

function byPlace(a: Point | undefined, b: Point | undefined): number {
  return (a?.line ?? 0) - (b?.line ?? 0) || (a?.column ?? 0) - (b?.column ?? 0);
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
