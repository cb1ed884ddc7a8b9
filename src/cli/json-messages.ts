import type {VFile} from 'vfile';

type VFileMessage = VFile['messages'][number];

/** One message as JSON: where, how bad, what. */
export interface JsonMessage {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly endLine?: number | undefined;
  readonly endColumn?: number | undefined;
  readonly severity: 'error' | 'warning' | 'info';
  readonly reason: string;
  readonly ruleId?: string | undefined;
  readonly source?: string | undefined;
}

/**
 * A file's messages for `--json`, sorted by place.
 *
 * @param {VFile} file
 *   The manuscript.
 * @returns {JsonMessage[]}
 *   Plain objects.
 */
export function jsonMessages(file: VFile): JsonMessage[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message: VFileMessage) => ({
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

/**
 * How bad a message is.
 *
 * @param {VFileMessage} message
 *   A message.
 * @returns {'error' | 'warning' | 'info'}
 *   Its severity, as `formatMessages` shows it.
 */
export function severity(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}
