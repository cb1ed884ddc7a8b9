import type {Root} from 'mdast';
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter';
import {frontmatter} from 'micromark-extension-frontmatter';
import {markdownLineEnding, markdownSpace} from 'micromark-util-character';
import type {Code, Construct, Extension, State, Tokenizer} from 'micromark-util-types';
import type {Plugin} from 'unified';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** The lookahead that decides how YAML front matter is closed; never in the tree. */
    yamlFrontMatterGuard: 'yamlFrontMatterGuard';
  }
}

/** micromark's codes for `-` and the end of the input. */
const dash = 45;
const eof = null;

/** The opening fence of YAML front matter, and the two lines that may close it. */
const dashes = '---';
const dots = '...';

/**
 * Parse YAML front matter that opens with `---` on the first line and closes with
 * `---` (Jekyll, Hugo, MkDocs) or with `...` (pandoc, and YAML's own end of document),
 * whichever comes first. remark-frontmatter knows one closing fence per matter, and
 * trying `---…---` before `---……` (or the other way round) would run past the real
 * end whenever the body has a line of the other kind, so the `...` form is tried
 * only when a `...` line comes before any `---` line.
 *
 * @returns
 *   Nothing: adds the syntax to the processor.
 */
export const remarkYamlFrontMatter: Plugin<[], Root> = function () {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(yamlFrontMatter());
  (data.fromMarkdownExtensions ??= []).push(frontmatterFromMarkdown('yaml'));
};

/**
 * The micromark extension: both closing forms, the pandoc one guarded.
 *
 * @returns {Extension}
 *   Flow constructs for `-`.
 */
function yamlFrontMatter(): Extension {
  const closedByDashes = constructs(frontmatter({type: 'yaml', fence: {open: dashes, close: dashes}}));
  const closedByDots = constructs(frontmatter({type: 'yaml', fence: {open: dashes, close: dots}}));
  const guarded = closedByDots.map(
    (construct): Construct => ({
      ...construct,
      tokenize(effects, ok, nok) {
        const self = this;
        const start = (code: Code): State | undefined => construct.tokenize.call(self, effects, ok, nok)(code);
        return function (code) {
          // Front matter only opens the document: elsewhere a `-` line is never looked ahead from.
          const point = self.now();
          if (point.line !== 1 || point.column !== 1) return nok(code);
          return effects.check({tokenize: tokenizeDotsFirst, partial: true}, start, nok)(code);
        };
      }
    })
  );
  return {flow: {[dash]: [...guarded, ...closedByDashes]}};
}

function constructs(extension: Extension): Construct[] {
  const found = extension.flow?.[dash];
  return found === undefined ? [] : Array.isArray(found) ? [...found] : [found as Construct];
}

/**
 * Succeed when, after the opening line, the first line that is `---` or `...` (with
 * nothing after it but spaces) is `...`. Runs once, on the document's first line.
 *
 * @type {Tokenizer}
 */
const tokenizeDotsFirst: Tokenizer = function (effects, ok, nok) {
  let opening = true;
  let head = '';
  let blankTail = true;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('yamlFrontMatterGuard');
    return inLine(code);
  }

  function inLine(code: Code): State | undefined {
    if (code === eof || markdownLineEnding(code)) {
      const closer = !opening && blankTail ? head : '';
      if (closer === dots || closer === dashes || code === eof) {
        effects.exit('yamlFrontMatterGuard');
        return closer === dots ? ok(code) : nok(code);
      }
      effects.consume(code);
      opening = false;
      head = '';
      blankTail = true;
      return inLine;
    }
    if (head.length < 3 && blankTail) head += String.fromCharCode(code);
    else if (!markdownSpace(code)) blankTail = false;
    effects.consume(code);
    return inLine;
  }
};
