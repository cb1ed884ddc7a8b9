import {execFile} from 'node:child_process';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** A font as `pdffonts` lists it. */
export interface ListedFont {
  readonly name: string;
  /** `Type 1`, `Type 3`, `TrueType`, `CID TrueType`, `CID Type 0C`... */
  readonly type: string;
  readonly embedded: boolean;
}

/**
 * Every font of every page, from poppler's `pdffonts` (which also sees the Type 3 fonts
 * Chromium makes when it has to synthesise a face).
 *
 * @param file
 *   A PDF on disk.
 * @returns
 *   The fonts.
 */
export async function listFonts(file: string): Promise<ListedFont[]> {
  const {stdout} = await run('pdffonts', [file]);
  return parsePdffonts(stdout);
}

/**
 * Parse `pdffonts` output. A long name pushes the rest of its row to the right, so a row
 * is read by its words: the name (one word), the type (one or more: `CID TrueType`), the
 * encoding, then `emb sub uni` and the object number and generation.
 *
 * @param output
 *   What `pdffonts` printed.
 * @returns
 *   The fonts.
 */
export function parsePdffonts(output: string): ListedFont[] {
  const [heading, dashes, ...rows] = output.split('\n');
  if (!heading?.startsWith('name') || !/^-+( -+)+$/.test(dashes?.trim() ?? '')) throw new Error(`Unexpected pdffonts output: ${output.slice(0, 200)}`);
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => {
      const words = row.trim().split(/\s+/);
      if (words.length < 8 || !/^(?:yes|no)$/.test(words.at(-5) ?? '')) throw new Error(`Unexpected pdffonts row: ${row}`);
      return {name: words[0] as string, type: words.slice(1, -6).join(' '), embedded: words.at(-5) === 'yes'};
    });
}
