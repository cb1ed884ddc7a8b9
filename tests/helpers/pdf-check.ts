import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {checkPdf, findingLines} from '../../src/check/pdf/check-pdf.js';

/** What `checkPdfsIn` found. */
export interface PdfCheckResult {
  /** How many PDFs were checked (so that a test can tell none from all passing). */
  readonly checked: number;
  /**
   * One line per failed condition that was not expected (`out/x.pdf: 14-003 …`, with the
   * checkpoint number), and one per expected condition that did not fail.
   */
  readonly problems: string[];
}

/**
 * Run briefing's PDF checker (PDF/UA-1, and PDF/A-2b for a file that claims it) on every
 * PDF under a folder, as the issue asks of every PDF the end-to-end tests print.
 *
 * @param root
 *   The folder, searched at any depth.
 * @param expected
 *   The checkpoints a PDF is meant to fail, by its path relative to `root`: those a
 *   manuscript breaks on purpose (a heading that skips a level is 14-003 whatever
 *   briefing does), which must then be found.
 * @returns
 *   The count and the problems; a test expects `problems` to be empty.
 */
export async function checkPdfsIn(root: string, expected: (file: string) => readonly string[] = () => []): Promise<PdfCheckResult> {
  const files = (await readdir(root, {recursive: true})).filter((file) => file.endsWith('.pdf')).sort();
  const problems: string[] = [];
  for (const file of files) {
    const findings = await checkPdf(new Uint8Array(await readFile(path.join(root, file))));
    const meant = expected(file);
    problems.push(...findingLines(file, findings.filter((finding) => !meant.includes(finding.checkpoint))));
    for (const checkpoint of meant) {
      if (!findings.some((finding) => finding.checkpoint === checkpoint)) problems.push(`${file}: ${checkpoint} expected, not found`);
    }
  }
  return {checked: files.length, problems};
}
