import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {matterSchema} from './matter-schema.js';

/** A front-matter key. */
type MatterKey = keyof typeof matterSchema.shape;

export interface NewManuscriptOptions {
  /** Folder to write into (default `manuscripts`), relative to `cwd`. */
  readonly dir?: string | undefined;
  readonly cwd?: string | undefined;
  /** Replace an existing file of the same name. */
  readonly force?: boolean | undefined;
  /** The briefing's date (default: today). */
  readonly date?: Date | undefined;
}

/** A manuscript that already exists where a new one would go. */
export class ManuscriptExistsError extends Error {
  override name = 'ManuscriptExistsError';
}

/**
 * Start a briefing: write `<dir>/<slug>.md`, a working example with every front-matter
 * key and each block once, that builds cleanly as it is.
 *
 * @param {string} title
 *   The briefing's title.
 * @param {NewManuscriptOptions} options
 *   Where to write.
 * @returns {Promise<string>}
 *   The new file's path, relative to `cwd`.
 */
export async function createManuscript(title: string, options: NewManuscriptOptions = {}): Promise<string> {
  const {cwd = process.cwd(), dir = 'manuscripts', force = false} = options;
  const clean = title.trim();
  if (!clean) throw new RangeError('Missing title, expected the briefing’s title in quotes');
  const file = path.resolve(cwd, dir, `${slug(clean)}.md`);
  await mkdir(path.dirname(file), {recursive: true});
  try {
    await writeFile(file, manuscriptText(clean, options.date ?? new Date()), {flag: force ? 'w' : 'wx'});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new ManuscriptExistsError(`${path.relative(cwd, file)} already exists; choose another title, or use --force to replace it`);
  }
  return path.relative(cwd, file);
}

/**
 * A file name for a title: lower case, accents dropped, words joined by hyphens.
 *
 * @param {string} title
 *   Any title.
 * @returns {string}
 *   The slug; `briefing` when nothing is left.
 */
export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 80).replace(/-+$/, '') || 'briefing';
}

/**
 * The new manuscript's text. Keys a writer rarely sets (the summary list, which a
 * `:::summary` box replaces, and the per-document template, paper and edition, which
 * would override the project's settings) are shown as comments.
 *
 * @param {string} title
 *   The title.
 * @param {Date} date
 *   The date.
 * @returns {string}
 *   Markdown.
 */
export function manuscriptText(title: string, date: Date): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const matter: Record<MatterKey, string> = {
    title: `title: ${JSON.stringify(title)}`,
    subtitle: 'subtitle: "One sentence that tells the reader what this briefing finds"',
    authors: [
      'authors:',
      '  - name: Your Name',
      '    role: Analyst',
      '    affiliation: Your Organisation',
      '    email: you@example.org'
    ].join('\n'),
    date: `date: ${day}`,
    publisher: 'publisher: Your Organisation',
    tags: 'tags: [topic, region]',
    lang: 'lang: en',
    summary: ['# summary:             # key points, used only when the body has no :::summary box', '#   - A first key point'].join('\n'),
    template: '# template: briefing   # a template from templates/; default: the project’s',
    paper: '# paper: a4            # a4 or letter; default: the project’s',
    edition: '# edition: screen      # screen or print; default: the project’s',
    email: ['# email:               # for sending the briefing by mail', '#   to: readers@example.org', '#   subject: A short subject line'].join('\n')
  };
  return `---
${Object.values(matter).join('\n')}
---

:::summary[Key points]
- The main finding, in one sentence.
- What it means for the reader.
- What to watch next.
:::

## Background

Start with what happened and why it matters. A pull quote lifts a phrase from the
running text: :pullquote[the words in these brackets stay in the paragraph and are set large beside it].

## Assessment

Give the analysis here. Link to another section with its heading, as in
[the background](#background), or to a source on the web, as in
[an example](https://example.org).

<!-- An image goes next to this file and is shown with a description of what it shows:
![Exports by month, 2024–2025](images/exports.png) -->

:::pullquote{cite="A named source"}
A standalone quote, set apart from the text, with its source below.
:::

## Outlook

Close with what comes next.
`;
}
