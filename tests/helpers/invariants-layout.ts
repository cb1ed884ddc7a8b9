import {excerpt, inBody} from './invariants-text.js';
import type {PageGeometry} from './pdf-geometry.js';
import type {Box} from './pdf-lines.js';
import type {PdfReading} from './pdf-reading.js';

/**
 * Two lines overprint when their em boxes (0.8 em above the baseline, 0.2 em below) share
 * more than this share of the shorter one's height, and more than a quarter em of width
 * (glyphs of one line may be kerned into each other by less).
 * Poppler's line boxes are not used here: they run from the font's ascent to its descent,
 * which for the Arabic and CJK fallback faces is taller than a well-set line's pitch.
 */
const overlapShare = 0.35;

/** Points of tolerance at the page edge (rounding in the PDF's numbers). */
const edge = 0.5;

/** A page other than the last must be filled at least this far down its content area. */
const minimumFill = 0.4;

/** A line of text as drawn: runs on one baseline, in one size, each starting where the last ended. */
interface DrawnLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
  baseline: number;
  size: number;
}

/**
 * Join pdf.js's text runs into the lines they were drawn as. Runs of combining marks only
 * (drawn over their base letter) and zero-width runs are left out; a run that starts
 * back over the one before it begins a line of its own, so text drawn over text shows.
 *
 * @param runs
 *   A page's runs, in drawing order.
 * @returns
 *   The lines.
 */
function drawnLines(runs: PageGeometry['text']): DrawnLine[] {
  const lines: DrawnLine[] = [];
  for (const run of runs) {
    if (run.xMax - run.xMin < 0.5 || !/[^\p{M}\p{Cf}\s\u0000]/u.test(run.str)) continue;
    const last = lines.at(-1);
    const gap = last ? run.xMin - last.xMax : 0;
    if (last && Math.abs(last.baseline - run.baseline) < 0.5 && Math.abs(last.size - run.size) < 0.5 && gap > -1 && gap < run.size * 2) {
      last.xMax = Math.max(last.xMax, run.xMax);
      last.text += (gap > run.size * 0.15 ? ' ' : '') + run.str;
      continue;
    }
    lines.push({xMin: run.xMin, xMax: run.xMax, yMin: run.baseline - 0.8 * run.size, yMax: run.baseline + 0.2 * run.size, text: run.str, baseline: run.baseline, size: run.size});
  }
  return lines;
}

/**
 * No line of text overprints another, above, below or beside it.
 *
 * @param reading
 *   The PDF read back.
 * @returns
 *   Problems: one per overlapping pair (at most three per page).
 */
export function overlappingLines(reading: PdfReading): string[] {
  return reading.geometry.flatMap((page, index) => {
    const problems: string[] = [];
    const lines = drawnLines(page.text).sort((a, b) => a.yMin - b.yMin);
    for (const [at, line] of lines.entries()) {
      for (const other of lines.slice(at + 1)) {
        if (other.yMin >= line.yMax) break;
        const vertical = Math.min(line.yMax, other.yMax) - other.yMin;
        const horizontal = Math.min(line.xMax, other.xMax) - Math.max(line.xMin, other.xMin);
        const shorter = Math.min(line.yMax - line.yMin, other.yMax - other.yMin);
        // CJK punctuation is set in half its advance (text-spacing-trim): its neighbour
        // is drawn back over the empty half of its em box.
        const [left, right] = line.xMin <= other.xMin ? [line, other] : [other, line];
        const punctuation = Math.abs(line.baseline - other.baseline) < 0.5 && (/\p{P}$/u.test(left.text) || /^\p{P}/u.test(right.text));
        const allowed = Math.min(line.size, other.size) * (punctuation ? 0.55 : 0.25);
        if (horizontal > Math.max(1, allowed) && vertical > overlapShare * shorter) {
          problems.push(
            `page ${index + 1}: “${excerpt(line.text, 40)}” and “${excerpt(other.text, 40)}” overlap (${horizontal.toFixed(1)} × ${vertical.toFixed(1)} pt, at y ${line.yMin.toFixed(0)})`
          );
        }
      }
    }
    return problems.slice(0, 3);
  });
}

/**
 * Nothing is drawn outside the page box: no text run and no image. (Poppler drops text
 * off the page, so pdf.js's runs are used.)
 *
 * @param reading
 *   The PDF read back.
 * @returns
 *   Problems: one per page with anything outside, with the first thing.
 */
export function outsidePage(reading: PdfReading): string[] {
  return reading.geometry.flatMap((page, index) => {
    const outside = (box: Box): boolean =>
      box.xMin < page.page.xMin - edge || box.yMin < page.page.yMin - edge || box.xMax > page.page.xMax + edge || box.yMax > page.page.yMax + edge;
    const runs = page.text.filter(outside);
    const images = page.images.filter(outside);
    if (runs.length === 0 && images.length === 0) return [];
    const first = runs[0] ? `text “${excerpt(runs[0].str, 40)}” at ${describe(runs[0])}` : `an image at ${describe(images[0] as Box)}`;
    return [`page ${index + 1} (${page.page.xMax.toFixed(0)} × ${page.page.yMax.toFixed(0)} pt): ${runs.length} text runs and ${images.length} images outside, first ${first}`];
  });
}

