/** ISO 8601 as briefing stores it: a day, optionally with a time and an offset. Kept as written. */
const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A day with one-digit month or day, or with `/` or `.` between the parts (`2022/03/08`). */
const yearFirst = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;

/** Jekyll's timestamp: `2022-03-08 10:00:00 +0100`, a space before the offset. */
const spacedOffset = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s+(Z|[+-]\d{2}):?(\d{2})?$/i;

/** `March 8, 2022`, `Mar. 8 2022`, `Tuesday, March 8, 2022`. */
const monthFirst = /^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

/** `8 March 2022`, `8 Mar. 2022`, `Tuesday 8 March 2022`. */
const dayFirst = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})$/i;

/** `03/08/2022`: month and day in an order only the writer knows. */
const ambiguous = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/;

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A month named in English, in full or by its first three letters (`Sept` too).
 *
 * @param {string} name
 *   The word.
 * @returns {number | undefined}
 *   1 to 12.
 */
function monthNumber(name: string): number | undefined {
  const word = name.toLowerCase();
  const index = months.findIndex((month) => month === word || (word.length >= 3 && month.startsWith(word)));
  return index === -1 ? undefined : index + 1;
}

/** The outcome of reading a date: the stored form, or what was expected. */
export type DateResult = {readonly date: string} | {readonly problem: string};

/**
 * Read a front-matter date in the forms other publishing tools write: ISO 8601 days and
 * timestamps (kept as written), `2022/03/08`, Jekyll's `2022-03-08 10:00:00 +0100`, and
 * English `March 8, 2022` or `8 March 2022` (stored as `YYYY-MM-DD`). A day that does
 * not exist, and `03/08/2022`, whose order of month and day cannot be known, are refused.
 *
 * @param {string} value
 *   The date as written.
 * @returns {DateResult}
 *   The date as briefing stores it, or the problem.
 */
export function readDate(value: string): DateResult {
  const text = value.trim();
  const expected = 'expected a date such as 2025-06-06 or June 6, 2025';
  // No date is longer; the patterns below need not look at anything that is.
  if (text.length > 64) return {problem: expected};
  let day: [number, number, number] | undefined;
  let stored: string | undefined;

  const spaced = spacedOffset.exec(text);
  if (iso.test(text)) {
    stored = text;
    day = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  } else if (spaced) {
    const [, date = '', time = '', hours = '', minutes = '00'] = spaced;
    stored = `${date}T${time}${hours.toUpperCase() === 'Z' ? 'Z' : `${hours}:${minutes}`}`;
    day = date.split('-').map(Number) as [number, number, number];
  } else {
    const parts = yearFirst.exec(text);
    const named = monthFirst.exec(text);
    const reversed = dayFirst.exec(text);
    if (parts) day = [Number(parts[1]), Number(parts[3]), Number(parts[4])];
    else if (named && monthNumber(named[1] ?? '')) day = [Number(named[3]), monthNumber(named[1] ?? '') as number, Number(named[2])];
    else if (reversed && monthNumber(reversed[2] ?? '')) day = [Number(reversed[3]), monthNumber(reversed[2] ?? '') as number, Number(reversed[1])];
    else if (ambiguous.test(text)) return {problem: `${expected} (in \`${text}\` the order of month and day is unclear)`};
    else return {problem: expected};
  }

  const [year, month, date] = day;
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    return {problem: 'expected a real calendar date'};
  }
  stored ??= `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  if (Number.isNaN(Date.parse(stored))) return {problem: 'expected a real time of day'};
  return {date: stored};
}
