import type {Root} from 'hast';
import {select, selectAll} from 'hast-util-select';
import {toText} from 'hast-util-to-text';
import type {Plugin} from 'unified';

/** The summary box of a page, as plain text: what a cover message repeats of it. */
export interface Summary {
  /** The box's label as the page shows it (`Key judgements`, `Summary`, …). */
  readonly label: string;
  /** Each point, without soft hyphens. */
  readonly points: readonly string[];
}

declare module 'vfile' {
  interface DataMap {
    /** The page's summary box, set by `rehypeSummaryData` when the page has one. */
    summary?: Summary;
  }
}

/**
 * Put the finished page's summary box on `file.data.summary`, so that those who need it
 * (the e-mail cover) do not parse the page again. Runs after the template, on the page
 * as it is written.
 *
 * @returns
 *   Transform.
 */
export const rehypeSummaryData: Plugin<[], Root> = function () {
  return function (tree, file) {
    const box = select('aside.summary', tree);
    if (!box) return;
    const label = toText(select('.summary-label', box) ?? {type: 'root', children: []}).trim();
    // A point is an item of a list of the box itself; a nested list belongs to its item.
    const points = selectAll('li', box)
      .filter((item) => !selectAll('li li', box).includes(item))
      .map((item) => toText(item).replace(/\u00AD/g, '').trim());
    file.data.summary = {label, points};
  };
};
