import type {Element, ElementContent, Root} from 'hast';
import {toHtml} from 'hast-util-to-html';
import {toText} from 'hast-util-to-text';
import {h} from 'hastscript';
import type {Summary} from '../html/rehype-summary-data.js';
import type {Matter} from '../manuscripts/matter-schema.js';
import {formatDate, listNames} from '../html/template/rehype-briefing-template.js';

/** What the cover message says about the attachment. */
export interface Attachment {
  readonly filename: string;
  readonly pages: number;
  readonly bytes: number;
}

/** Colours and faces that survive mail clients: no web fonts, no classes, inline styles only. */
const style = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  card: 'max-width:600px;margin:0 auto;background:#ffffff;border-top:4px solid #1d4e89;',
  cell: 'padding:24px 28px;font-family:Georgia,"Times New Roman",serif;color:#1b1f24;font-size:16px;line-height:24px;',
  publisher: 'margin:0 0 12px;font-family:Arial,Helvetica,sans-serif;font-size:11px;letter-spacing:2px;text-transform:uppercase;color:#1d4e89;font-weight:bold;',
  title: 'margin:0 0 8px;font-family:Georgia,"Times New Roman",serif;font-size:26px;line-height:31px;color:#1b1f24;',
  dek: 'margin:0 0 12px;font-style:italic;color:#5b6470;font-size:17px;line-height:24px;',
  meta: 'margin:0 0 20px;padding:6px 0;border-top:1px solid #c9d2dd;border-bottom:1px solid #c9d2dd;font-family:Arial,Helvetica,sans-serif;font-size:12px;color:#5b6470;',
  summary: 'background:#eef2f7;border-left:4px solid #1d4e89;padding:14px 18px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;',
  label: 'margin:0 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:11px;letter-spacing:2px;text-transform:uppercase;color:#1d4e89;font-weight:bold;',
  list: 'margin:0;padding:0 0 0 18px;',
  item: 'margin:0 0 6px;',
  note: 'margin:20px 0 0;font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#5b6470;',
  bylines: 'margin:20px 0 0;padding-top:10px;border-top:2px solid #1d4e89;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:18px;color:#5b6470;'
} as const;

/**
 * The cover message of a mailed briefing, as HTML and as plain text with the same
 * content: masthead, the summary box, a line about the attached PDF, and the bylines.
 * Built as a tree from the validated front matter and the text of the page's summary box
 * (as the HTML stage read it, `file.data.summary`), so nothing from the manuscript
 * becomes markup.
 *
 * @param {Matter} matter
 *   Front matter.
 * @param {Summary | undefined} summary
 *   The page's summary box, if it has one.
 * @param {Attachment} attachment
 *   The attached PDF.
 * @returns {{html: string, text: string}}
 *   Both bodies.
 */
export function emailBody(matter: Matter, summary: Summary | undefined, attachment: Attachment): {html: string; text: string} {
  const label = summary?.label ?? '';
  const points = summary?.points ?? [];
  const date = formatDate(matter.date, matter.lang);
  const names = listNames(matter.authors, matter.lang);
  const meta = [names, date].filter(Boolean).join(' · ');
  const about = `The full briefing is attached: ${attachment.filename} (${attachment.pages} page${attachment.pages === 1 ? '' : 's'}, ${formatBytes(attachment.bytes)}).`;

  const content: ElementContent[] = [
    ...(matter.publisher ? [h('p', {style: style.publisher}, matter.publisher)] : []),
    h('h1', {style: style.title}, matter.title),
    ...(matter.subtitle ? [h('p', {style: style.dek}, matter.subtitle)] : []),
    ...(meta ? [h('p', {style: style.meta}, meta)] : []),
    ...(points.length > 0
      ? [
          h('div', {style: style.summary}, [
            h('p', {style: style.label}, label || 'Summary'),
            h('ul', {style: style.list}, points.map((point) => h('li', {style: style.item}, point)))
          ])
        ]
      : []),
    h('p', {style: style.note}, about),
    ...bylines(matter)
  ];
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: matter.lang}, [
        h('head', [h('meta', {charSet: 'utf-8'}), h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}), h('title', matter.title)]),
        h('body', {style: style.body}, [
          h('table', {role: 'presentation', width: '100%', cellPadding: '0', cellSpacing: '0', border: '0'}, [
            h('tr', [h('td', {style: 'padding:16px 8px;'}, [h('div', {style: style.card}, [h('div', {style: style.cell}, content)])])])
          ])
        ])
      ])
    ]
  };

  const text = [
    matter.publisher?.toUpperCase(),
    '',
    matter.title,
    matter.subtitle,
    meta ? `\n${meta}` : undefined,
    ...(points.length > 0 ? ['', (label || 'Summary').toUpperCase(), ...points.map((point) => `- ${point}`)] : []),
    '',
    about,
    ...(matter.authors.length > 0 || matter.publisher ? ['', '--', ...bylineLines(matter)] : [])
  ]
    .filter((line) => line !== undefined)
    .join('\n')
    .replace(/^\n+/, '');

  return {html: toHtml(tree), text: `${text}\n`};
}

function bylines(matter: Matter): Element[] {
  const lines = bylineLines(matter);
  return lines.length > 0 ? [h('div', {style: style.bylines}, lines.flatMap((line, index) => (index === 0 ? [line] : [h('br'), line])))] : [];
}

function bylineLines(matter: Matter): string[] {
  const people = matter.authors.map((author) => [author.name, author.role, author.affiliation, author.email].filter(Boolean).join(', '));
  return [...people, ...(matter.publisher && !matter.authors.some((author) => author.affiliation === matter.publisher) ? [matter.publisher] : [])];
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
