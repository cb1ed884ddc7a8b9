import type {Root} from 'hast';
import {h} from 'hastscript';
import {describe, expect, it} from 'vitest';
import {rehypeLinkTexts} from '../../src/html/rehype-link-texts.js';
import {render} from '../helpers/markdown-html.js';

/** What a template adds: a link in the masthead and a hidden lifted copy with a link. */
function templateLike() {
  return (tree: Root): void => {
    tree.children.unshift(h('header', [h('a', {href: 'https://example.org/home'}, 'Home')]));
    tree.children.push(h('aside', {ariaHidden: 'true'}, [h('a', {href: 'https://example.org/x'}, 'lifted')]), h('a', {name: 'anchor'}, 'no href'));
  };
}

describe('rehypeLinkTexts', () => {
  it('lists the words of the page’s links in order, without hidden ones or anchors without an address', async () => {
    const {file} = await render('See [the *June*\u00AD   report](https://example.org/r) and [مشارکت کنیم](#top).\n', [], [templateLike, rehypeLinkTexts]);
    expect(file.data.linkTexts).toEqual(['Home', 'the June report', 'مشارکت کنیم']);
  });
});
