import fc from 'fast-check';
import type {Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {remarkTypography} from '../../src/markdown/remark-typography.js';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const typographer = unified().use(remarkParse).use(remarkGfm).use(remarkTypography).freeze();

/** The text of `markdown` after typography, for a document in `lang`. */
function smarten(markdown: string, lang: string): string {
  const file = new VFile({path: 'm.md', value: markdown, data: {matter: {lang} as never}});
  const tree = typographer.runSync(typographer.parse(file), file) as Root;
  return tree.children.map((block) => toString(block)).join('\n');
}

const nnbsp = '\u202F';

describe('remarkTypography: quotation marks by language (CLDR)', () => {
  const cases: Array<[lang: string, input: string, expected: string]> = [
    ['en', 'She said "the tide turns at noon" and left.', 'She said “the tide turns at noon” and left.'],
    ['en', "It's the ferry's last run, isn't it?", 'It’s the ferry’s last run, isn’t it?'],
    ['en', '"Read the sign \'Closed\' twice," he said.', '“Read the sign ‘Closed’ twice,” he said.'],
    ['en', "The pilots' union met in the '90s; 'twas long ago.", 'The pilots’ union met in the ’90s; ’twas long ago.'],
    ['fr', 'Il a dit "bonjour" hier.', `Il a dit «${nnbsp}bonjour${nnbsp}» hier.`],
    ['fr', "C'est l'heure.", 'C’est l’heure.'],
    ['fr', 'Elle répond : "on verra \'demain\' sans faute" !', `Elle répond\u00A0: «${nnbsp}on verra «${nnbsp}demain${nnbsp}» sans faute${nnbsp}»${nnbsp}!`],
    ['fr', 'Vraiment ? « Déjà » ; oui.', `Vraiment${nnbsp}? «${nnbsp}Déjà${nnbsp}»${nnbsp}; oui.`],
    ['fr-CH', 'Le guide dit "entrez" puis \'attendez\'.', 'Le guide dit «entrez» puis ‹attendez›.'],
    ['de', 'Wie geht\'s? Er rief: "Die Brücke ist \'gesperrt\'!"', 'Wie geht’s? Er rief: „Die Brücke ist ‚gesperrt‘!“'],
    ['de', "Das Boot hat's nicht geschafft.", 'Das Boot hat’s nicht geschafft.'],
    ['ru', 'Он сказал: "Завтра будет \'дождь\'" и ушёл.', 'Он сказал: «Завтра будет „дождь“» и ушёл.'],
    ['uk', 'Вона відповіла: "Добре" і пішла.', 'Вона відповіла: «Добре» і пішла.'],
    ['it', 'L\'État non c\'entra: "parliamo di \'ponti\'".', 'L’État non c’entra: «parliamo di “ponti”».'],
    ['es', 'Dijo "mañana \'quizá\'" y calló.', 'Dijo “mañana ‘quizá’” y calló.'],
    ['el', 'Είπε "καλημέρα \'φίλε\'" και έφυγε.', 'Είπε «καλημέρα “φίλε”» και έφυγε.'],
    ['pt-PT', 'Ela disse "até logo".', 'Ela disse «até logo».'],
    ['xx', 'An unknown language gets "root" marks.', 'An unknown language gets “root” marks.']
  ];
  it.each(cases)('%s: %s', (lang, input, expected) => {
    expect(smarten(input, lang)).toBe(expected);
  });

  it('pairs quotes around inline code, links, emphasis and strong text', () => {
    expect(smarten('Run "`make`" then "[the guide](https://example.org)" and "*slowly*".', 'en')).toBe('Run “make” then “the guide” and “slowly”.');
    expect(smarten('Il tape "`ls`", lit "**tout**" et l\'*aide*.', 'fr')).toBe(`Il tape «${nnbsp}ls${nnbsp}», lit «${nnbsp}tout${nnbsp}» et l’aide.`);
    expect(smarten('Sie sagte "*nie* wieder" und `git`\'s Log.', 'de')).toBe('Sie sagte „nie wieder“ und git’s Log.');
  });

  it('leaves code alone', () => {
    expect(smarten('Type `"quoted" -- it\'s...` here.', 'fr')).toBe('Type "quoted" -- it\'s... here.');
    expect(smarten('```\nsay "hi" -- it\'s\n```', 'de')).toBe('say "hi" -- it\'s');
  });

  it('opens a quote at the start of each block and of each line after a hard break', () => {
    expect(smarten('"One"\n\n> "Two"\n\n- "three"\n- "four"', 'de')).toBe('„One“\n„Two“\n„three“„four“');
    expect(smarten('first line\\\n"second"', 'en')).toBe('first line“second”');
  });

  it('sets dashes and ellipses, and no longer runs', () => {
    expect(smarten('Wait... then . . . go -- now --- or 1 - 2; not ---- or ....', 'en')).toBe('Wait… then … go – now — or 1 – 2; not ---- or ....');
  });
});

/** Every quotation mark and no-break space typography may add, back to what was typed. */
function unsmarten(text: string): string {
  return text
    .replace(/[“”„‟«»‹›「」『』"]/g, '"')
    .replace(/[‘’‚‛']/g, "'")
    .replace(/[\u202F\u00A0 ]/g, '')
    // A run of dashes of any kind is one (`_--_-` becomes an en dash in emphasis beside a hyphen).
    .replace(/[–—-]+/g, '-')
    .replace(/[….]+/g, '.');
}

describe('remarkTypography: no character is lost', () => {
  const alphabet = [..."aeiouzéßøλжї ,.;:!?-'\"'\"*_`[]()\n"];
  const languages = ['en', 'fr', 'fr-CH', 'de', 'ru', 'it', 'es', 'el', 'uk', 'pl', 'ja', 'nl'];
  it('for random text in every language, the text with quotes, spaces and dashes normalised back is the text as parsed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), {maxLength: 120}), fc.constantFrom(...languages), (characters, lang) => {
        const markdown = characters.join('');
        const plain = parser.parse(markdown);
        const typed = plain.children.map((block) => toString(block)).join('\n');
        // The quotes, apostrophes and spaces around them come out as one class each.
        const asTyped = unsmarten(typed).replace(/'/g, '"');
        expect(unsmarten(smarten(markdown, lang)).replace(/'/g, '"')).toBe(asTyped);
      }),
      {numRuns: 1500}
    );
  });
});
