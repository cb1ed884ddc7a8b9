import {describe, expect, it} from 'vitest';
import {contentReader, operations} from '../../src/pdf/content-stream.js';
import {openStream} from '../../src/pdf/text-layer-clusters.js';

describe('operations', () => {
  it('reads content as Chrome writes it: each operator with its operands, offsets into the text', () => {
    const content = 'q\n.24 0 0 -.24 0 841.92 cm\nBT\n/F9 14 Tf\n1 0 0 -1 0 1104 Tm\n<002E> Tj\n6.5099792 0 Td <0030> Tj\n/Span<</ActualText <FEFF00AD> >> BDC\n[<0001> -20 <0002>] TJ\nEMC\nET\nQ\n';
    const list = operations(content);
    expect(list?.map((operation) => operation.operator)).toEqual(['q', 'cm', 'BT', 'Tf', 'Tm', 'Tj', 'Td', 'Tj', 'BDC', 'TJ', 'EMC', 'ET', 'Q']);
    for (const {operator, start, end, operands} of list ?? []) {
      expect(content.slice(start, end)).toBe(`${operands}${operator}`);
    }
    expect(list?.[8]?.operands).toBe('/Span<</ActualText <FEFF00AD> >> ');
  });
});

describe('contentReader', () => {
  it('reads each stream once while its object stays the same, and again when it changes', () => {
    let opened = 0;
    const read = contentReader((object) => {
      opened++;
      return openStream(object);
    });
    const objects = new Map([[1, '<</Length 5>> stream\nq Q f\nendstream']]);
    expect(read(objects, 1)?.operations?.map((operation) => operation.operator)).toEqual(['q', 'Q', 'f']);
    read(objects, 1);
    expect(opened).toBe(1);
    objects.set(1, '<</Length 3>> stream\nq Q\nendstream');
    expect(read(objects, 1)?.content).toBe('q Q');
    expect(opened).toBe(2);
  });
});
