/**
 * A compact sRGB ICC profile (version 2.1, display class), built here from the numbers of
 * IEC 61966-2-1 rather than shipped: the D65 white point, the primaries' colorants adapted
 * to the D50 connection space by the Bradford transform (as in the profiles that standard's
 * authors published), and the sRGB tone curve sampled at 1024 points. PDF/A needs an output
 * intent with an embedded profile for the device RGB colours Chrome writes; no third-party
 * file, and so no licence, is involved. About 2.5 KB, built once per process.
 */
let built: Uint8Array | undefined;

/**
 * The profile's bytes.
 *
 * @returns {Uint8Array}
 *   An ICC profile for sRGB.
 */
export function srgbProfile(): Uint8Array {
  built ??= buildProfile();
  return built;
}

function buildProfile(): Uint8Array {
  const description = 'sRGB IEC61966-2.1 (briefing)';
  const tags: Array<[string, Buffer]> = [
    ['desc', textDescription(description)],
    ['cprt', text('No copyright, use freely')],
    ['wtpt', xyz(0.950455, 1, 1.089050)],
    ['rXYZ', xyz(0.436066, 0.222488, 0.013916)],
    ['gXYZ', xyz(0.385147, 0.716873, 0.097076)],
    ['bXYZ', xyz(0.143066, 0.060608, 0.714096)],
    ['rTRC', toneCurve()]
  ];
  // The three channels share one curve: their tags point at the same data.
  const entries: Array<[string, number]> = [...tags.map(([signature], index): [string, number] => [signature, index]), ['gTRC', 6], ['bTRC', 6]];
  const tableSize = 4 + entries.length * 12;
  const offsets: number[] = [];
  let offset = 128 + tableSize;
  for (const [, data] of tags) {
    offsets.push(offset);
    offset += align(data.length);
  }
  const profile = Buffer.alloc(offset);
  profile.writeUInt32BE(offset, 0);
  profile.writeUInt32BE(0x02100000, 8);
  profile.write('mntr', 12, 'latin1');
  profile.write('RGB ', 16, 'latin1');
  profile.write('XYZ ', 20, 'latin1');
  // A fixed creation date keeps the PDF's bytes reproducible.
  for (const [index, value] of [2026, 1, 1, 0, 0, 0].entries()) profile.writeUInt16BE(value, 24 + index * 2);
  profile.write('acsp', 36, 'latin1');
  // The connection space's illuminant, D50.
  fixed(profile, 68, 0.9642);
  fixed(profile, 72, 1);
  fixed(profile, 76, 0.8249);
  profile.writeUInt32BE(entries.length, 128);
  for (const [index, [signature, tag]] of entries.entries()) {
    const at = 132 + index * 12;
    profile.write(signature, at, 'latin1');
    profile.writeUInt32BE(offsets[tag] as number, at + 4);
    profile.writeUInt32BE((tags[tag] as [string, Buffer])[1].length, at + 8);
  }
  for (const [index, [, data]] of tags.entries()) data.copy(profile, offsets[index] as number);
  return new Uint8Array(profile.buffer, profile.byteOffset, profile.byteLength);
}

function align(length: number): number {
  return Math.ceil(length / 4) * 4;
}

/** An s15Fixed16Number. */
function fixed(buffer: Buffer, at: number, value: number): void {
  buffer.writeInt32BE(Math.round(value * 65536), at);
}

function xyz(x: number, y: number, z: number): Buffer {
  const data = Buffer.alloc(20);
  data.write('XYZ ', 0, 'latin1');
  fixed(data, 8, x);
  fixed(data, 12, y);
  fixed(data, 16, z);
  return data;
}

/** `textType`: ASCII, NUL-terminated. */
function text(value: string): Buffer {
  const data = Buffer.alloc(8 + value.length + 1);
  data.write('text', 0, 'latin1');
  data.write(value, 8, 'latin1');
  return data;
}

/** `textDescriptionType` (ICC v2): the ASCII description, no Unicode or ScriptCode text. */
function textDescription(value: string): Buffer {
  const data = Buffer.alloc(12 + value.length + 1 + 4 + 4 + 2 + 1 + 67);
  data.write('desc', 0, 'latin1');
  data.writeUInt32BE(value.length + 1, 8);
  data.write(value, 12, 'latin1');
  return data;
}

/** `curveType`: the sRGB transfer function, from encoded value to linear light. */
function toneCurve(): Buffer {
  const points = 1024;
  const data = Buffer.alloc(12 + points * 2);
  data.write('curv', 0, 'latin1');
  data.writeUInt32BE(points, 8);
  for (let index = 0; index < points; index++) {
    const encoded = index / (points - 1);
    const linear = encoded <= 0.04045 ? encoded / 12.92 : ((encoded + 0.055) / 1.055) ** 2.4;
    data.writeUInt16BE(Math.round(linear * 65535), 12 + index * 2);
  }
  return data;
}
