import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {markArtifacts} from '../../src/pdf/artifact-marks.js';
import {operations} from '../../src/pdf/content-stream.js';

/** Every operator that draws outside both tagged content (an MCID) and artifacts. */
function bareDrawing(content: string): string[] {
  const stack: string[] = [];
  const bare: string[] = [];
  for (const {operator, operands} of operations(content) ?? []) {
    if (operator === 'BMC' || operator === 'BDC') stack.push(/\/MCID\b/.test(operands) ? 'tagged' : (/\/([^\s/<>[\]()]+)/.exec(operands)?.[1] ?? ''));
    else if (operator === 'EMC') stack.pop();
    else if (['Tj', 'TJ', "'", '"', 'f', 'S', 'B', 'n', 'Do', 'sh', 'BI'].includes(operator) && !stack.includes('tagged') && !stack.includes('Artifact')) bare.push(operator);
  }
  return bare;
}

describe('operations', () => {
  it('reads operands of every kind, an inline image as one operation, and skips comments', () => {
    const content = '/Span <</ActualText (a\\) (b) c)>> BDC [(x) -20 <0041>] TJ % comment Tj\nEMC BI /W 1 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI 0 0 1 1 re f';
    expect(operations(content)?.map((operation) => operation.operator)).toEqual(['BDC', 'TJ', 'EMC', 'BI', 're', 'f']);
  });

  it('refuses a stream it cannot read', () => {
    expect(operations('(unterminated Tj')).toBeUndefined();
    expect(operations('BI /W 1 ID xxxx')).toBeUndefined();
  });
});

