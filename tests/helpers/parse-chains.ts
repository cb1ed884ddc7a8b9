import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {remarkParseInPieces} from '../../src/markdown/remark-parse-in-pieces.js';
import {remarkYamlFrontMatter} from '../../src/markdown/remark-yaml-front-matter.js';

// The briefing's syntax, as in `src/processor.ts` (front matter, GFM and directives),
// parsed whole and in pieces, for the tests that compare the two.

/** remark-parse on the whole document. */
export const whole = unified().use(remarkParse).use(remarkYamlFrontMatter).use(remarkGfm).use(remarkDirective).freeze();

/** Cut before every heading it may: the hardest case for positions and references. */
export const atEveryHeading = unified()
  .use(remarkParseInPieces, {minSize: 0, pieceSize: 0})
  .use(remarkYamlFrontMatter)
  .use(remarkGfm)
  .use(remarkDirective)
  .freeze();

/** The thresholds the processor uses. */
export const byDefault = unified().use(remarkParseInPieces).use(remarkYamlFrontMatter).use(remarkGfm).use(remarkDirective).freeze();
