import * as z from 'zod';
import {editions, papers, type Edition, type Paper} from '../config/config.js';
import {readDate} from './matter-date.js';
import {linkText} from './matter-text.js';

/** A name as written: plain text, or Markdown links (`[Ada](https://…)`), which keep their text. */
const nameSchema = z.string().trim().min(1, 'expected a non-empty name').transform(linkText);

/** An author written as a record (pandoc and Docusaurus write them so). */
const authorRecord = z.strictObject({
  name: nameSchema,
  role: z.string().transform(linkText).optional(),
  // pandoc allows several affiliations.
  affiliation: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value.join(', ') : value))
    .optional(),
  email: z.email().optional()
});

/** One author as written: a bare name, or a record. */
const authorSchema = z.union([nameSchema, authorRecord]);

/** A list that may be written as its one item. */
function oneOrMore<Item extends z.ZodType>(item: Item) {
  return z.preprocess((value) => (value === undefined || value === null || Array.isArray(value) ? value : [value]), z.array(item));
}

/**
 * What a manuscript suggests to `briefing email`. A manuscript is data: its `to`, `cc` and
 * `subject` are used only when the person running the command opts in
 * (`--recipients-from-manuscript`), and `from` is accepted but never used, so that older
 * manuscripts still build (`briefing email` warns at its place).
 */
const emailRecord = z.strictObject({
  to: z.union([z.email(), z.array(z.email())]).optional(),
  cc: z.union([z.email(), z.array(z.email())]).optional(),
  from: z.string().min(3).optional(),
  subject: z.string().min(1).optional()
});

/** A date in one of the forms `readDate` knows, stored as ISO 8601. */
const dateSchema = z
  // `date: 2022` is a number to YAML, and as much a date as `date: 2022-x` is.
  .preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string())
  .transform((value, context) => {
    const result = readDate(value);
    if ('date' in result) return result.date;
    context.addIssue({code: 'custom', message: result.problem});
    return z.NEVER;
  });

/**
 * A BCP 47 language tag, as `Intl` canonicalises it (`en-gb` → `en-GB`); `zh_CN`, as
 * Hugo and gettext write it, is read as `zh-CN`. A tag that `Intl` refuses (`en-a`)
 * would fail every formatter later, so it is refused here, at the key.
 */
const langSchema = z.string().transform((value, context) => {
  const written = value.trim().replaceAll('_', '-');
  try {
    // Intl also takes five to eight letters as a language (`English`); no language has such a code.
    const [tag] = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(written) ? Intl.getCanonicalLocales(written) : [];
    if (tag) return tag;
  } catch {
    // Reported below.
  }
  context.addIssue({code: 'custom', message: 'expected a language tag such as `en` or `en-GB`'});
  return z.NEVER;
});

/** Labels: a list, or one string of comma-separated labels (as `keywords` often are). */
const tagsSchema = z
  .preprocess((value) => (typeof value === 'string' ? value.split(',') : value), z.array(z.union([z.string(), z.number()])))
  .transform((tags) => tags.map((tag) => String(tag).trim()).filter(Boolean));

/** Key points: a list, or prose (pandoc's `abstract`, Hugo's `summary`), one point per paragraph. */
const summarySchema = z
  .preprocess((value) => (typeof value === 'string' ? value.split(/\n[ \t]*\n/) : value), z.array(z.string()))
  .transform((points) => points.map((point) => point.trim()).filter(Boolean))
  .refine((points) => points.length > 0, {message: 'expected at least one key point'});

/**
 * The front matter a manuscript may carry, by briefing's names for the keys. Each key
 * is validated on its own (`remarkBriefingMatter` reads aliases such as `author` and
 * `description` into these keys first); every key but `title` may be left out.
 */
export const matterSchema = z.strictObject({
  title: z.string().trim().min(1, 'expected a non-empty title'),
  subtitle: z.string().optional(),
  authors: oneOrMore(authorSchema).default([]),
  date: dateSchema.optional(),
  publisher: z.string().optional(),
  tags: tagsSchema.default([]),
  lang: langSchema.default('en'),
  summary: summarySchema.optional(),
  template: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {message: 'expected the name of a template in templates/'}).optional(),
  paper: z.enum(papers).optional(),
  edition: z.enum(editions).optional(),
  email: emailRecord.optional()
});

/** The front-matter keys, for documentation and `briefing new`. */
export const matterKeys = Object.keys(matterSchema.shape);

/** The keys of the front matter's nested records, by the top-level key that holds them. */
export const nestedMatterKeys: Readonly<Record<string, readonly string[]>> = Object.freeze({
  authors: Object.keys(authorRecord.shape),
  email: Object.keys(emailRecord.shape)
});

/** An author with every field spelled out. */
export interface Author {
  readonly name: string;
  readonly role?: string | undefined;
  readonly affiliation?: string | undefined;
  readonly email?: string | undefined;
}

/** Validated front matter, normalised: authors are always records. */
export interface Matter {
  readonly title: string;
  readonly subtitle?: string | undefined;
  readonly authors: readonly Author[];
  readonly date?: string | undefined;
  readonly publisher?: string | undefined;
  readonly tags: readonly string[];
  readonly lang: string;
  readonly summary?: readonly string[] | undefined;
  readonly template?: string | undefined;
  readonly paper?: Paper | undefined;
  readonly edition?: Edition | undefined;
  /** Suggestions to `briefing email`, used only behind its opt-in; `from` never (see `resolveAddressing`). */
  readonly email?: Readonly<{to?: string | string[] | undefined; cc?: string | string[] | undefined; from?: string | undefined; subject?: string | undefined}> | undefined;
}

/**
 * Turn schema output into the normalised, frozen `Matter`.
 *
 * @param {z.output<typeof matterSchema>} data
 *   Parsed front matter.
 * @returns {Matter}
 *   Normalised front matter.
 */
export function normaliseMatter(data: z.output<typeof matterSchema>): Matter {
  const authors = data.authors.map((author) =>
    Object.freeze(typeof author === 'string' ? {name: author.trim()} : {...author, name: author.name.trim()})
  );
  return Object.freeze({
    ...data,
    title: data.title.trim(),
    authors: Object.freeze(authors),
    // `tags`, `keywords` and `categories` often repeat one another.
    tags: Object.freeze([...new Set(data.tags)]),
    ...(data.summary ? {summary: Object.freeze(data.summary)} : {}),
    ...(data.email ? {email: Object.freeze({...data.email})} : {})
  });
}