describe('markArtifacts', () => {
  it('marks bare text, paths and images as artifacts and leaves tagged content alone', () => {
    const content = [
      'q BT /F4 10 Tf 1 0 0 -1 644 1059 Tm <0011> Tj ET Q',
      'q 0 0 583 4 re f',
      '/P <</MCID 0 >>BDC BT /F6 10 Tf <0014> Tj ET EMC',
      '0 241 583 1 re f /X9 Do',
      '/Figure <</MCID 1 >>BDC /X9 Do EMC Q'
    ].join('\n');
    const marked = markArtifacts(content);
    expect(bareDrawing(content)).toEqual(['Tj', 'f', 'f', 'Do']);
    expect(bareDrawing(marked)).toEqual([]);
    // Two runs of bare content: before the paragraph and between the two tags.
    expect(marked.match(/\/Artifact BMC/g)).toHaveLength(2);
    // Nothing drawn changes: the same operators in the same order, around the marks.
    const drawn = (text: string): string[] => (operations(text) ?? []).map((operation) => operation.operator).filter((operator) => operator !== 'BMC' && operator !== 'EMC');
    expect(drawn(marked)).toEqual(drawn(content));
    expect(marked).toContain('/P <</MCID 0 >>BDC BT /F6 10 Tf <0014> Tj ET EMC');
  });

  it('never puts a mark inside a path object', () => {
    const marked = markArtifacts('1 0 0 RG 10 10 m 20 20 l S');
    expect(marked).toBe('1 0 0 RG /Artifact BMC\n10 10 m 20 20 l S\nEMC\n');
  });

  it('marks inside a text object that holds tagged text, so marks and text objects nest', () => {
    const content = 'BT (bare) Tj /Span <</MCID 3>> BDC (tagged) Tj EMC (bare again) Tj ET';
    const marked = markArtifacts(content);
    expect(marked).toBe('BT /Artifact BMC\n(bare) Tj EMC\n/Span <</MCID 3>> BDC (tagged) Tj EMC /Artifact BMC\n(bare again) Tj EMC\nET');
    expect(bareDrawing(marked)).toEqual([]);
  });

  it('closes a run at the end of the stream, and separates a mark from the token before it', () => {
    expect(markArtifacts('BT(a)Tj ET')).toBe('/Artifact BMC\nBT(a)Tj ET\nEMC\n');
    expect(markArtifacts('/P <</MCID 0>>BDC EMC(x)Tj')).toBe('/P <</MCID 0>>BDC EMC\n/Artifact BMC\n(x)Tj\nEMC\n');
  });

  it('leaves content without bare drawing, unbalanced marks and unreadable streams as they were', () => {
    for (const content of ['/P <</MCID 0>> BDC BT (x) Tj ET EMC', 'q 1 0 0 1 0 0 cm Q', 'EMC BT (x) Tj ET', '/P BMC (x) Tj', '(x Tj']) {
      expect(markArtifacts(content)).toBe(content);
    }
  });

  it('marks right-to-left and actual-text runs outside the tags as a whole, and marks inside them around tagged text', () => {
    // A running header in Persian: Chrome wraps it in /ReversedChars and /ActualText spans, outside any tag.
    const header = 'BT /ReversedChars BMC /Span<</ActualText <feff0645> >> BDC /F4 10 Tf <004d> Tj EMC EMC ET';
    expect(markArtifacts(header)).toBe(`/Artifact BMC\n${header}\nEMC\n`);
    const body = '/ReversedChars BMC (bare) Tj /P <</MCID 0>> BDC (tagged) Tj EMC EMC';
    expect(markArtifacts(body)).toBe('/ReversedChars BMC /Artifact BMC\n(bare) Tj EMC\n/P <</MCID 0>> BDC (tagged) Tj EMC EMC');
    expect(bareDrawing(markArtifacts(body))).toEqual([]);
  });

  it('marks text in the top margin as a header and in the bottom margin as a footer, given the page height', () => {
    // As Chrome writes a page: flipped and scaled, margin boxes first, then the content area.
    const content = [
      '.24 0 0 -.24 0 841.92 cm q 3.125 0 0 3.125 0 0 cm',
      'BT /F4 10 Tf 1 0 0 -1 644 1059 Tm <0011> Tj 5 0 Td <0012> Tj ET',
      'BT /F5 10 Tf 1 0 0 -1 105 1059 Tm <0006> Tj ET',
      'BT /F5 10 Tf 1 0 0 -1 105 62 Tm <0007> Tj ET',
      'Q q 331 259 1818 2964 re W* n',
      '/P <</MCID 0 >>BDC BT 1 0 0 -1 0 25 Tm <0014> Tj ET EMC',
      '0 241 583 1 re f BT 1 0 0 -1 0 500 Tm (lifted quote) Tj ET Q'
    ].join('\n');
    const marked = markArtifacts(content, undefined, 841.92);
    const marks = [...marked.matchAll(/\/Artifact (<<[^>]*>> BDC|BMC)/g)].map((match) => match[1]);
    // Footer (both footer text objects, joined), header, the clip, then the rule and the body text.
    expect(marks).toEqual(['<</Type /Pagination /Subtype /Footer>> BDC', '<</Type /Pagination /Subtype /Header>> BDC', 'BMC', 'BMC']);
    expect(bareDrawing(marked)).toEqual([]);
    // Without the page height every run is a plain artifact.
    expect(markArtifacts(content)).not.toContain('Pagination');
  });

  it('places bare text by every move before it, tagged or not, and by the text object it is in', () => {
    // Chrome moves before every glyph; the moves inside tagged text count for the bare text after them.
    const moves = (count: number): string => Array.from({length: count}, () => '7 -70 Td <0011> Tj').join('\n');
    const mark = (content: string): string | undefined => /\/Artifact (<<[^>]*>> BDC|BMC)/.exec(markArtifacts(content, undefined, 800))?.[1];
    // From 50 points above the foot (text space flipped), ten moves of 70 up: the bare glyph stands at 750, in the header band.
    expect(mark('BT 1 0 0 -1 0 50 Tm <0012> Tj ET')).toBe('<</Type /Pagination /Subtype /Footer>> BDC');
    expect(mark(`BT 1 0 0 -1 0 50 Tm /P <</MCID 0>> BDC <0010> Tj\n${moves(10)}\nEMC <0012> Tj ET`)).toBe('<</Type /Pagination /Subtype /Header>> BDC');
    // A new text object starts from its own matrix: the moves of the one before do not count.
    expect(mark(`BT 1 0 0 -1 0 50 Tm /P <</MCID 0>> BDC ${moves(10)} EMC ET BT <0012> Tj ET`)).toBe('<</Type /Pagination /Subtype /Footer>> BDC');
    // A later `Tm` replaces the moves; one that cannot be read keeps them.
    expect(mark(`BT 1 0 0 -1 0 50 Tm ${moves(3)} 1 0 0 -1 0 400 Tm <0012> Tj ET`)).toBe('BMC');
    expect(mark('BT 1 0 0 -1 0 50 Tm /P <</MCID 0>> BDC <0010> Tj 0 -700 Td <0010> Tj EMC 1 0 0 Tm <0012> Tj ET')).toBe('<</Type /Pagination /Subtype /Header>> BDC');
  });

  it('keeps an artifact the author already marked as it is', () => {
    const content = '/Artifact <</Type /Pagination>> BDC BT (Page 1) Tj ET EMC';
    expect(markArtifacts(content)).toBe(content);
  });
});

