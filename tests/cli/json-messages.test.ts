import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {jsonMessages} from '../../src/cli/json-messages.js';
import {formatMessages} from '../../src/messages/report.js';

describe('jsonMessages', () => {
  it('gives each message its place, range, severity, reason, rule and source, sorted by place', () => {
    const file = new VFile({path: 'a.md'});
    file.info('A note', {place: {line: 9, column: 1}, ruleId: 'note', source: 'briefing'});
    file.message('Doubtful', {place: {start: {line: 2, column: 5}, end: {line: 3, column: 1}}, ruleId: 'doubt', source: 'briefing'});
    const error = file.message('Wrong', {place: {line: 2, column: 1}, ruleId: 'wrong', source: 'briefing'});
    error.fatal = true;
    file.message('Somewhere');

    expect(jsonMessages(file)).toEqual([
      {severity: 'warning', reason: 'Somewhere', line: undefined, column: undefined, endLine: undefined, endColumn: undefined, ruleId: undefined, source: undefined},
      {severity: 'error', reason: 'Wrong', line: 2, column: 1, endLine: undefined, endColumn: undefined, ruleId: 'wrong', source: 'briefing'},
      {severity: 'warning', reason: 'Doubtful', line: 2, column: 5, endLine: 3, endColumn: 1, ruleId: 'doubt', source: 'briefing'},
      {severity: 'info', reason: 'A note', line: 9, column: 1, endLine: undefined, endColumn: undefined, ruleId: 'note', source: 'briefing'}
    ]);
    // JSON leaves the missing fields out.
    expect(JSON.parse(JSON.stringify(jsonMessages(file)))[0]).toEqual({severity: 'warning', reason: 'Somewhere'});
  });

  it('lists the messages in the order formatMessages prints them, at one place errors first', () => {
    const file = new VFile({path: 'a.md'});
    file.info('Note', {place: {line: 4, column: 2}, ruleId: 'c'});
    file.message('Doubt', {place: {line: 4, column: 2}, ruleId: 'b'});
    file.message('Wrong', {place: {line: 4, column: 2}, ruleId: 'a'}).fatal = true;
    expect(jsonMessages(file).map((message) => `${message.severity} ${message.reason}`)).toEqual(['error Wrong', 'warning Doubt', 'info Note']);
    expect(formatMessages([file]).split('\n')).toEqual(['a.md:4:2: error Wrong [a]', 'a.md:4:2: warning Doubt [b]', 'a.md:4:2: info Note [c]']);
  });

  it('is empty for a file without messages', () => {
    expect(jsonMessages(new VFile({path: 'clean.md'}))).toEqual([]);
  });
});
