/** The sample briefing cut into its parts. */
interface SampleParts {
  readonly matter: string;
  readonly summary: string;
  readonly sections: readonly string[];
  readonly paragraphs: readonly string[];
  readonly headings: readonly string[];
}

function parts(sample: string): SampleParts {
  const matterEnd = sample.indexOf('\n---\n', 4) + 5;
  const body = sample.slice(matterEnd);
  const summaryEnd = body.indexOf('\n:::\n') + 5;
  const sections = body.slice(summaryEnd).trim().split(/\n(?=## )/);
  return {
    matter: sample.slice(0, matterEnd),
    summary: body.slice(0, summaryEnd),
    sections,
    paragraphs: sections.flatMap((section) => section.split(/\n\n+/).filter((block) => block && !block.startsWith('#'))),
    headings: sections.map((section) => /^## (.*)/.exec(section)?.[1] ?? 'Section')
  };
}

/**
 * A variant of the sample for a batch: its own title and date, and its sections in
 * another order, so no two documents of a batch are the same.
 *
 * @param {string} sample
 *   The sample manuscript.
 * @param {number} index
 *   Which variant.
 * @returns {string}
 *   A manuscript of about the sample's length.
 */
export function batchVariant(sample: string, index: number): string {
  const {matter, summary, sections} = parts(sample);
  const shift = index % sections.length;
  const day = String((index % 28) + 1).padStart(2, '0');
  const head = matter.replace(/^title: "(.*)"$/m, `title: "$1 (${index + 1})"`).replace(/^date: .*$/m, `date: 2025-06-${day}`);
  return `${head}\n${summary}\n${[...sections.slice(shift), ...sections.slice(0, shift)].join('\n\n')}\n`;
}

/**
 * A long manuscript made of the sample's paragraphs, as a long report is written:
 * numbered sections, each with a bullet list, a block quote, a table, a footnote and
 * reference links (some to definitions in other sections), a fenced code block now and
 * then, and subsections.
 *
 * @param {string} sample
 *   The sample manuscript.
 * @param {number} size
 *   Characters to reach.
 * @returns {string}
 *   The manuscript, just over `size` characters.
 */
export function longManuscript(sample: string, size: number): string {
  const {matter, summary, paragraphs, headings} = parts(sample);
  let text = `${matter}\n${summary}\n`;
  for (let index = 0; text.length < size; index++) {
    const paragraph = (offset: number): string => paragraphs[(index * 3 + offset) % paragraphs.length] as string;
    text += `## ${index + 1}. ${headings[index % headings.length]}\n\n`;
    text += `${paragraph(0)} See the background[^background] and [the readout][ref-${index}]; compare [section one][ref-0].[^n${index}]\n\n`;
    text += `- ${paragraph(1).slice(0, 120)}\n- The second point, with *emphasis* and **strong** words.\n- A third point about [trade][ref-${index}].\n\n`;
    text += `> ${paragraph(2).slice(0, 300)}\n> — a quoted source, ${index}\n\n`;
    text += `${paragraph(3)}\n\n| Item | ${index} | Change |\n| --- | ---: | --- |\n| Tariffs | ${index * 3}% | down |\n| Exports | ${index * 7} | up |\n\n`;
    if (index % 4 === 0) text += `\`\`\`text\n## not a heading, inside code\nvalue = ${index}\n\`\`\`\n\n`;
    if (index % 3 === 0) text += `### Detail ${index}\n\n${paragraph(4)}\n\n1. first\n2. second with \`code\`\n\n`;
    text += `${paragraph(5)}\n\n[^n${index}]: Note ${index}: ${paragraph(6).slice(0, 160)}\n\n`;
    text += `[ref-${index}]: https://example.org/readout/${index} "Readout ${index}"\n\n`;
    if (index === 0) text += '[^background]: A background note that every section refers to.\n\n';
  }
  return text;
}

/**
 * A long manuscript dense with block quotes and short lists, as field notes and
 * source-heavy briefings are written: the shape on which remark-parse slows down far
 * faster than the input grows (each closing container costs micromark the whole
 * document so far), as issue 7 measured.
 *
 * @param {string} sample
 *   The sample manuscript.
 * @param {number} size
 *   Characters to reach.
 * @returns {string}
 *   The manuscript, just over `size` characters.
 */
export function denseManuscript(sample: string, size: number): string {
  const {matter, summary, paragraphs, headings} = parts(sample);
  let text = `${matter}\n${summary}\n`;
  for (let section = 0; text.length < size; section++) {
    text += `## ${section + 1}. ${headings[section % headings.length]}\n\n`;
    for (let block = 0; block < 8; block++) {
      const words = (paragraphs[(section * 8 + block) % paragraphs.length] as string).slice(0, 90);
      text += `> ${words}, with *emphasis*.\n\nA note between the sources, ${section}.${block}.\n\n- first point\n- second point\n\n`;
    }
  }
  return text;
}
