import {describe, expect, it} from 'vitest';
import {markArtifacts} from '../../src/pdf/artifact-marks.js';
import {operations} from '../../src/pdf/content-stream.js';

/** Every operator outside marked content that draws, with the tags open around it. */
function bareDrawing(content: string): string[] {
  const stack: string[] = [];
  const bare: string[] = [];
  for (const {operator, operands} of operations(content) ?? []) {
    if (operator === 'BMC' || operator === 'BDC') stack.push(/\/([^\s/<>[\]()]+)/.exec(operands)?.[1] ?? '');
    else if (operator === 'EMC') stack.pop();
    else if (['Tj', 'TJ', "'", '"', 'f', 'S', 'B', 'n', 'Do', 'sh', 'BI'].includes(operator) && stack.length === 0) bare.push(operator);
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

  it('keeps an artifact the author already marked as it is', () => {
    const content = '/Artifact <</Type /Pagination>> BDC BT (Page 1) Tj ET EMC';
    expect(markArtifacts(content)).toBe(content);
  });
});
