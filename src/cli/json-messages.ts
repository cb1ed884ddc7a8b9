import type {VFile} from 'vfile';
import {severity, sortMessages, type Severity} from '../messages/report.js';

/** One message as JSON: where, how bad, what. */
export interface JsonMessage {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly endLine?: number | undefined;
  readonly endColumn?: number | undefined;
  readonly severity: Severity;
  readonly reason: string;
  readonly ruleId?: string | undefined;
  readonly source?: string | undefined;
}

/**
 * A file's messages for `--json`, in the order `formatMessages` prints them.
 *
 * @param {VFile} file
 *   The manuscript.
 * @returns {JsonMessage[]}
 *   Plain objects.
 */
export function jsonMessages(file: VFile): JsonMessage[] {
  return sortMessages(file).map((message) => ({
    line: message.line,
    column: message.column,
    endLine: message.place && 'end' in message.place ? message.place.end.line : undefined,
    endColumn: message.place && 'end' in message.place ? message.place.end.column : undefined,
    severity: severity(message),
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source
  }));
}

