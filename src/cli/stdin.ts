import {VFile} from 'vfile';
import {UsageError} from './arguments.js';

/**
 * Inputs as the library takes them: `-` becomes the manuscript read from standard input.
 *
 * @param {readonly string[]} inputs
 *   Positional arguments.
 * @param {AsyncIterable<Uint8Array | string>} stdin
 *   Where `-` is read from (standard input; a stand-in in tests).
 * @returns {Promise<Array<string | VFile>>}
 *   Paths and at most one in-memory file, named `<stdin>`.
 */
export async function readInputs(inputs: readonly string[], stdin: AsyncIterable<Uint8Array | string> = process.stdin): Promise<Array<string | VFile>> {
  if (inputs.filter((input) => input === '-').length > 1) throw new UsageError('Standard input (`-`) can be read only once');
  if (!inputs.includes('-')) return [...inputs];
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  const file = new VFile({path: '<stdin>', cwd: process.cwd(), value: Buffer.concat(chunks)});
  return inputs.map((input) => (input === '-' ? file : input));
}
