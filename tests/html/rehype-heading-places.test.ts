import type {Root} from 'hast';
import {h} from 'hastscript';
import {describe, expect, it} from 'vitest';
import {rehypeHeadingPlaces} from '../../src/html/rehype-heading-places.js';
import {render} from '../helpers/markdown-html.js';

/** What a template adds around the article: a masthead title and a hidden lifted copy. */
function templateLike() {
  return (tree: Root): void => {
    tree.children.unshift(h('header', [h('h1', 'The title')]));
    tree.children.push(h('aside', {ariaHidden: 'true'}, [h('h2', 'Lifted copy')]), h('div', {hidden: true}, [h('h3', 'Hidden')]), h('section', [h('h2', 'Notes')]));
  };
}

describe('rehypeHeadingPlaces', () => {
  it('lists the page’s headings in order with the manuscript’s places; the template’s have none, hidden ones are left out', async () => {
    const {file} = await render('Intro.\n\n## One\n\nText.\n\n#### Deep *and*\u00AD   wide\n\n  ### Three\n', [], [templateLike, rehypeHeadingPlaces]);
    expect(file.data.headings).toEqual([
      {level: 1, text: 'The title'},
      {level: 2, text: 'One', place: {line: 3, column: 1}},
      {level: 4, text: 'Deep and wide', place: {line: 7, column: 1}},
      {level: 3, text: 'Three', place: {line: 9, column: 3}},
      {level: 2, text: 'Notes'}
    ]);
  });

  it('sets an empty list for a page without headings', async () => {
    const {file} = await render('Just text.\n', [], [rehypeHeadingPlaces]);
    expect(file.data.headings).toEqual([]);
  });
});
