/**
 * The Typst peer, as a whole process: Node starts, loads the Typst Node compiler
 * (`@myriaddreamin/typst-ts-node-compiler`, a bench-only dependency), compiles a `.typ`
 * file to PDF with Typst's embedded fonts and writes it.
 *
 * Usage: node typst.js <main.typ> <out.pdf>
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';

interface NodeCompiler {
  pdf(by: {mainFilePath: string}, options?: {creationTimestamp?: number}): Uint8Array;
}

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: typst <main.typ> <out.pdf>');
// Imported by name at run time, so that the bench compiles before `bench/setup.sh` has installed it.
const compilerModule = '@myriaddreamin/typst-ts-node-compiler';
const {NodeCompiler} = (await import(compilerModule)) as {NodeCompiler: {create(options: {workspace: string}): NodeCompiler}};
const main = path.resolve(input);
const compiler = NodeCompiler.create({workspace: path.dirname(main)});
writeFileSync(output, compiler.pdf({mainFilePath: main}, {creationTimestamp: 0}));
