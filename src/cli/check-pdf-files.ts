import {readFile} from 'node:fs/promises';
import {checkPdfReport, findingLines, type PdfFinding} from '../check/pdf/check-pdf.js';
import {escapeControl} from '../messages/report.js';
import {exitCode} from './exit-codes.js';

/** Whether a command-line input names a PDF (checked as a PDF, not as a manuscript). */
export function isPdfPath(input: string): boolean {
  return /\.pdf$/i.test(input);
}

/**
 * `briefing check x.pdf …`: the PDF/UA-1 (and, for files that claim it, PDF/A-2b) machine
 * checks of `checkPdf`, one line per failed condition on standard error
 * (`x.pdf: 13-004 Figure tag alternative or replacement text missing. (page 2)`).
 *
 * @param {readonly string[]} files
 *   The PDFs.
 * @param {{json?: boolean | undefined; quiet?: boolean | undefined}} options
 *   `json` prints the findings as JSON on standard output; `quiet` leaves out passes.
 * @returns {Promise<number>}
 *   1 when a PDF fails a condition or cannot be read.
 */
export async function checkPdfFiles(files: readonly string[], options: {json?: boolean | undefined; quiet?: boolean | undefined}): Promise<number> {
  const documents: Array<{input: string; ok: boolean; error?: string; findings: readonly PdfFinding[]}> = [];
  for (const file of files) {
    const name = escapeControl(file);
    let findings: PdfFinding[];
    let standards: readonly string[];
    try {
      ({findings, standards} = await checkPdfReport(new Uint8Array(await readFile(file))));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${name}: error Cannot read the PDF: ${escapeControl(reason)}\n`);
      documents.push({input: file, ok: false, error: reason, findings: []});
      continue;
    }
    const lines = findingLines(name, findings.map((finding) => ({...finding, where: finding.where.map(escapeControl)})));
    if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n✗ ${name}: ${findings.length} condition${findings.length === 1 ? '' : 's'} failed\n`);
    else if (!options.quiet) process.stderr.write(`✓ ${name}: passes the machine checks of ${standards.join(' and ')}\n`);
    documents.push({input: file, ok: findings.length === 0, findings});
  }
  const ok = documents.every((document) => document.ok);
  if (options.json) await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify({ok, documents}, null, 2)}\n`, () => resolve()));
  return ok ? exitCode.ok : exitCode.failed;
}
