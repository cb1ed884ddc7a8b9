import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {srgbProfile} from '../../src/pdf/srgb-profile.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-icc-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** Colours across the gamut, one pixel each: greys, primaries, and a spread of mixtures. */
function swatches(): Buffer {
  const pixels: number[] = [];
  for (let index = 0; index < 256; index++) pixels.push(index, (index * 7) % 256, (index * 53 + 11) % 256);
  return Buffer.from(pixels);
}

/** The largest channel difference after little-cms converts sRGB pixels into `profile`. */
async function largestDifference(profile: Uint8Array): Promise<number> {
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.icc`);
  await writeFile(file, profile);
  const input = swatches();
  const output = await sharp(input, {raw: {width: 256, height: 1, channels: 3}}).withIccProfile(file).raw().toBuffer();
  let largest = 0;
  for (let index = 0; index < input.length; index++) largest = Math.max(largest, Math.abs((output[index] as number) - (input[index] as number)));
  return largest;
}

describe('the sRGB profile', () => {
  it('is a version 2.1 RGB display profile whose size field is its length', () => {
    const profile = Buffer.from(srgbProfile());
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.readUInt32BE(8)).toBe(0x02100000);
    expect(profile.toString('latin1', 12, 24)).toBe('mntrRGB XYZ ');
    expect(profile.toString('latin1', 36, 40)).toBe('acsp');
    expect(profile.length).toBeLessThan(3000);
  });

  it('is read by little-cms (through sharp) as sRGB: converting sRGB colours into it changes none by more than 1 of 255', async () => {
    expect(await largestDifference(srgbProfile())).toBeLessThanOrEqual(1);
  });

  it('would be caught if it described another colour space (the check can fail)', async () => {
    const wrong = Buffer.from(srgbProfile());
    // Swap the red and blue colorants' tag offsets: a different space, still a valid file.
    const tags = wrong.readUInt32BE(128);
    const at = (signature: string): number => {
      for (let index = 0; index < tags; index++) if (wrong.toString('latin1', 132 + index * 12, 136 + index * 12) === signature) return 132 + index * 12;
      throw new Error(signature);
    };
    const red = wrong.readUInt32BE(at('rXYZ') + 4);
    wrong.writeUInt32BE(wrong.readUInt32BE(at('bXYZ') + 4), at('rXYZ') + 4);
    wrong.writeUInt32BE(red, at('bXYZ') + 4);
    expect(await largestDifference(wrong)).toBeGreaterThan(20);
  });
});
