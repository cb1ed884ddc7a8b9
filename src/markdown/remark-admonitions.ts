import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Blockquote, BlockContent, DefinitionContent, Paragraph, PhrasingContent, Root, RootContent} from 'mdast';
import type {Position} from 'unist';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';
import {getOrCreate} from '../util/get-or-create.js';
import {languageEntry, readLocale} from '../util/language-entry.js';
import {parseFragment} from './parse-fragment.js';

/** The kinds of note the Markdown of GitHub, Docusaurus, VuePress and Obsidian share. */
const kinds = ['note', 'tip', 'info', 'important', 'warning', 'caution', 'danger'] as const;
type Kind = (typeof kinds)[number];

/** GitHub's alert: `> [!NOTE]` alone on the first line of a block quote. */
const alertMark = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

/**
 * Notes set apart from the text, as authors write them for other tools: GitHub's alerts
 * (`> [!TIP]`), the containers of Docusaurus and VuePress (`:::note`, `:::caution[A
 * title]`) and the admonitions of MkDocs (`!!! note "A title"` over a body indented by
 * four spaces; `??? note` for a folded one, printed open). Each becomes an `aside` of
 * class `callout callout-<kind>` whose first paragraph is its title: the author's
 * label, else the kind's name in the document's language (Docusaurus' translations,
 * `@docusaurus/theme-translations`; English for the languages it has none for, and for
 * `important`, which it does not name). This plugin annotates the tree (`data.hName`);
 * remark-rehype renders it.
 *
 * @returns
 *   Transform.
 */
export const remarkAdmonitions: Plugin<[], Root> = function () {
  return function (tree, file) {
    const lang = file.data.matter?.lang ?? 'en';
    const source = String(file.value);
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === 'paragraph') {
        const made = mkdocsAdmonition(parent.children as RootContent[], index, source, lang);
        return made ? [SKIP, index + 1] : undefined;
      }
      if (node.type === 'containerDirective' && (kinds as readonly string[]).includes(node.name.toLowerCase())) {
        const kind = node.name.toLowerCase() as Kind;
        const [first, ...rest] = node.children;
        const label = first?.type === 'paragraph' && first.data?.directiveLabel ? first.children : undefined;
        const body = (label ? rest : node.children) as Array<BlockContent | DefinitionContent>;
        parent.children[index] = label ? callout(kind, {children: label}, body, node.position) : callout(kind, named(lang, kind), body, node.position);
        return undefined;
      }
      if (node.type !== 'blockquote') return undefined;
      const [first] = node.children;
      const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
      const mark = lead?.type === 'text' ? alertMark.exec(lead.value) : null;
      if (!first || first.type !== 'paragraph' || !lead || lead.type !== 'text' || !mark) return undefined;
      lead.value = lead.value.slice(mark[0].length);
      // A line break after the mark (`[!NOTE]  ` or `[!NOTE]\`) goes with it.
      if (lead.value === '') first.children.shift();
      if (first.children[0]?.type === 'break') first.children.shift();
      const body = first.children.length === 0 ? node.children.slice(1) : node.children;
      const kind = (mark[1] ?? 'note').toLowerCase() as Kind;
      parent.children[index] = callout(kind, named(lang, kind), body, node.position);
      return SKIP;
    });
  };
};

/** MkDocs' types (Python-Markdown's and Material's, with their aliases) as kinds; others are notes with their own name. */
const mkdocsKinds: Readonly<Record<string, Kind>> = {
  note: 'note', abstract: 'note', summary: 'note', tldr: 'note', example: 'note', quote: 'note', cite: 'note', question: 'note', help: 'note', faq: 'note',
  info: 'info', todo: 'info', tip: 'tip', hint: 'tip', success: 'tip', check: 'tip', done: 'tip', important: 'important',
  warning: 'warning', attention: 'warning', caution: 'caution', danger: 'danger', error: 'danger', failure: 'danger', fail: 'danger', missing: 'danger', bug: 'danger'
};

/** The first line of a MkDocs admonition: `!!! type "title"`, `??? type`, `???+ type`. */
const mkdocsMark = /^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"]*)")?[ \t]*$/;

/**
 * A MkDocs admonition at `children[index]`, made in place: the paragraph opening with
 * its mark, and every sibling that lies in its body (the lines after it indented by four
 * spaces, or blank), replaced by the callout of that body parsed as Markdown.
 *
 * @returns
 *   Whether one was made.
 */
