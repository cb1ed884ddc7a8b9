import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Blockquote, BlockContent, DefinitionContent, Paragraph, PhrasingContent, Root} from 'mdast';
import type {ContainerDirective} from 'mdast-util-directive';
import type {Plugin} from 'unified';
import {SKIP, visit} from 'unist-util-visit';
import {getOrCreate} from '../util/get-or-create.js';
import {languageEntry, readLocale} from '../util/language-entry.js';

/** The kinds of note the Markdown of GitHub, Docusaurus, VuePress and Obsidian share. */
const kinds = ['note', 'tip', 'info', 'important', 'warning', 'caution', 'danger'] as const;
type Kind = (typeof kinds)[number];

/** GitHub's alert: `> [!NOTE]` alone on the first line of a block quote. */
const alertMark = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

/**
 * Notes set apart from the text, as authors write them for other tools: GitHub's alerts
 * (`> [!TIP]`) and the containers of Docusaurus and VuePress (`:::note`, `:::caution[A
 * title]`). Each becomes an `aside` of class `callout callout-<kind>` whose first
 * paragraph is its title: the author's label, else the kind's name in the document's
 * language (Docusaurus' translations, `@docusaurus/theme-translations`; English for the
 * languages it has none for, and for `important`, which it does not name). This plugin
 * annotates the tree (`data.hName`); remark-rehype renders it.
 *
 * @returns
 *   Transform.
 */
export const remarkAdmonitions: Plugin<[], Root> = function () {
  return function (tree, file) {
    const lang = file.data.matter?.lang ?? 'en';
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === 'containerDirective' && (kinds as readonly string[]).includes(node.name.toLowerCase())) {
        const kind = node.name.toLowerCase() as Kind;
        const [first, ...rest] = node.children;
        const label = first?.type === 'paragraph' && first.data?.directiveLabel ? first.children : undefined;
        const body = (label ? rest : node.children) as Array<BlockContent | DefinitionContent>;
        parent.children[index] = label ? callout(kind, {children: label}, body, node) : callout(kind, named(lang, kind), body, node);
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
      parent.children[index] = callout(kind, named(lang, kind), body, node);
      return SKIP;
    });
  };
};

/** A title of the kind's name, with its language when English stands in. */
function named(lang: string, kind: Kind): {children: PhrasingContent[]; lang?: string} {
  const name = kindName(lang, kind);
  return name.lang ? {children: [{type: 'text', value: name.text}], lang: name.lang} : {children: [{type: 'text', value: name.text}]};
}

function callout(kind: Kind, title: {children: PhrasingContent[]; lang?: string}, body: Array<BlockContent | DefinitionContent>, from: Blockquote | ContainerDirective): Blockquote {
  const properties = title.lang ? {className: ['callout-title'], lang: title.lang} : {className: ['callout-title']};
  const heading: Paragraph = {type: 'paragraph', children: title.children, data: {hProperties: properties}, position: from.position};
  return {type: 'blockquote', children: [heading, ...body], data: {hName: 'aside', hProperties: {className: ['callout', `callout-${kind}`]}}, position: from.position};
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
