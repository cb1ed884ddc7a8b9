import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {reportError, reportWarning} from '../../src/messages/messages.js';
import {countMessages, escapeControl, formatCounts, formatMessages, severity, sortMessages} from '../../src/messages/report.js';

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

describe('sortMessages', () => {
  it('puts messages without a place first, then by line and column, and at one place errors before warnings before infos', () => {
    const file = new VFile({path: 'a.md'});
    file.info('note here', {place: {line: 2, column: 3}, ruleId: 'n'});
    reportWarning(file, 'doubt here', {line: 2, column: 3}, 'w');
    reportError(file, 'wrong here', {line: 2, column: 3}, 'e');
    reportWarning(file, 'later', {line: 10, column: 1}, 'w');
    file.message('nowhere');
    reportWarning(file, 'earlier', {line: 2, column: 1}, 'w');
    expect(sortMessages(file).map((message) => message.reason)).toEqual(['nowhere', 'earlier', 'wrong here', 'doubt here', 'note here', 'later']);
    // The file's own list is left in the order the messages were made.
    expect(file.messages[0]?.reason).toBe('note here');
    expect(formatMessages([file]).split('\n').map((line) => line.slice(line.indexOf(' ') + 1))).toEqual([
      'warning nowhere',
      'warning earlier [w]',
      'error wrong here [e]',
      'warning doubt here [w]',
      'info note here [n]',
      'warning later [w]'
    ]);
  });
});

describe('severity', () => {
  it('reads fatal as error, not fatal as warning, unset as info', () => {
    const file = new VFile();
    const error = file.message('a');
    error.fatal = true;
    expect([severity(error), severity(file.message('b')), severity(file.info('c'))]).toEqual(['error', 'warning', 'info']);
  });
});

describe('countMessages and formatCounts', () => {
  it('count errors, warnings and infos of one file or several', () => {
    const a = new VFile({path: 'a.md'});
    const b = new VFile({path: 'b.md'});
    reportError(a, 'Bad', {line: 1, column: 1}, 'e');
    reportWarning(a, 'Doubtful', {line: 2, column: 1}, 'w');
    reportWarning(b, 'Doubtful', {line: 2, column: 1}, 'w');
    b.info('Note');
    expect(countMessages(a)).toEqual({errors: 1, warnings: 1, infos: 0});
    expect(countMessages([a, b])).toEqual({errors: 1, warnings: 2, infos: 1});
    expect(countMessages([])).toEqual({errors: 0, warnings: 0, infos: 0});
  });

  it('say the problems in words for a summary line, leaving infos out', () => {
    expect(formatCounts({errors: 1, warnings: 2, infos: 5})).toBe('1 error, 2 warnings');
    expect(formatCounts({errors: 3, warnings: 0, infos: 0})).toBe('3 errors');
    expect(formatCounts({errors: 0, warnings: 1, infos: 0})).toBe('1 warning');
    expect(formatCounts({errors: 0, warnings: 0, infos: 2})).toBe('');
  });
});
