import stringWidth from 'string-width';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import type {DocumentResult} from '../../src/build/build.js';
import {Progress} from '../../src/cli/progress.js';

/** A stand-in for standard error that keeps what is written. */
function stream(isTTY: boolean, columns = 100): {text: string; isTTY: boolean; columns: number; write(chunk: string): boolean} {
  return {
    text: '',
    isTTY,
    columns,
    write(chunk) {
      this.text += chunk;
      return true;
    }
  };
}

function result(input: string, ok: boolean, milliseconds: number, warnings = 0): DocumentResult {
  const file = new VFile({path: input});
  for (let i = 0; i < warnings; i++) file.message('Something doubtful', {place: {line: i + 1, column: 1}, ruleId: 'doubt', source: 'test'});
  if (!ok) file.message('Something wrong', {place: {line: 2, column: 3}, ruleId: 'wrong', source: 'test'}).fatal = true;
  const name = input.replace(/\.md$/, '');
  return ok
    ? {input, ok, outputs: [`out/${name}.pdf`], pages: 3, bytes: 80 * 1024, milliseconds, file}
    : {input, ok, outputs: [], milliseconds, file};
}

/** Run a batch of three through a progress display with a fake clock. */
function batch(progress: Progress, clock: {now: number}): void {
  const results = [result('a.md', true, 500, 1), result('b.md', false, 20), result('c.md', true, 700)];
  progress.start('a.md', 0, 3);
  progress.start('b.md', 1, 3);
  clock.now = 1000;
  // Finished out of order: b first.
  progress.document(results[1] as DocumentResult, 1);
  progress.start('c.md', 2, 3);
  clock.now = 2000;
  progress.document(results[0] as DocumentResult, 0);
  clock.now = 3500;
  progress.document(results[2] as DocumentResult, 2);
  progress.finish('out');
}

describe('Progress', () => {
  it('on a terminal: a live line, problems above it, then a table in batch order', () => {
    const terminal = stream(true);
    const clock = {now: 0};
    batch(new Progress(terminal, {now: () => clock.now}), clock);
    const screen = terminal.text.split('\r\u001B[2K').filter(Boolean);

    expect(screen[0]).toBe('0/3 · 0:00 elapsed · a.md');
    expect(screen).toContain('b.md:2:3: error Something wrong [wrong]\n✗ b.md: not built\n');
    expect(screen).toContain('1/3 · 0:01 elapsed · about 0:02 left · c.md');
    const table = screen.at(-1)?.split('\n');
    expect(table).toEqual([
      '  File  Pages   Size    Time  Warnings',
      '✓ a.md      3  80 KB  0.50 s         1',
      '✗ b.md      –      –  0.02 s         0',
      '✓ c.md      3  80 KB  0.70 s         0',
      '2 of 3 built, 1 failed, 1 warning, in 3.50 s → out',
      ''
    ]);
  });

  it('elsewhere: one plain line per document as it finishes, and a total', () => {
    const log = stream(false);
    const clock = {now: 0};
    batch(new Progress(log, {now: () => clock.now}), clock);
    expect(log.text.split('\n')).toEqual([
      'b.md:2:3: error Something wrong [wrong]',
      '✗ b.md: not built',
      'a.md:1:1: warning Something doubtful [doubt]',
      '✓ a.md → out/a.pdf (3 pages, 80 KB, 0.50 s)',
      '✓ c.md → out/c.pdf (3 pages, 80 KB, 0.70 s)',
      '2 of 3 built, 1 failed, 1 warning, in 3.50 s',
      ''
    ]);
  });

  it('with --quiet: only problems', () => {
    const log = stream(true);
    const clock = {now: 0};
    batch(new Progress(log, {quiet: true, now: () => clock.now}), clock);
    expect(log.text).toBe('b.md:2:3: error Something wrong [wrong]\n✗ b.md: not built\na.md:1:1: warning Something doubtful [doubt]\n');
  });

  it('keeps the live line within the terminal for wide names (CJK, emoji sequences, combining marks), and lines the table up by columns', () => {
    const names = ['北京会谈纪要-第二版-最终稿-修订.md', 'team-👩‍👩‍👧‍👦-🇯🇵-👍🏽-plan-notes.md', 'Re\u0301sume\u0301-cafe\u0301-na\u0308i\u0308ve-e\u0301te\u0301.md'];
    for (const columns of [32, 41, 57]) {
      const terminal = stream(true, columns);
      const clock = {now: 0};
      const progress = new Progress(terminal, {now: () => clock.now});
      names.forEach((name, index) => {
        progress.start(name, index, names.length);
        clock.now += 1000;
        progress.document(result(name, true, 100), index);
      });
      progress.finish('out');
      const screen = terminal.text.split('\r\u001B[2K').filter(Boolean);
      const live = screen.filter((chunk) => !chunk.includes('\n'));
      expect(live.length).toBeGreaterThanOrEqual(names.length);
      for (const line of live) {
        // One column spare, so the line never wraps.
        expect(stringWidth(line), line).toBeLessThanOrEqual(columns - 1);
        // With the u flag a pair reads as one code point: a match is a lone half.
        expect(/\p{Surrogate}/u.test(line)).toBe(false);
      }
      expect(live.some((line) => line.endsWith('…'))).toBe(true);
      const table = screen.at(-1)?.split('\n').slice(0, names.length + 1) ?? [];
      expect(new Set(table.map((row) => stringWidth(row)))).toEqual(new Set([stringWidth(table[0] ?? '')]));
      expect(table.slice(1).map((row) => row.slice(2, row.indexOf('.md') + 3))).toEqual(names);
    }
  });
});