/**
 * No page but the last is less than 40 % filled, unless what begins the next page (a
 * block, or a one- or two-line block with the block it is kept with, as a heading is) is
 * taller than the space left. Fill is how far down the content area (the page box less
 * the `@page` margins) the lowest line or image of the body reaches.
 *
 * @param reading
 *   The PDF read back.
 * @returns
 *   Problems: one per underfilled page.
 */
export function underfilledPages(reading: PdfReading): string[] {
  const problems: string[] = [];
  for (let index = 0; index + 1 < reading.lines.length; index++) {
    const page = reading.lines[index];
    if (!page) continue;
    const {top, bottom} = reading.margins(index + 1);
    const foot = page.height - bottom;
    const body = bodyBoxes(reading, index);
    const lowest = Math.max(top, ...body.map((box) => box.yMax));
    const fill = (lowest - top) / (foot - top);
    if (fill >= minimumFill) continue;
    const next = bodyBoxes(reading, index + 1).sort((a, b) => a.yMin - b.yMin);
    const [first, second] = next;
    const lines = first && 'block' in first ? (reading.lines[index + 1]?.lines ?? []).filter((line) => line.block === first.block).length : 0;
    const kept = first && second && lines > 0 && lines <= 2 ? second.yMax - first.yMin : first ? first.yMax - first.yMin : 0;
    const free = foot - lowest;
    if (kept > free) continue;
    problems.push(
      `page ${index + 1} is ${Math.round(fill * 100)} % filled (${free.toFixed(0)} pt free) and page ${index + 2} begins with ${first ? `a ${kept.toFixed(0)} pt block` : 'nothing'}`
    );
  }
  return problems;
}

/**
 * The body's blocks of a page: poppler's text blocks (with the index of their first
 * line's block, to count their lines) and the images, in the content area.
 *
 * @param reading
 *   The PDF read back.
 * @param index
 *   The page index, 0-based.
 * @returns
 *   Boxes.
 */
function bodyBoxes(reading: PdfReading, index: number): Array<Box | (Box & {block: number})> {
  const page = reading.lines[index];
  const blocks = (page?.blocks ?? []).map((box, block) => ({...box, block})).filter((box) => inBody(reading, index, box));
  const images = (reading.geometry[index]?.images ?? []).filter((box) => inBody(reading, index, box));
  return [...blocks, ...images];
}

/**
 * A box, for messages.
 *
 * @param box
 *   The box.
 * @returns
 *   `(x, y)–(x, y) pt`.
 */
function describe(box: Box): string {
  return `(${box.xMin.toFixed(0)}, ${box.yMin.toFixed(0)})–(${box.xMax.toFixed(0)}, ${box.yMax.toFixed(0)}) pt`;
}

/** A page's body needs this many characters before its commonest size says anything. */
const minimumSizedText = 200;

/**
 * Pages printed smaller than the template sets them. When anything in a page is wider
 * than the paper (a table cell holding a long unbreakable string, an indented image at
 * full width), Chromium shrinks the whole document to fit, silently: every page's text
 * comes out at, say, 97 % or 67 % of its size. On each page with enough body text, a
 * tenth of its characters at least must be set at a size the template's style sheets name
 * in points: a shrunk page has none there, while a page of sizes the sheets give in `em`
 * (a run of image traces at 0.85em of the body) still has its body text at the sizes named.
 *
 * @param reading
 *   The PDF read back.
 * @param sizes
 *   The font sizes, in points, the template's CSS sets.
 * @returns
 *   Problems: one per page whose text is at a size the template does not set.
 */
export function shrunkPages(reading: PdfReading, sizes: readonly number[]): string[] {
  const problems: string[] = [];
  reading.geometry.forEach((page, index) => {
    const counts = new Map<number, number>();
    for (const run of page.text) {
      if (!inBody(reading, index, run)) continue;
      const size = Math.round(run.size * 100) / 100;
      counts.set(size, (counts.get(size) ?? 0) + run.str.length);
    }
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    if (total < minimumSizedText) return;
    const named = [...counts].filter(([size]) => sizes.some((each) => Math.abs(each - size) <= 0.02)).reduce((sum, [, count]) => sum + count, 0);
    if (named >= total / 10) return;
    const [commonest] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    const nearest = sizes.reduce((best, size) => (Math.abs(size - commonest) < Math.abs(best - commonest) ? size : best), sizes[0] ?? commonest);
    problems.push(`page ${index + 1}: its text is set at ${commonest} pt, a size the template does not set (${Math.round((commonest / nearest) * 100)} % of ${nearest} pt?): the page was shrunk to fit something wider than the paper`);
  });
  return problems;
}

/**
 * The font sizes, in points, a template's style sheets set (`10.5pt`, `--size: 9pt`).
 *
 * @param css
 *   The template's style sheets.
 * @returns
 *   Sizes, sorted, without duplicates.
 */
export function cssPointSizes(css: string): number[] {
  return [...new Set(Array.from(css.matchAll(/(?<![\w.-])(\d+(?:\.\d+)?)pt\b/g), (match) => Number(match[1])))].sort((a, b) => a - b);
}
