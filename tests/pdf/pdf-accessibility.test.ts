import {inflateSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {makeAccessible} from '../../src/pdf/pdf-accessibility.js';
import {roleMapFor} from '../../src/pdf/structure-types.js';
import type {XmpFields} from '../../src/pdf/xmp-metadata.js';

const fields: XmpFields = {title: 'T', authors: ['A'], keywords: [], creator: 'c', producer: 'p', lang: 'en', date: new Date('2025-01-01T00:00:00Z')};

/** A tagged PDF's objects as Chrome writes them: an `<aside>`, a `<figure>` around an `<img>`, a link. */
function taggedObjects(): Map<number, string> {
  const content = 'BT /F1 10 Tf (Page 1 of 1) Tj ET /Figure <</MCID 0 >>BDC /X1 Do EMC';
  return new Map([
    [1, '<</Type /Catalog\n/Pages 2 0 R\n/StructTreeRoot 3 0 R\n/Lang (en)>>'],
    [2, '<</Type /Pages\n/Kids [8 0 R]\n/Count 1>>'],
    [3, '<</Type /StructTreeRoot\n/K 4 0 R\n/ParentTreeNextKey 1>>'],
    [4, '<</Type /StructElem\n/S /Aside\n/P 3 0 R\n/K [5 0 R]>>'],
    [5, '<</Type /StructElem\n/S /Figure\n/P 4 0 R\n/K 6 0 R>>'],
    [6, '<</Type /StructElem\n/S /Figure\n/Alt (A red square)\n/P 5 0 R\n/Pg 8 0 R\n/K 0>>'],
    [7, '<</Type /Annot\n/Subtype /Link\n/F 2\n/Rect [0 0 1 1]>>'],
    [8, '<</Type /Page\n/Parent 2 0 R\n/Contents 9 0 R\n/Annots [7 0 R]>>'],
    [9, `<</Length ${content.length}>> stream\n${content}\nendstream`]
  ]);
}

function streamData(object: string): string {
  const head = /^<<[^]*?\/Length (\d+)>>\s*stream\n/.exec(object);
  if (!head) throw new Error('not a stream');
  const data = Buffer.from(object.slice(head[0].length, head[0].length + Number(head[1])), 'latin1');
  return (/FlateDecode/.test(head[0]) ? inflateSync(data) : data).toString('latin1');
}

describe('makeAccessible', () => {
  it('adds the XMP stream to the catalog, a role map for /Aside, and marks the bare page content', () => {
    const objects = taggedObjects();
    const size = makeAccessible(objects, 10, 1, fields);
    expect(size).toBe(11);
    expect(objects.get(1)).toMatch(/\/Metadata 10 0 R>>$/);
    expect(objects.get(10)).toMatch(/^<<\/Type \/Metadata \/Subtype \/XML \/Length \d+>>\nstream\n<\?xpacket/);
    expect(objects.get(3)).toContain('/RoleMap <</Aside /Div>>');
    expect(streamData(objects.get(9) ?? '')).toBe('/Artifact BMC\nBT /F1 10 Tf (Page 1 of 1) Tj ET EMC\n/Figure <</MCID 0 >>BDC /X1 Do EMC');
    // A PDF/UA file claims no PDF/A, so its annotations and colours are left alone.
    expect(objects.get(7)).toContain('/F 2');
    expect(objects.get(1)).not.toContain('OutputIntents');
  });

  it('retags the figure that only groups the image, keeping the one with the alternative text', () => {
    const objects = taggedObjects();
    makeAccessible(objects, 10, 1, fields);
    expect(objects.get(5)).toContain('/S /Div');
    expect(objects.get(6)).toContain('/S /Figure');
  });

  it('for PDF/A-2b, adds an sRGB output intent with its profile and sets the print flag', () => {
    const objects = taggedObjects();
    const size = makeAccessible(objects, 10, 1, {...fields, pdfA: true});
    expect(size).toBe(12);
    expect(objects.get(1)).toContain('/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile 11 0 R>>]');
    const profile = Buffer.from(streamData(objects.get(11) ?? ''), 'latin1');
    expect(profile.toString('latin1', 36, 40)).toBe('acsp');
    expect(objects.get(11)).toContain('/N 3');
    // Print on, hidden off.
    expect(objects.get(7)).toContain('/F 4');
  });

  it('keeps output intents a file already has', () => {
    const objects = taggedObjects();
    objects.set(1, '<</Type /Catalog\n/Pages 2 0 R\n/StructTreeRoot 3 0 R\n/OutputIntents [12 0 R]>>');
    expect(makeAccessible(objects, 10, 1, {...fields, pdfA: true})).toBe(11);
    expect(objects.get(1)?.match(/\/OutputIntents/g)).toHaveLength(1);
    expect(objects.get(1)).toContain('/OutputIntents [12 0 R]');
  });

  it('leaves a tree that already has a role map as it is', () => {
    const objects = taggedObjects();
    objects.set(3, '<</Type /StructTreeRoot\n/K 4 0 R\n/RoleMap <</Aside /Sect>>>>');
    makeAccessible(objects, 10, 1, fields);
    expect(objects.get(3)).toBe('<</Type /StructTreeRoot\n/K 4 0 R\n/RoleMap <</Aside /Sect>>>>');
  });
});

describe('roleMapFor', () => {
  it('maps PDF 2.0 and unknown types to standard PDF 1.7 ones, and leaves standard types out', () => {
    expect([...roleMapFor(['P', 'Aside', 'H1', 'Aside', 'FENote', 'Sidebar', 'Figure'])]).toEqual([
      ['Aside', 'Div'],
      ['FENote', 'Note'],
      ['Sidebar', 'NonStruct']
    ]);
  });
});
