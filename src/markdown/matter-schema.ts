import * as z from 'zod';
import {editions, papers, type Edition, type Paper} from '../config.js';

/** An author written as a record. */
const authorRecord = z.strictObject({
  name: z.string().trim().min(1, 'expected a non-empty name'),
  role: z.string().optional(),
  affiliation: z.string().optional(),
  email: z.email().optional()
});

/** One author as written: a bare name, or a record. */
const authorSchema = z.union([z.string().trim().min(1, 'expected a non-empty name'), authorRecord]);

/** Defaults for `briefing email`. */
const emailRecord = z.strictObject({
  to: z.union([z.email(), z.array(z.email())]).optional(),
  cc: z.union([z.email(), z.array(z.email())]).optional(),
  from: z.string().min(3).optional(),
  subject: z.string().min(1).optional()
});

/** `YYYY-MM-DD`, optionally with a time: YAML's core schema keeps dates as strings. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, {
    message: 'expected a date as YYYY-MM-DD',
    abort: true
  })
  .refine(isCalendarDate, {message: 'expected a real calendar date'});

/**
 * Whether the date part names a day that exists (`Date.parse` rolls 2025-02-30 over to
 * 2 March instead of refusing it).
 *
 * @param {string} value
 *   `YYYY-MM-DD…`.
 * @returns {boolean}
 *   Whether the day exists.
 */
function isCalendarDate(value: string): boolean {
  const [year = 0, month = 0, day = 0] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(Date.parse(value));
}

/**
 * The front matter a manuscript may carry. Strict: an unknown key is an error, so a
 * typo such as `subtitel` is caught instead of silently ignored.
 */
export const matterSchema = z.strictObject({
  title: z.string().trim().min(1, 'expected a non-empty title'),
  subtitle: z.string().optional(),
  authors: z.array(authorSchema).default([]),
  date: isoDate.optional(),
  publisher: z.string().optional(),
  tags: z.array(z.string()).default([]),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, {message: 'expected a language tag such as `en` or `en-GB`'})
    .default('en'),
  summary: z.array(z.string().min(1)).optional(),
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
  /** Defaults for `briefing email`: recipients, sender and subject. */
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
    tags: Object.freeze(data.tags),
    ...(data.summary ? {summary: Object.freeze(data.summary)} : {}),
    ...(data.email ? {email: Object.freeze({...data.email})} : {})
  });
}