describe('markArtifacts on any content (property)', () => {
  /** Pieces of content as Chrome writes them, tagged, bare, or marked already. */
  const bare = fc.constantFrom('BT 1 0 0 -1 40 1059 Tm (footer) Tj ET', '.24 0 0 -.24 0 841.92 cm', '3.125 0 0 3.125 0 0 cm', 'BT 1 0 0 -1 40 62 Tm (header) Tj ET', 'BT /ReversedChars BMC /Span<</ActualText <feff0645> >> BDC <004d> Tj EMC EMC ET', '/ReversedChars BMC BT (r) Tj ET EMC', '0 0 10 10 re f', '1 0 0 RG 5 5 m 20 20 l S', 'BT /F1 10 Tf 1 0 0 -1 40 50 Tm <0011> Tj ET', 'BT (x) Tj 5 0 Td [(y) -20 (z)] TJ ET', '/X9 Do', 'q 0 0 5 5 re W* n Q');
  const state = fc.constantFrom('q', 'Q', '.24 0 0 -.24 0 841.92 cm', '.3 .4 .5 rg', '/G3 gs');
  const tagged = (mcid: number): fc.Arbitrary<string> =>
    fc.oneof(
      fc.constant(`/P <</MCID ${mcid} >>BDC BT /F1 10 Tf <0014> Tj ET EMC`),
      fc.constant(`/Figure <</MCID ${mcid} >>BDC /X9 Do EMC`),
      fc.constant(`BT (bare) Tj /Span <</MCID ${mcid}>> BDC (tagged) Tj EMC (bare) Tj ET`),
      fc.constant(`/Artifact <</Type /Pagination>> BDC BT (Page 1) Tj ET EMC`),
      fc.constant(`BT /ReversedChars BMC (r) Tj /Span <</MCID ${mcid}>> BDC (t) Tj EMC /Span <</ActualText <feff0645>>> BDC (a) Tj EMC EMC ET`)
    );
  const stream = fc.array(fc.oneof(bare, state, fc.nat(50).chain(tagged)), {maxLength: 25}).map((parts) => parts.join('\n'));

  it('leaves nothing bare, draws the same, nests marks with text objects and paths, and is idempotent', () => {
    fc.assert(
      fc.property(stream, fc.constantFrom(undefined, 841.92), (content, height) => {
        const marked = markArtifacts(content, undefined, height);
        expect(bareDrawing(marked)).toEqual([]);
        // The same operators but the marks (artifacts briefing adds are BMC, or BDC with pagination properties).
        const drawn = (text: string): string[] =>
          (operations(text) ?? [])
            .filter(({operator, operands}) => operator !== 'BMC' && operator !== 'EMC' && !(operator === 'BDC' && /^\s*\/Artifact <<\/Type \/Pagination/.test(operands)))
            .map((operation) => operation.operator);
        expect(drawn(marked)).toEqual(drawn(content));
        // Each mark opened in a text object closes in it; none opens or closes inside a path.
        const opened: boolean[] = [];
        let inText = false;
        let inPath = false;
        for (const {operator} of operations(marked) ?? []) {
          if (operator === 'BT') inText = true;
          else if (operator === 'ET') {
            expect(opened.includes(true)).toBe(false);
            inText = false;
          } else if (operator === 'BMC' || operator === 'BDC') {
            expect(inPath).toBe(false);
            opened.push(inText);
          } else if (operator === 'EMC') {
            expect(inPath).toBe(false);
            expect(opened.pop()).toBe(inText);
          } else if (['m', 'l', 're', 'c', 'v', 'y', 'h'].includes(operator)) inPath = true;
          else if (['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n'].includes(operator)) inPath = false;
        }
        expect(opened).toEqual([]);
        expect(markArtifacts(marked, undefined, height)).toBe(marked);
      }),
      {numRuns: 300, seed: 20261202}
    );
  });
});
