/**
 * What crosses between the main thread and the HTML stage's worker thread
 * (`html-stage.ts`, `html-stage-worker.ts`): plain data, cloned on the way.
 */
import type {VFile} from 'vfile';
import type {Settings} from '../config/config.js';


/** What the worker is started with. */
export interface HtmlStageSetup {
  /** The run's settings, merged once (`resolveSettings`). */
  readonly settings: Settings;
  /** Make the print tab's copy of each page too (when PDFs are wanted). */
  readonly print: boolean;
}

/** A thread started before the run's settings were known gets them first (`html-thread.ts`). */
export interface HtmlThreadSetup {
  readonly type: 'setup';
  readonly setup: HtmlStageSetup;
}

/** What the main thread asks of the worker. */
export type HtmlStageRequest = {type: 'render'; id: number; path: string; cwd: string; value: string; lint: boolean} | {type: 'reload'};

/** The print copy of a page as it crosses the thread: fonts already sent are left out. */
export interface PortablePrintPage {
  readonly html: string;
  readonly fonts: Array<[string, Uint8Array]>;
}

/**
 * What the stage finds out about a manuscript besides its page, put on `file.data`: the
 * front matter, the document's settings, its summary box, the local files it read and
 * where its headings were written, and its links' words.
 */
export const stageDataKeys = ['matter', 'settings', 'summary', 'dependencies', 'headings', 'linkTexts'] as const;
export type HtmlStageData = Pick<VFile['data'], (typeof stageDataKeys)[number]>;

/** What the worker answers; `warm-up` it sends on its own, once, when it has started. */
export type HtmlStageResponse =
  | {
      id: number;
      type: 'rendered';
      html?: string | undefined;
      print?: PortablePrintPage | undefined;
      messages: PortableMessage[];
      data: HtmlStageData;
    }
  | {id: number; type: 'failed'; reason: string}
  | {type: 'warm-up'; page: PortablePrintPage | undefined};

/** vfile's message class, named without depending on `vfile-message` itself. */
type VFileMessage = VFile['messages'][number];

/**
 * The fields of a message that cross the worker thread, all of them but three: its
 * `ancestors` (syntax-tree nodes, with their parents, that cannot be cloned and mean
 * nothing outside the tree), `cause` (anything, not always cloneable) and `stack`.
 * `line`, `column`, `name` and `message` follow from `place` and `reason`.
 */
export const portableFields = ['place', 'ruleId', 'source', 'fatal', 'file', 'url', 'note', 'actual', 'expected'] as const;

/** A message on a manuscript, as it crosses the thread. */
export type PortableMessage = Pick<VFileMessage, 'reason' | (typeof portableFields)[number]>;

/**
 * A message as the worker thread sends it.
 *
 * @param {VFileMessage} message
 *   A message on the worker's copy of the manuscript.
 * @returns {PortableMessage}
 *   Its portable fields.
 */
export function toPortable(message: VFileMessage): PortableMessage {
  const portable: Record<string, unknown> = {reason: message.reason};
  for (const field of portableFields) portable[field] = message[field];
  return portable as PortableMessage;
}

/**
 * Put a message from the worker thread on the main thread's manuscript.
 *
 * @param {VFile} file
 *   The manuscript.
 * @param {PortableMessage} portable
 *   The message as it crossed.
 * @returns {VFileMessage}
 *   The message, now on `file`.
 */
export function fromPortable(file: VFile, portable: PortableMessage): VFileMessage {
  const message = file.message(portable.reason, {place: portable.place, ruleId: portable.ruleId, source: portable.source});
  message.fatal = portable.fatal;
  message.file = portable.file;
  message.url = portable.url;
  message.note = portable.note;
  message.actual = portable.actual;
  message.expected = portable.expected;
  return message;
}
