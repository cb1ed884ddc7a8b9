import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {reportError, reportWarning} from '../../src/messages/messages.js';
import {escapeControl, formatMessages} from '../../src/messages/report.js';

describe('formatMessages', () => {
  it('formats path:line:column: severity reason [rule]', () => {
    const file = new VFile({path: 'manuscripts/x.md'});
    reportError(file, 'Unexpected thing, expected another', {line: 12, column: 3}, 'some-rule');
    expect(formatMessages([file])).toBe('manuscripts/x.md:12:3: error Unexpected thing, expected another [some-rule]');
  });

  it('tells errors, warnings and infos apart', () => {
    const file = new VFile({path: 'a.md'});
    reportError(file, 'Bad', {line: 1, column: 1}, 'e');
    reportWarning(file, 'Doubtful', {line: 2, column: 1}, 'w');
    file.info('Note', {place: {line: 3, column: 1}, ruleId: 'i'});
    expect(formatMessages([file]).split('\n')).toEqual(['a.md:1:1: error Bad [e]', 'a.md:2:1: warning Doubtful [w]', 'a.md:3:1: info Note [i]']);
  });

  it('sorts by line, then column', () => {
    const file = new VFile({path: 'a.md'});
    reportWarning(file, 'third', {line: 9, column: 1}, 'r');
    reportWarning(file, 'second', {line: 2, column: 7}, 'r');
    reportWarning(file, 'first', {line: 2, column: 3}, 'r');
    expect(formatMessages([file]).split('\n').map((line) => line.split(' ')[2])).toEqual(['first', 'second', 'third']);
  });

  it('uses the start of a position, and leaves out a missing place and rule', () => {
    const file = new VFile({path: 'a.md'});
    reportWarning(file, 'Ranged', {start: {line: 4, column: 5}, end: {line: 6, column: 1}}, 'r');
    file.message('Nowhere');
    expect(formatMessages([file]).split('\n')).toEqual(['a.md: warning Nowhere', 'a.md:4:5: warning Ranged [r]']);
  });

  it('keeps the files in the order given, and is empty without messages', () => {
    const a = new VFile({path: 'b.md'});
    const b = new VFile({path: 'a.md'});
    reportError(a, 'In b', {line: 1, column: 1}, 'r');
    reportError(b, 'In a', {line: 1, column: 1}, 'r');
    expect(formatMessages([a, b])).toBe('b.md:1:1: error In b [r]\na.md:1:1: error In a [r]');
    expect(formatMessages([new VFile({path: 'c.md'})])).toBe('');
    expect(formatMessages([])).toBe('');
  });
});

describe('escapeControl', () => {
  it('escapes C0 (newline and tab too), DEL and C1 controls, and leaves other text alone', () => {
    expect(escapeControl('a\u0000b\tc\nd\u001B[2Je\u007Ff\u0085g\u009Bh')).toBe('a\\x00b\\x09c\\x0ad\\x1b[2Je\\x7ff\\x85g\\x9bh');
    expect(escapeControl('Grüße, 北京 — “quoted” \\x1b')).toBe('Grüße, 北京 — “quoted” \\x1b');
  });

  it('keeps one message on one line whatever the file name and reason hold', () => {
    const file = new VFile({path: 'a\nb.md:1:1: error forged.md'});
    reportError(file, 'Bad \u001B]0;title\u0007 key\nsecond line', {line: 2, column: 1}, 'rule');
    expect(formatMessages([file])).toBe('a\\x0ab.md:1:1: error forged.md:2:1: error Bad \\x1b]0;title\\x07 key\\x0asecond line [rule]');
  });
});