function mkdocsAdmonition(children: RootContent[], index: number, source: string, lang: string): boolean {
  const start = children[index]?.position?.start;
  if (start?.offset === undefined) return false;
  const lineEnd = source.indexOf('\n', start.offset);
  const mark = mkdocsMark.exec(source.slice(start.offset, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, ''));
  if (!mark) return false;
  // The body: the lines after the mark that are blank or indented by four columns.
  const lines: string[] = [];
  let end = lineEnd < 0 ? source.length : lineEnd;
  for (let at = end + 1; lineEnd >= 0 && at <= source.length; ) {
    const next = source.indexOf('\n', at);
    const line = source.slice(at, next < 0 ? undefined : next).replace(/\r$/, '');
    if (line.trim() !== '' && !/^(?: {4}|\t)/.test(line)) break;
    lines.push(line.trim() === '' ? '' : line.replace(/^(?: {4}|\t)/, ''));
    if (line.trim() !== '') end = next < 0 ? source.length : next;
    if (next < 0) break;
    at = next + 1;
  }
  // Every node that starts in the admonition must end in it.
  let last = index;
  while (last + 1 < children.length && (children[last + 1]?.position?.start.offset ?? Infinity) < end) last++;
  if (children.slice(index, last + 1).some((child) => (child.position?.end.offset ?? Infinity) > end)) return false;
  while (lines.at(-1) === '') lines.pop();
  const body = parseFragment(lines.join('\n'));
  // Places in the body are the manuscript's: four columns in, from the line after the mark.
  visit(body, (child) => {
    const place = child.position;
    if (!place) return;
    child.position = {
      start: {line: place.start.line + start.line, column: place.start.column + 4},
      end: {line: place.end.line + start.line, column: place.end.column + 4}
    };
  });
  const type = (mark[1] ?? 'note').toLowerCase();
  const kind = mkdocsKinds[type] ?? 'note';
  // An empty title (`!!! note ""`) asks for none; a type of its own is its name, in English.
  const title =
    mark[2] !== undefined
      ? mark[2].trim() === ''
        ? undefined
        : {children: [{type: 'text', value: mark[2]} as PhrasingContent]}
      : type in mkdocsKinds && type === kind
        ? named(lang, kind)
        : {children: [{type: 'text', value: type.charAt(0).toUpperCase() + type.slice(1)} as PhrasingContent], ...(readLocale(lang)?.language === 'en' ? {} : {lang: 'en'})};
  const made = callout(kind, title, body.children as Array<BlockContent | DefinitionContent>, {start, end: children[last]?.position?.end ?? start});
  children.splice(index, last - index + 1, made);
  return true;
}

/** A title of the kind's name, with its language when English stands in. */
function named(lang: string, kind: Kind): {children: PhrasingContent[]; lang?: string} {
  const name = kindName(lang, kind);
  return name.lang ? {children: [{type: 'text', value: name.text}], lang: name.lang} : {children: [{type: 'text', value: name.text}]};
}

/** The callout of a kind, with its title (none for an empty MkDocs title) and body, placed where its markup was. */
function callout(kind: Kind, title: {children: PhrasingContent[]; lang?: string} | undefined, body: Array<BlockContent | DefinitionContent>, position: Position | undefined): Blockquote {
  const properties = title?.lang ? {className: ['callout-title'], lang: title.lang} : {className: ['callout-title']};
  const heading: Paragraph[] = title ? [{type: 'paragraph', children: title.children, data: {hProperties: properties}, position}] : [];
  return {type: 'blockquote', children: [...heading, ...body], data: {hName: 'aside', hProperties: {className: ['callout', `callout-${kind}`]}}, position};
}

const require = createRequire(import.meta.url);

/** A kind's title, and its language when it is not the document's (English standing in). */
interface KindName {
  readonly text: string;
  readonly lang: string | undefined;
}

const names = new Map<string, Readonly<Record<Kind, KindName>>>();

const english: Readonly<Record<Kind, string>> = {note: 'Note', tip: 'Tip', info: 'Info', important: 'Important', warning: 'Warning', caution: 'Caution', danger: 'Danger'};

/**
 * A kind's name in a language: Docusaurus' word, its first letter a capital; English
 * where Docusaurus has no word (its locales are `ar`, `fr`, `ja`, `zh-Hans`… and it does
 * not name `important`).
 *
 * @param lang
 *   BCP 47 tag of the document.
 * @param kind
 *   The kind of note.
 * @returns
 *   Its title.
 */
export function kindName(lang: string, kind: Kind): KindName {
  return getOrCreate(names, lang, () => readNames(lang))[kind];
}

function readNames(lang: string): Readonly<Record<Kind, KindName>> {
  const locale = readLocale(lang);
  const other = locale?.language !== 'en';
  const inEnglish = (kind: Kind): KindName => ({text: english[kind], lang: other ? 'en' : undefined});
  let messages: Record<string, string> = {};
  if (other) {
    const locales = path.join(path.dirname(require.resolve('@docusaurus/theme-translations/package.json')), 'locales');
    // Folders are language tags (`fr`, `zh-Hans`, `pt-BR`): a region's stands for its language only for Portuguese.
    const folders: Record<string, string> & {en: string} = {en: '', pt: 'pt-PT'};
    for (const name of readdirSync(locales)) if (!name.includes('-') || /^[a-z]+-(?:Hans|Hant)$/.test(name)) folders[name] = name;
    const folder = languageEntry(folders, locale);
    try {
      if (folder !== '') messages = JSON.parse(readFileSync(path.join(locales, folder, 'theme-common.json'), 'utf8')) as Record<string, string>;
    } catch {
      messages = {};
    }
  }
  return Object.fromEntries(
    kinds.map((kind) => {
      const word = kind === 'important' ? undefined : messages[`theme.admonition.${kind}`];
      return [kind, word ? {text: word.charAt(0).toLocaleUpperCase(lang) + word.slice(1), lang: undefined} : inEnglish(kind)];
    })
  ) as Record<Kind, KindName>;
}
