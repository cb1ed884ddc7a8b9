import type {VFile} from 'vfile';
import {reportError} from '../../messages/messages.js';
import {checkPdfReport, type PdfCheckReport} from './check-pdf.js';

/**
 * Check a PDF a build made and put each failed condition on its manuscript as an error
 * (`build --check-pdf`). A heading out of level (Matterhorn 14-002, 14-003) points at the
 * heading's line: the tagged PDF has one `H1`…`H6` per heading of the page, in the page's
 * order, and the HTML stage noted where each was written (`file.data.headings`). When the
 * two lists of levels differ (a template that hides a heading from print), or the heading
 * is the template's own, the message has no line. Every other condition is about the file
 * (its pages, fonts, metadata), not a line of the manuscript.
 *
 * @param {Uint8Array} pdf
 *   The PDF.
 * @param {VFile} file
 *   The manuscript, with `data.headings`; messages are added to it.
 * @param {string} name
 *   The PDF's path as the messages name it.
 * @returns {Promise<PdfCheckReport>}
 *   What the check found.
 */
export async function reportPdfFindings(pdf: Uint8Array, file: VFile, name: string): Promise<PdfCheckReport> {
  const report = await checkPdfReport(pdf);
  const written = file.data.headings ?? [];
  const aligned = written.length === report.headings.length && written.every((heading, index) => heading.level === report.headings[index]);
  const levels = report.headings;
  for (const finding of report.findings) {
    const reason = (where: readonly string[]): string => `${finding.checkpoint} ${finding.condition}${where.length > 0 ? ` (${where.join(', ')})` : ''}, in \`${name}\``;
    if (!aligned || finding.headings === undefined) {
      reportError(file, reason(finding.where), undefined, 'pdf-check');
      continue;
    }
    // One message per heading, at its line, naming its own step.
    for (const index of finding.headings) {
      const step = index === 0 ? `H${levels[0]}` : `H${levels[index - 1]} → H${levels[index]}`;
      reportError(file, reason([step]), written[index]?.place, 'pdf-check');
    }
  }
  return report;
}
