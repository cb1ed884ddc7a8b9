import {franc} from 'franc-min';
import {iso6393To1} from 'iso-639-3/iso6393-to-1.js';
import type {Nodes, Root} from 'mdast';
import type {VFile} from 'vfile';

/**
 * Individual languages that franc names by ISO 639-3 and that BCP 47 writes with the
 * two-letter code of their macrolanguage (Standard Arabic is `ar`, Iranian Persian `fa`).
 */
const macrolanguages: Readonly<Record<string, string>> = {
  arb: 'ar', pes: 'fa', cmn: 'zh', zlm: 'ms', swh: 'sw', uzn: 'uz', azj: 'az', plt: 'mg', pbu: 'ps', npi: 'ne', koi: 'kv', ydd: 'yi', ekk: 'et', lvs: 'lv'
};

/** Enough prose to tell languages apart by their letter triples; more only costs time. */
const sampleLength = 2000;
/** Below this, only a script that is a language's own (Hangul, kana, Greek…) decides. */
const minimumLength = 100;

/**
 * The language a manuscript without `lang` is written in, from its prose (code and raw
 * HTML aside), with franc, so that quotation marks, hyphenation, the page label, the text
 * direction and the PDF's `/Lang` follow it. English when the text is too short to tell
 * or reads as no language franc knows. Said with a note, since the front matter decides.
 *
 * @param {Root} tree
 *   The manuscript, front matter removed.
 * @param {VFile} file
 *   The manuscript's file, for the note.
 * @param {string} title
 *   Its title, when it is not in the tree.
 * @returns {string}
 *   A BCP 47 language tag.
 */
export function detectLanguage(tree: Root, file: VFile, title = ''): string {
  const all = `${title} ${prose(tree)}`;
  // Names, code words and addresses in Latin letters fill many documents in other
  // scripts (a Japanese table of Java libraries): when a fair share of the letters is in
  // another script, that script's words alone decide.
  const letters = all.replace(/[^\p{L}]/gu, '');
  const latin = letters.replace(/[^\p{Script=Latin}]/gu, '');
  const text = letters.length > 0 && (letters.length - latin.length) / letters.length >= 0.15 ? all.replace(/[\p{Script=Latin}]+/gu, ' ') : all;
  const found = franc(text, {minLength: 10});
  if (found === 'und') return 'en';
  const tag = iso6393To1[found] ?? macrolanguages[found] ?? found;
  // A few Latin words say too little: they stay English.
  if (text.length < minimumLength && /\p{Script=Latin}/u.test(text.replace(/[^\p{L}]/gu, '').charAt(0))) return 'en';
  if (tag !== 'en') {
    const name = new Intl.DisplayNames(['en'], {type: 'language'}).of(tag) ?? tag;
    file.info(`No \`lang\` in front matter: the text reads as ${name}, so \`lang: ${tag}\` is used (set \`lang:\` to choose)`, {
      place: {line: 1, column: 1},
      ruleId: 'lang-detected',
      source: 'briefing'
    });
  }
  return tag;
}

/** The first characters of the manuscript's prose: text nodes outside code and HTML. */
function prose(tree: Root): string {
  let text = '';
  const walk = (node: Nodes): void => {
    if (text.length >= sampleLength) return;
    if (node.type === 'text') text += `${node.value} `;
    else if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return text.slice(0, sampleLength);
}
