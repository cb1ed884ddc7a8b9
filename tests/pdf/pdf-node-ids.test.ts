import {describe, expect, it} from 'vitest';
import {withStableNodeIds} from '../../src/pdf/pdf-node-ids.js';

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** The objects of a tag tree as Chrome writes them, with ids from a renderer's counter. */
function tagTree(ids: readonly number[]): string {
  const name = (id: number): string => `(node${String(id).padStart(8, '0')})`;
  const elements = ids.map((id, index) => `${10 + index} 0 obj\n<</Type /StructElem /S /TH /ID ${name(id)} /P 5 0 R>>\nendobj\n`).join('');
  const cell = `30 0 obj\n<</Type /StructElem /S /TD /A [<</O /Table /Headers [${ids.map(name).join(' ')}]>>] /Alt (node00000001)>>\nendobj\n`;
  const tree = `6 0 obj\n<</Limits [${name(ids[0] as number)} ${name(ids.at(-1) as number)}] /Names [${ids.map((id, index) => `${name(id)} ${10 + index} 0 R`).join(' ')}]>>\nendobj\n`;
  return `%PDF-1.7\n${elements}${cell}${tree}`;
}

describe('withStableNodeIds', () => {
  it('numbers the element ids from 1 in their order, byte for byte in place', () => {
    const pdf = latin1(tagTree([2808, 2809, 2857, 3708]));
    const result = text(withStableNodeIds(pdf));
    expect(result.length).toBe(pdf.byteLength);
    expect(result).toContain('/Limits [(node00000001) (node00000004)]');
    expect(result).toContain('/Names [(node00000001) 10 0 R (node00000002) 11 0 R (node00000003) 12 0 R (node00000004) 13 0 R]');
    expect(result).toContain('/Headers [(node00000001) (node00000002) (node00000003) (node00000004)]');
    expect(result).not.toMatch(/node0000(2808|2809|2857|3708)/);
  });

  it('gives the same bytes for the same document printed after another', () => {
    expect(text(withStableNodeIds(latin1(tagTree([20, 21, 71, 166]))))).toBe(text(withStableNodeIds(latin1(tagTree([2808, 2809, 2859, 2954])))));
  });

  it('leaves a string that is no element id as it is', () => {
    const result = text(withStableNodeIds(latin1(tagTree([5, 9]))));
    // `(node00000001)` is an alternative text here, not one of the ids 5 and 9.
    expect(result).toContain('/Alt (node00000001)');
  });

  it('returns a PDF without ids unchanged', () => {
    const pdf = latin1('%PDF-1.7\n1 0 obj\n<</Type /Catalog>>\nendobj\n');
    expect(withStableNodeIds(pdf)).toBe(pdf);
  });
});
