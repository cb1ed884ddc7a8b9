/**
 * Case 3's reference, as a whole process: a plain unified chain (remark-parse,
 * remark-rehype, rehype-stringify) reads a Markdown file and writes its HTML, the least
 * a Markdown-to-HTML command does.
 *
 * Usage: node plain-chain.js <in.md> <out.html>
 */
import {readFileSync, writeFileSync} from 'node:fs';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: plain-chain <in.md> <out.html>');
const file = await unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).process(readFileSync(input, 'utf8'));
writeFileSync(output, String(file));
