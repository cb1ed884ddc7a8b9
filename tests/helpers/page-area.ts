import {fromHtml} from 'hast-util-from-html';
import {selectAll} from 'hast-util-select';
import {toString} from 'hast-util-to-string';
import postcss from 'postcss';

/** The vertical margins of a page, in points: the content area lies between them. */
export interface PageMargins {
  readonly top: number;
  readonly bottom: number;
}

/** Points per CSS unit. */
const units: Record<string, number> = {pt: 1, px: 0.75, in: 72, pc: 12, cm: 72 / 2.54, mm: 72 / 25.4, q: 72 / 101.6};

/**
 * The page's content area is what the style sheet's `@page` rules declare, so it is read
 * from the CSS the document was printed with (the `<style>` elements of its
 * self-contained HTML), not guessed from where text happens to stop. Rules apply in
 * cascade order: `@page`, then `:left`/`:right`, then `:first`.
 *
 * @param html
 *   The document's HTML output.
 * @returns
 *   The margins of page `number` (1-based), for a left-to-right document (`:right` for odd pages).
 */
export function pageMargins(html: string): (number: number) => PageMargins {
  const rules: Array<{selector: string; top?: number; bottom?: number}> = [];
  for (const style of selectAll('style', fromHtml(html))) {
    postcss.parse(toString(style)).walkAtRules('page', (rule) => {
      const found: {selector: string; top?: number; bottom?: number} = {selector: rule.params.trim()};
      rule.each((node) => {
        if (node.type !== 'decl') return;
        const property = node.prop.toLowerCase();
        if (property === 'margin') {
          const values = node.value.trim().split(/\s+/).map(length);
          found.top = values[0];
          found.bottom = values[2] ?? values[0];
        } else if (property === 'margin-top') found.top = length(node.value);
        else if (property === 'margin-bottom') found.bottom = length(node.value);
      });
      rules.push(found);
    });
  }
  if (!rules.some((rule) => rule.selector === '' && rule.top !== undefined)) throw new Error('No @page margin in the document’s style sheets');
  return (number) => {
    const applies = (selector: string): boolean =>
      selector === '' || (selector === ':first' && number === 1) || (selector === ':right' && number % 2 === 1) || (selector === ':left' && number % 2 === 0);
    let top = 0;
    let bottom = 0;
    for (const order of [[''], [':left', ':right'], [':first']]) {
      for (const rule of rules) {
        if (!order.includes(rule.selector) || !applies(rule.selector)) continue;
        top = rule.top ?? top;
        bottom = rule.bottom ?? bottom;
      }
    }
    return {top, bottom};
  };
}

/**
 * A CSS length in points.
 *
 * @param value
 *   `22mm`, `0.5in`, `0`...
 * @returns
 *   Points.
 */
function length(value: string): number {
  const match = /^(-?\d*\.?\d+)([a-z]*)$/i.exec(value.trim());
  const factor = match ? (match[2] === '' && Number(match[1]) === 0 ? 1 : units[(match[2] ?? '').toLowerCase()]) : undefined;
  if (!match || factor === undefined) throw new Error(`Cannot read the @page margin length \`${value}\``);
  return Number(match[1]) * factor;
}
