import {Readable} from 'node:stream';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {UsageError} from '../../src/cli/arguments.js';
import {readInputs} from '../../src/cli/stdin.js';

/** Standard input as chunks, split inside a multi-byte character. */
function stdin(...chunks: Buffer[]): Readable {
  return Readable.from(chunks);
}

describe('readInputs', () => {
  it('passes paths through without reading standard input', async () => {
    let read = false;
    const untouched = {
      async *[Symbol.asyncIterator]() {
        read = true;
        yield Buffer.from('');
      }
    };
    expect(await readInputs(['a.md', 'folder', 'x/*.md'], untouched)).toEqual(['a.md', 'folder', 'x/*.md']);
    expect(read).toBe(false);
  });

  it('reads `-` into one file named <stdin>, in its place among the paths, bytes intact', async () => {
    const text = Buffer.from('# Grüße aus 北京\n', 'utf8');
    const inputs = await readInputs(['a.md', '-', 'b.md'], stdin(text.subarray(0, 8), text.subarray(8)));
    expect(inputs[0]).toBe('a.md');
    expect(inputs[2]).toBe('b.md');
    const file = inputs[1] as VFile;
    expect(file).toBeInstanceOf(VFile);
    expect(file.path).toBe('<stdin>');
    expect(String(file.value)).toBe('# Grüße aus 北京\n');
  });

  it('refuses to read standard input twice', async () => {
    await expect(readInputs(['-', 'a.md', '-'], stdin())).rejects.toThrow(UsageError);
    await expect(readInputs(['-', '-'], stdin())).rejects.toThrow('Standard input (`-`) can be read only once');
  });
});
