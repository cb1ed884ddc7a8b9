import type {Element, ElementContent, Root, Text} from 'hast';
import {toString} from 'hast-util-to-string';
import {h} from 'hastscript';
import {selectAll} from 'hast-util-select';
import type {Plugin} from 'unified';
import {EXIT, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {reportWarning} from '../../messages/messages.js';
import {uncoveredCharacters} from './fonts.js';
import type {Author, Matter} from '../../manuscripts/matter-schema.js';
import {defaults} from '../../config/config.js';
import type {Template} from './load-template.js';
import {pageCss} from './page-css.js';
import {pageLabel, pageLabelSample} from './page-label.js';
import {marginFontProbe, marginFontProbeCss} from './margin-font-probe.js';
import {textDirection} from '../text-direction.js';
import {filePolicy, printPolicy} from '../page-policy.js';
import {replaceNodes} from '../replace-nodes.js';
import '../print-page.js';
import {getOrCreate} from '../../util/get-or-create.js';
import {apparatusLabel, apparatusLabelLang, isApparatusLabel} from '../../markdown/apparatus-labels.js';

export interface RehypeBriefingTemplateOptions {
  /** Loads (and caches) a template by name or folder. */
  readonly templates: (nameOrDir: string) => Promise<Template>;
  /** Value of `<meta name="generator">`. */
  readonly generator: string;
}

/**
 * Place the sanitised article into a copy of the trusted template tree and fill the
 * template's `data-slot` elements from the front matter. Text is set as text nodes, so
 * nothing from the manuscript can become markup here.
 *
 * Slots: `title`, `subtitle`, `publisher`, `authors`, `date`, `tags` (text; `<meta>`
 * gets `content`; an empty value removes the element), `article`, `bylines`, `style`.
 * An element marked `data-optional` is removed when none of the slots inside it is filled.
 *
 * @param options
 *   Template and page settings.
 * @returns
 *   Transform.
 */
export const rehypeBriefingTemplate: Plugin<[RehypeBriefingTemplateOptions], Root, Root> = function (options) {
  const {templates, generator} = options;
  if (!templates) throw new Error('rehypeBriefingTemplate: expected `templates`');

  return async function (article, file) {
    const matter: Matter = file.data.matter ?? {title: 'Untitled', authors: [], tags: [], lang: 'en'};
    const {template: templateName, paper, edition} = file.data.settings ?? defaults;
    const template = await templates(templateName);
    const page = structuredClone(template.tree);
    const date = formatDate(matter.date, matter.lang);
    const names = listNames(matter.authors, matter.lang);
    const running = [names, matter.publisher].filter(Boolean).join(' · ');

    const text: Record<string, string | undefined> = {
      title: matter.title,
      subtitle: matter.subtitle,
      publisher: matter.publisher,
      authors: names,
      date,
      tags: matter.tags.join(' · ')
    };

    for (const element of selectAll('[data-slot]', page)) {
      const slot = String(element.properties['dataSlot']);
      delete element.properties['dataSlot'];
      element.properties['dataSlotFilled'] = true;
      if (slot === 'article') {
        element.children = article.children as ElementContent[];
      } else if (slot === 'bylines') {
        element.children = bylines(matter, date);
        if (element.children.length === 0) markEmpty(element);
      } else if (slot in text) {
        fillText(element, text[slot], slot === 'date' ? matter.date : undefined);
      } else if (slot !== 'style') {
        throw new Error(`Unknown slot \`${slot}\` in template \`${template.name}\``);
      }
    }

    // The template's own words ("From", "Subject"), in the document's language.
    for (const element of selectAll('[data-label]', page)) {
      const label = String(element.properties['dataLabel']);
      delete element.properties['dataLabel'];
      if (!isApparatusLabel(label)) throw new Error(`Unknown label \`${label}\` in template \`${template.name}\``);
      element.children = [{type: 'text', value: apparatusLabel(matter.lang, label)}];
      const lang = apparatusLabelLang(matter.lang);
      if (lang) element.properties['lang'] = lang;
    }

    const html = selectAll('html', page)[0];
    if (html) {
      html.properties['lang'] = matter.lang;
      html.properties['dir'] = textDirection(matter.lang);
      html.properties['className'] = [`edition-${edition}`, `paper-${paper}`];
    }
    const head = selectAll('head', page)[0];
    // First in <head>, before anything that could load (see `page-policy.ts`).
    const policy = h('meta', {httpEquiv: 'Content-Security-Policy', content: filePolicy});
    const charset = head?.children.findIndex((node) => node.type === 'element' && node.properties['charSet'] !== undefined) ?? -1;
    head?.children.splice(charset + 1, 0, policy);
    head?.children.push(h('meta', {name: 'generator', content: generator}));

    const shown = `${toString(page)} ${running} ${matter.title} ${pageLabelSample(pageLabel(matter.lang))}`;
    warnUncovered(article, template, file);
    const fonts = await template.fonts(shown, (selector) => selectAll(selector, page).map((element) => toString(element)).join(' '));
    const css = [
      template.css,
      template.editionCss[edition] ?? '',
      pageCss({paper, running, title: matter.title, date: date ?? '', lang: matter.lang}),
      marginFontProbeCss(template.faces)
    ].join('\n');
    // The template's own style elements, held here: the print copy replaces exactly these.
    const styles = selectAll('style', page);
    for (const style of styles) style.children = [{type: 'text', value: `${fonts.inline}\n${css}`}];

    selectAll('body', page)[0]?.children.push(marginFontProbe(template.faces));
    prune(page);
    unmark(page);

    // The print tab's copy: the same tree but for the fonts' source and the policy that
    // allows it, made from the tree (never by editing the page's text).
    const replacements = new Map<Element, Element>([[policy, h('meta', {httpEquiv: 'Content-Security-Policy', content: printPolicy})]]);
    for (const style of styles) replacements.set(style, {...style, children: [{type: 'text', value: `${fonts.requested}\n${css}`}]});
    file.data.printPage = {tree: replaceNodes(page, replacements), fonts: fonts.requests};
    return page;
  };
};

/** The self-contained page's content security policy. */
export const contentSecurityPolicy = filePolicy;

/**
 * Tell the author when the article uses characters the template's fonts lack: they print
 * in whatever the machine has, or as empty boxes.
 */
function warnUncovered(article: Root, template: Template, file: VFile): void {
  const missing = uncoveredCharacters(template.faces, toString(article));
  if (missing.length === 0) return;
  let place: Text | undefined;
  visit(article, 'text', (node) => {
    if (missing.some((character) => node.value.includes(character))) {
      place = node;
      return EXIT;
    }
    return undefined;
  });
  const sample = missing.slice(0, 8).join(' ');
  reportWarning(
    file,
    `No bundled font has ${missing.length === 1 ? 'the character' : 'these characters'} ${sample}${missing.length > 8 ? ' …' : ''}; they print in a system font if one has them, else as empty boxes`,
    place,
    'font-coverage'
  );
}

/** A slot with nothing to show: removed, and not counted as filled. */
function markEmpty(element: Element): void {
  element.properties['dataRemove'] = true;
  delete element.properties['dataSlotFilled'];
}

/** Set a slot's text; `<meta>` takes it as `content`. Empty values remove the element. */
function fillText(element: Element, value: string | undefined, dateTime: string | undefined): void {
  if (!value) {
    markEmpty(element);
    return;
  }
  if (element.tagName === 'meta') {
    element.properties['content'] = value;
    return;
  }
  element.children = [{type: 'text', value}];
  if (element.tagName === 'time' && dateTime) element.properties['dateTime'] = dateTime;
}

function bylines(matter: Matter, date: string | undefined): ElementContent[] {
  const people = matter.authors.map((author) =>
    h('li.byline', [
      h('span.byline-name', author.name),
      ...(author.role ? [h('span.byline-role', author.role)] : []),
      ...(author.affiliation ? [h('span.byline-affiliation', author.affiliation)] : []),
      ...(author.email ? [h('a.byline-email', {href: `mailto:${author.email}`}, author.email)] : [])
    ])
  );
  const imprint = [matter.publisher, date].filter(Boolean).join(' · ');
  return [
    ...(people.length > 0 ? [h('ul.bylines-list', people)] : []),
    ...(imprint ? [h('p.bylines-imprint', imprint)] : [])
  ];
}

/**
 * Drop the elements whose slot had nothing to show, and each `data-optional` element
 * none of whose slots is left (a meta line without author and date, a memo's "Date"
 * row without a date).
 */
function prune(parent: Root | Element): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    if (child.properties['dataRemove'] !== undefined) return false;
    if (child.properties['dataOptional'] === undefined) return true;
    delete child.properties['dataOptional'];
    return selectAll('[data-slot-filled]', child).length > 0;
  });
  for (const child of parent.children) {
    if (child.type === 'element') prune(child);
  }
}

/** Forget which slots were filled, once pruning is done. */
function unmark(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    delete child.properties['dataSlotFilled'];
    unmark(child);
  }
}

/**
 * Names as a reader says them: "A", "A and B", "A, B and C" (in the document's language).
 *
 * @param {readonly Author[]} authors
 *   Authors.
 * @param {string} lang
 *   BCP 47 tag.
 * @returns {string}
 *   The list.
 */
export function listNames(authors: readonly Author[], lang: string): string {
  return getOrCreate(listFormats, lang, () => new Intl.ListFormat(lang, {style: 'long', type: 'conjunction'})).format(authors.map((author) => author.name));
}

/**
 * A front-matter date as the document's language writes it ("6 June 2025").
 *
 * @param {string | undefined} date
 *   ISO date.
 * @param {string} lang
 *   BCP 47 tag.
 * @returns {string | undefined}
 *   Formatted date.
 */
export function formatDate(date: string | undefined, lang: string): string | undefined {
  if (!date) return undefined;
  return getOrCreate(dateFormats, lang, () => new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'})).format(new Date(date));
}

// Making an Intl formatter costs far more than using one: one per language is kept.
const listFormats = new Map<string, Intl.ListFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
