import sharp from 'sharp';
import {describe, expect, it} from 'vitest';
import {fitToPrint} from '../../src/html/rehype-inline-images.js';

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({create: {width, height, channels: 3, background: {r: 30, g: 90, b: 160}}}).png().toBuffer();
}

describe('fitToPrint', () => {
  it('scales a bitmap larger than a column at 200 dpi down to it, keeping its proportions and format', async () => {
    const fitted = await fitToPrint(await png(4000, 2000), 'image/png');
    const {width, height, format} = await sharp(fitted).metadata();
    expect(format).toBe('png');
    expect(width).toBe(1260);
    expect(height).toBe(630);
  });

  it('leaves an image that already fits byte for byte alone', async () => {
    const small = await png(800, 400);
    expect(Buffer.compare(await fitToPrint(small, 'image/png'), small)).toBe(0);
  });

  it('leaves SVG alone', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"/>');
    expect(await fitToPrint(svg, 'image/svg+xml')).toBe(svg);
  });

  it('rejects a file that only starts like a PNG', async () => {
    const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    await expect(fitToPrint(broken, 'image/png')).rejects.toThrow();
  });
});
