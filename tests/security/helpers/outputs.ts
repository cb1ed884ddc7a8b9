import {readdir} from 'node:fs/promises';
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js';

// Outputs: whole PDFs, stray temporary files, and what a PDF carries.

/**
 * Whether bytes are a whole PDF: the header first and `%%EOF` at the end.
 *
 * @param bytes
 *   File content.
 * @returns
 *   Whether it is complete.
 */
export function isWholePdf(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes);
  return buffer.subarray(0, 5).toString('latin1') === '%PDF-' && /%%EOF\s*$/.test(buffer.subarray(-32).toString('latin1'));
}

/**
 * Temporary files (`.name.random.tmp`) in a folder.
 *
 * @param dir
 *   A folder.
 * @returns
 *   Their names.
 */
export async function temporaryFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.tmp'));
}

export interface PdfContent {
  readonly pages: number;
  /** Every page's text, joined. */
  readonly text: string;
  /** URLs of link annotations. */
  readonly links: readonly string[];
  /** Whether the PDF carries JavaScript actions. */
  readonly javascript: boolean;
  /** Names of embedded files. */
  readonly attachments: readonly string[];
}

/**
 * Read a PDF back with pdf.js: text, links, scripts, attachments.
 *
 * @param bytes
 *   The PDF.
 * @returns
 *   What it carries.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const document = await getDocument({data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0}).promise;
  try {
    const texts: string[] = [];
    const links: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
      texts.push(items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
      for (const annotation of (await page.getAnnotations()) as Array<{url?: string; unsafeUrl?: string; action?: string}>) {
        for (const url of [annotation.url, annotation.unsafeUrl]) if (url) links.push(url);
      }
    }
    const actions = await document.getJSActions();
    const attachments = (await document.getAttachments()) as Record<string, unknown> | null;
    return {
      pages: document.numPages,
      text: texts.join('\n'),
      links,
      javascript: actions !== null && Object.keys(actions).length > 0,
      attachments: Object.keys(attachments ?? {})
    };
  } finally {
    await document.destroy();
  }
}
