/**
 * Inputs that make Markdown parsers slow, after cmark's `test/pathological_tests.py` and
 * the micromark and markdown-it issue trackers: 32 KB each, 48 KB for the nestings (the
 * issue names 10–50 KB; micromark needs seconds on some 10 KB inputs). Each must finish
 * within its budget: built, or stopped and reported; never left running.
 */
export interface PathologicalCase {
  readonly name: string;
  readonly body: string;
}

/** Body size of a case, in characters. */
const size = 32 * 1024;
const large = 48 * 1024;

/** `unit` repeated to fill the size. */
const fill = (unit: string, prefix = '', length = size): string => prefix + unit.repeat(Math.floor((length - prefix.length) / unit.length));
/** `open` … `middle` … `close`, nested as deep as the size allows. */
const nest = (open: string, middle: string, close: string, length = size): string => {
  const times = Math.floor((length - middle.length) / (open.length + close.length));
  return open.repeat(times) + middle + close.repeat(times);
};

export const pathologicalCases: readonly PathologicalCase[] = [
  // cmark's list.
  {name: 'nested-strong-emphasis', body: nest('*a **a ', 'b', ' a** a*', large)},
  {name: 'emphasis-closers-without-openers', body: fill('a_ ')},
  {name: 'emphasis-openers-without-closers', body: fill('_a ')},
  {name: 'link-closers-without-openers', body: fill('a]')},
  {name: 'link-openers-without-closers', body: fill('[a')},
  {name: 'mismatched-openers-and-closers', body: fill('*a_ ')},
  {name: 'openers-and-closers-multiple-of-3', body: fill('c* ', 'a**b')},
  {name: 'link-openers-and-emphasis-closers', body: fill('[ a_')},
  {name: 'pattern-bracket-paren', body: fill('[ (](')},
  {name: 'pattern-image-brackets', body: fill('![[]()')},
  {name: 'nested-brackets', body: nest('[', 'a', ']')},
  {name: 'nested-links', body: nest('[a', '', '](#b)')},
  {name: 'nested-images', body: nest('![a', '', '](#b)', large)},
  {name: 'backtick-runs', body: Array.from({length: 250}, (_, index) => `e${'`'.repeat(index + 1)}`).join('')},
  {name: 'unclosed-links-angle', body: fill('[a](<b')},
  {name: 'unclosed-links-destination', body: fill('[a](b')},
  {name: 'unclosed-html-comments', body: fill('<!--', '</')},
  {name: 'table-many-rows', body: fill('|\n', '| a |\n|---|\n')},
  {name: 'many-setext-headings', body: fill('a\n=\n', '', large)},
  {name: 'many-link-definitions', body: `${Array.from({length: 1500}, (_, index) => `[d${index}]: #t${index}`).join('\n')}\n\n${'[d1] '.repeat(1500)}`},

  // Runs of one character.
  {name: 'stars', body: fill('*')},
  {name: 'underscores', body: fill('_')},
  {name: 'tildes', body: fill('~')},
  {name: 'brackets', body: fill('[')},
  {name: 'backticks', body: fill('`')},
  {name: 'less-than-signs', body: fill('<')},
  {name: 'colons', body: fill(':')},

  // GFM and directive syntax.
  {name: 'nested-strikethrough', body: nest('~~a ', '', ' a~~', large)},
  {name: 'strikethrough-emphasis-mix', body: nest('~~*', 'a', '*~~')},
  {name: 'strong-emphasis-mix', body: nest('**_', 'x', '_**')},
  {name: 'footnote-call-openers', body: fill('[^')},
  {name: 'autolink-literal-starts', body: fill('www.')},
  {name: 'email-literal-starts', body: fill('a@')},
  {name: 'text-directive-labels', body: fill(':a[')},
  {name: 'text-directive-attributes', body: fill(':a{')},
  {name: 'nested-pullquotes', body: nest(':pullquote[', 'x', ']')},

  // Raw HTML that a tokenizer may rescan.
  {name: 'processing-instructions', body: fill('<?')},
  {name: 'cdata-openers', body: fill('<![CDATA[')},
  {name: 'entity-openers', body: fill('&#')}
];
