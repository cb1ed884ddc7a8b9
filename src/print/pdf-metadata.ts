import {PDFDocument, PDFName, PDFString} from 'pdf-lib';

/** What a briefing's PDF says about itself. */
export interface PdfMetadata {
  readonly title: string;
  readonly authors: readonly string[];
  readonly subject?: string | undefined;
  readonly keywords: readonly string[];
  readonly creator: string;
  readonly producer: string;
  readonly lang: string;
  /** Creation and modification date: front matter `date`, `SOURCE_DATE_EPOCH`, or now. */
  readonly date: Date;
}

/**
 * Write the document information dictionary and `/Lang`. Chrome writes only the title;
 * mail clients, document managers and screen readers read the rest. Everything Chrome
 * made (tag tree, outline, links) is carried over untouched.
 *
 * @param {Uint8Array} pdf
 *   Chrome's PDF.
 * @param {PdfMetadata} metadata
 *   Values to set.
 * @returns {Promise<{bytes: Uint8Array, pages: number}>}
 *   The new PDF and its page count.
 */
export async function setPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<{bytes: Uint8Array; pages: number}> {
  const doc = await PDFDocument.load(pdf, {updateMetadata: false});
  doc.setTitle(metadata.title, {showInWindowTitleBar: true});
  if (metadata.authors.length > 0) doc.setAuthor(metadata.authors.join(', '));
  if (metadata.subject) doc.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces, which splits "United States" in two; commas don't.
  if (metadata.keywords.length > 0) doc.setKeywords([metadata.keywords.join(', ')]);
  doc.setCreator(metadata.creator);
  doc.setProducer(metadata.producer);
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(metadata.lang));
  const bytes = await doc.save({useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false});
  return {bytes, pages: doc.getPageCount()};
}
