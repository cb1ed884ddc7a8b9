import {execFile} from 'node:child_process';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import sharp from 'sharp';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from '../../src/build/build.js';
import {checkPdfsIn} from '../helpers/pdf-check.js';

/**
 * Two builds of one document with `SOURCE_DATE_EPOCH` give the same bytes, however long
 * the document and whatever the tab printed before it. A long manuscript of our own words
 * mixes Latin, Cyrillic, Chinese and Arabic, code, tables (Chrome names their header cells
 * in the PDF's tag tree by DOM node id) and images made here. It is built three times, in a
 * batch with a second copy of itself (which then prints in a tab that printed the first)
 * and a short note, and once alone; every PDF must equal every other of its document.
 */
const run = promisify(execFile);

const epoch = '1700000000';

const latin =
  'The harbour board met again on Thursday to weigh the cost of dredging the eastern channel against the income the new quay is expected to bring, and the members agreed that the figures need another look before the winter.';
const cyrillic =
  'Совет порта снова собрался в четверг, чтобы сопоставить стоимость углубления восточного канала с доходом, который должен принести новый причал, и решил ещё раз проверить расчёты до зимы.';
const chinese = '港务委员会星期四再次开会，比较疏浚东航道的费用和新码头预计带来的收入，委员们一致认为在冬季之前需要再核对一次数字。';
const arabic = 'اجتمع مجلس الميناء مرة أخرى يوم الخميس لموازنة تكلفة تعميق القناة الشرقية مع الدخل المتوقع من الرصيف الجديد، واتفق الأعضاء على مراجعة الأرقام قبل الشتاء.';

const code = [
  '```ts',
  'export function dredgingCost(metres: number, ratePerMetre: number): number {',
  '  // Rates rise by a tenth for every full kilometre beyond the first.',
  '  const surcharge = Math.max(0, Math.floor(metres / 1000) - 1) * 0.1;',
  '  return Math.round(metres * ratePerMetre * (1 + surcharge));',
  '}',
  '```'
].join('\n');

/** A table whose header cells the data cells point to in the tag tree. */
function table(section: number): string {
  const rows = Array.from({length: 6}, (_, row) => `| Berth ${section}.${row + 1} | ${120 + row * 15} m | ${(4.5 + row * 0.25).toFixed(2)} m | ${row % 2 ? 'open' : 'closed'} |`);
  return ['| Berth | Length | Depth | State |', '| --- | ---: | ---: | --- |', ...rows].join('\n');
}

function longManuscript(): string {
  const sections = Array.from({length: 30}, (_, index) => {
    const number = index + 1;
    return [
      `## Part ${number}: the channel, the quay and the accounts`,
      `${latin} ${latin}`,
      `${cyrillic} ${cyrillic}`,
      `${chinese}${chinese}`,
      `${arabic} ${arabic}`,
      table(number),
      code,
      number % 4 === 1 ? `![Soundings of part ${number}](soundings-${(number % 3) + 1}.png)` : `${latin}`,
      `${latin} ${cyrillic}`
    ].join('\n\n');
  });
  return `---\ntitle: Harbour board notes\nauthors: [Pat Tester]\nlang: en\n---\n\n${sections.join('\n\n')}\n`;
}

const shortManuscript = `---\ntitle: A short note\nlang: en\n---\n\n${latin}\n\n${table(0)}\n`;

/** A picture of soundings: bands of blue, different for each `seed`. */
async function soundings(seed: number): Promise<Buffer> {
  const width = 480;
  const height = 240;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3;
      pixels[offset] = (x * seed) % 256;
      pixels[offset + 1] = 90 + ((y * 3) % 120);
      pixels[offset + 2] = 160 + ((x + y * seed) % 90);
    }
  }
  return sharp(pixels, {raw: {width, height, channels: 3}}).png().toBuffer();
}

