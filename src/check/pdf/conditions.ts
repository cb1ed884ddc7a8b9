/**
 * The conditions `checkPdf` tests, worded as their standards word them: the failure
 * conditions of the Matterhorn Protocol 1.1 (PDF Association) for PDF/UA-1, and the
 * requirements of ISO 19005-2 (PDF/A-2), by clause, for PDF/A-2b. Only machine-checkable
 * ones are here; README "Accessibility" lists what needs a person.
 */
export const conditions = {
  '01-004': 'Tagged content is present inside content marked as Artifact.',
  '01-005': 'Content is neither marked as Artifact nor tagged as real content.',
  '01-007': 'Suspects entry has a value of true.',
  '02-001': 'One or more non-standard tag’s mapping does not terminate with a standard type.',
  '02-003': 'A circular mapping exists.',
  '02-004': 'One or more standard types are remapped.',
  '06-001': 'Document does not contain an XMP metadata stream',
  '06-002': 'The XMP metadata stream in the Catalog dictionary does not include the PDF/UA identifier.',
  '06-003': 'XMP metadata stream does not contain dc:title',
  '07-001': 'ViewerPreferences dictionary of the Catalog dictionary does not contain a DisplayDocTitle entry.',
  '07-002': 'ViewerPreferences dictionary of the Catalog dictionary contains a DisplayDocTitle entry with a value of false.',
  '11-001': 'Natural language for text in page content cannot be determined.',
  '11-002': 'Natural language for text in Alt, ActualText and E attributes cannot be determined.',
  '11-003': 'Natural language in the Outline entries cannot be determined.',
  '11-004': 'Natural language in the Contents entry for annotations cannot be determined.',
  '11-006': 'Natural language for document metadata cannot be determined.',
  '13-004': 'Figure tag alternative or replacement text missing.',
  '14-002': 'Does use numbered headings, but the first heading tag is not H1.',
  '14-003': 'Numbered heading levels in descending sequence are skipped (Example: H3 follows directly after H1).',
  '14-007': 'Document uses both H and H# tags.',
  '15-003': 'In a table not organized with Headers attributes and IDs, a TH cell does not contain a Scope attribute.',
  '19-003': 'ID entry of the Note tag is not present.',
  '19-004': 'ID entry of the Note tag is non-unique.',
  '26-001': 'The file is encrypted but does not contain a P entry in its encryption dictionary.',
  '28-002': 'An annotation, other than of subtype Widget, Link and PrinterMark, is not a direct child of an Annot structure element.',
  '28-008': 'A page containing an annotation does not contain a Tabs entry.',
  '28-009': 'A page containing an annotation has a Tabs entry with a value other than S.',
  '28-010': 'A widget annotation is not nested within a Form tag.',
  '28-011': 'A link annotation is not nested within a Link tag.',
  '28-012': 'A link annotation does not include an alternate description in its Contents entry.',
  '30-001': 'A reference XObject is present.',
  '31-004': 'A Type 2 CID font contains neither a stream nor the name Identity as the value of the CIDToGIDMap entry.',
  '31-005': 'A Type 2 CID font does not contain a CIDToGIDMap entry.',
  '31-009': 'For a font used by text intended to be rendered the font program is not embedded.',
  '31-027':
    'A font dictionary does not contain the ToUnicode entry and none of the following is true: the font uses MacRomanEncoding, MacExpertEncoding or WinAnsiEncoding; the font is a Type 1 or Type 3 font and the glyph names of the glyphs referenced are all contained in the Adobe Glyph List or the set of named characters in the Symbol font; the font is a Type 0 font, and its descendant CIDFont uses Adobe-GB1, Adobe-CNS1, Adobe-Japan1 or Adobe-Korea1 character collections; the font is a non-symbolic TrueType font.',
  '31-028': 'One or more Unicode values specified in the ToUnicode CMap are zero (0).',
  // ISO 32000-1 (PDF 1.7), whose architectural limits every reader may hold a file to.
  'PDF 1.7 Annex C': 'Length of a name: at most 127 bytes (ISO 32000-1, Annex C, Table C.1, architectural limits).',
  // ISO 19005-2, by clause.
  'PDF/A-2 6.1.2': 'The file header shall begin at byte zero and shall consist of "%PDF-1.n" followed by a single EOL marker, where \'n\' is a single digit number between 0 (30h) and 7 (37h); the header line shall be immediately followed by a comment consisting of a % character followed by at least four characters, each of whose encoded byte values shall have a decimal value greater than 127.',
  'PDF/A-2 6.1.3 ID': 'The file trailer dictionary shall contain the ID keyword whose value shall be File Identifiers as defined in ISO 32000-1:2008, 14.4.',
  'PDF/A-2 6.1.3 Encrypt': 'The Encrypt key shall not be present in the trailer dictionary.',
  'PDF/A-2 6.1.13': 'A conforming file shall not contain any data that exceed the implementation limits of ISO 32000-1, Annex C: no name longer than 127 bytes.',
  'PDF/A-2 6.2.3': 'If a file uses device-dependent colour spaces, it shall contain a PDF/A OutputIntent with an embedded ICC profile (DestOutputProfile).',
  'PDF/A-2 6.2.11.4': 'The font programs for all fonts used for rendering within a conforming file shall be embedded within that file.',
  'PDF/A-2 6.3.2': 'Except for annotation dictionaries whose Subtype value is Popup, all annotation dictionaries shall contain the F key; the Print flag shall be set to 1 and the Hidden, Invisible, ToggleNoView and NoView flags to 0.',
  'PDF/A-2 6.6.1': 'The JavaScript action and any other action not permitted by ISO 19005-2 shall not be present.',
  'PDF/A-2 6.6.2.1': 'The Catalog dictionary of a conforming file shall contain the Metadata key whose value is a metadata stream, not filtered.',
  'PDF/A-2 6.6.3': 'The document information dictionary entries shall be equivalent to the corresponding XMP properties (Title: dc:title, Author: dc:creator, Subject: dc:description, Keywords: pdf:Keywords).',
  'PDF/A-2 6.6.4': 'The PDF/A version and conformance level of a file shall be specified using the PDF/A Identification extension schema (pdfaid:part 2, pdfaid:conformance B).'
} as const;

/** A condition's key: a Matterhorn failure condition (`13-004`) or a PDF/A-2 clause. */
export type ConditionId = keyof typeof conditions;
