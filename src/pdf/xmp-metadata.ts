/** What the XMP packet says: the information dictionary's values, and which standards the file claims. */
export interface XmpFields {
  readonly title: string;
  readonly authors: readonly string[];
  readonly subject?: string | undefined;
  readonly keywords: readonly string[];
  readonly creator: string;
  readonly producer: string;
  readonly lang: string;
  readonly date: Date;
  /** PDF/A-2 level B, claimed beside PDF/UA-1. */
  readonly pdfA?: boolean | undefined;
}

/**
 * The document's XMP metadata packet (ISO 16684-1), the copy of the information
 * dictionary that PDF/UA-1 (`pdfuaid:part`, `dc:title`; Matterhorn 06-001..003) and PDF/A
 * require. Every value is the one the information dictionary gets, joined the same way
 * (authors and keywords by commas), so the two agree as PDF/A asks. Manuscript strings are
 * XML text (see `xmlText`), never markup. When PDF/A is claimed, the `pdfuaid` schema,
 * which PDF/A-2 does not predefine, is described in a PDF/A extension schema.
 *
 * @param {XmpFields} fields
 *   Values and claims.
 * @returns {string}
 *   The packet, UTF-8 text.
 */
export function xmpPacket(fields: XmpFields): string {
  const date = fields.date.toISOString().replace(/\.\d+Z$/, 'Z');
  const alt = (value: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(value)}</rdf:li></rdf:Alt>`;
  const properties = [
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(fields.title)}</dc:title>`,
    fields.authors.length > 0 ? `<dc:creator><rdf:Seq><rdf:li>${xmlText(fields.authors.join(', '))}</rdf:li></rdf:Seq></dc:creator>` : '',
    fields.subject ? `<dc:description>${alt(fields.subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xmlText(fields.lang)}</rdf:li></rdf:Bag></dc:language>`,
    fields.keywords.length > 0 ? `<pdf:Keywords>${xmlText(fields.keywords.join(', '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${xmlText(fields.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xmlText(fields.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<pdfuaid:part>1</pdfuaid:part>`,
    fields.pdfA ? `<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>` : '',
    fields.pdfA ? pdfUaExtensionSchema : ''
  ].filter(Boolean);
  return [
    // The packet header's id is the fixed one ISO 16684-1 gives; the empty begin is allowed.
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
    fields.pdfA
      ? ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
      : '>',
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>'
  ].join('\n');
}

/** The description PDF/A-2 requires of a schema it does not predefine: here `pdfuaid`. */
const pdfUaExtensionSchema = [
  '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
  '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
  '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
  '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
  '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
  '<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
  '<pdfaProperty:category>internal</pdfaProperty:category>',
  '<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>',
  '</rdf:li></rdf:Seq></pdfaSchema:property>',
  '</rdf:li></rdf:Bag></pdfaExtension:schemas>'
].join('\n');

/**
 * A string as XML character data, safe in element content and in attribute values: the
 * five markup characters escaped (so `<?xpacket`, `]]>` and `</x:xmpmeta>` stay text), and
 * every code point XML 1.0 cannot hold at all, not even as a reference (C0 controls
 * other than tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF) replaced
 * by U+FFFD. Carriage returns are written as references, which XML would otherwise turn
 * into line feeds.
 *
 * @param {string} value
 *   Any string.
 * @returns {string}
 *   Its XML text.
 */
export function xmlText(value: string): string {
  return value
    .replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"'\r]/g, (character) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;'})[character] ?? character);
}

/**
 * The metadata stream object's text in a PDF read as Latin-1 (one character a byte):
 * uncompressed, as PDF/A asks, so any tool can read it.
 *
 * @param {string} packet
 *   From `xmpPacket`.
 * @returns {string}
 *   `<< … >> stream … endstream`.
 */
export function metadataStream(packet: string): string {
  const bytes = Buffer.from(packet, 'utf8');
  return `<</Type /Metadata /Subtype /XML /Length ${bytes.length}>>\nstream\n${bytes.toString('latin1')}\nendstream`;
}