let dir: string;
let savedEpoch: string | undefined;
const documents = ['first/harbour.md', 'second/harbour.md', 'first/note.md'] as const;
const builds: Array<Map<string, Buffer>> = [];
let alone: Buffer;

async function buildBatch(outDir: string): Promise<Map<string, Buffer>> {
  const report = await build([dir], {cwd: dir, outDir, formats: ['pdf'], concurrency: 2});
  expect(report.documents.filter((document) => !document.ok).map((document) => document.file.messages.join('; '))).toEqual([]);
  const pdfs = new Map<string, Buffer>();
  for (const document of documents) pdfs.set(document, await readFile(path.join(outDir, document.replace(/\.md$/, '.pdf'))));
  return pdfs;
}

beforeAll(async () => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH'];
  process.env['SOURCE_DATE_EPOCH'] = epoch;
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-reproducible-'));
  for (const folder of ['first', 'second']) {
    await mkdir(path.join(dir, folder));
    await writeFile(path.join(dir, folder, 'harbour.md'), longManuscript());
    for (const seed of [1, 2, 3]) await writeFile(path.join(dir, folder, `soundings-${seed}.png`), await soundings(seed));
  }
  await writeFile(path.join(dir, 'first', 'note.md'), shortManuscript);
  for (const index of [1, 2, 3]) builds.push(await buildBatch(path.join(dir, `out-${index}`)));
  const report = await build([path.join(dir, 'second', 'harbour.md')], {cwd: dir, outDir: path.join(dir, 'out-alone'), formats: ['pdf']});
  expect(report.ok).toBe(true);
  alone = await readFile(path.join(dir, 'out-alone', 'harbour.pdf'));
}, 600_000);

afterAll(async () => {
  if (savedEpoch === undefined) delete process.env['SOURCE_DATE_EPOCH'];
  else process.env['SOURCE_DATE_EPOCH'] = savedEpoch;
  await rm(dir, {recursive: true, force: true});
});

describe('reproducible builds', () => {
  it('makes a long document of every script, with tables, code and images', async () => {
    const file = path.join(dir, 'out-1', 'first', 'harbour.pdf');
    const {stdout: info} = await run('pdfinfo', [file]);
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThanOrEqual(30);
    const {stdout: text} = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], {maxBuffer: 32 * 1024 * 1024});
    for (const words of ['dredging the eastern channel', 'углубления восточного канала', '疏浚东航道的费用', 'dredgingCost', 'Berth 30.6']) expect(text).toContain(words);
    const {stdout: images} = await run('pdfimages', ['-list', file]);
    expect(images.trim().split('\n').length - 2).toBeGreaterThanOrEqual(4);
    // The tag tree names header cells by id: what made two prints differ.
    const {stdout: plain} = await run('qpdf', ['--qdf', '--object-streams=disable', file, '-'], {maxBuffer: 64 * 1024 * 1024, encoding: 'latin1'});
    expect(plain.match(/\/ID \(node\d{8}\)/g)?.length ?? 0).toBeGreaterThanOrEqual(30 * 4);
    expect(plain).toContain('/Headers');
  });

  it.each(documents)('%s: three batch builds give the same bytes', (document) => {
    const [first, ...others] = builds.map((pdfs) => pdfs.get(document));
    expect(first?.byteLength).toBeGreaterThan(0);
    for (const other of others) expect(other?.equals(first as Buffer)).toBe(true);
  });

  it('gives the same bytes whatever the tab printed before: the copy, the first, and the document alone', () => {
    for (const pdfs of builds) {
      expect(pdfs.get('second/harbour.md')?.equals(pdfs.get('first/harbour.md') as Buffer)).toBe(true);
      expect(alone.equals(pdfs.get('first/harbour.md') as Buffer)).toBe(true);
    }
  });
});

describe('the PDF checker', () => {
  it('passes each document (the other builds are the same bytes, as above)', async () => {
    expect(await checkPdfsIn(path.join(dir, 'out-1'))).toEqual({checked: documents.length, problems: []});
  });
});
