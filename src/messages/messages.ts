import type {VFile} from 'vfile';
import type {Node, Point, Position} from 'unist';

/** Where a message points: a node, a position or a point. */
export type Place = Node | Position | Point | undefined;

/** Name under which briefing's own messages are reported. */
export const source = 'briefing';

/**
 * Report a problem that stops the output from being made. The message is recorded as
 * fatal instead of thrown, so every problem in a manuscript is reported in one run.
 *
 * @param {VFile} file
 *   The manuscript.
 * @param {string} reason
 *   What is wrong, and what was expected.
 * @param {Place} place
 *   Where it is wrong.
 * @param {string} ruleId
 *   Stable identifier of the check.
 * @returns {void}
 */
export function reportError(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, {...placeOptions(place), ruleId, source});
  message.fatal = true;
}

/**
 * Report a problem that the output survives (content dropped, a doubtful construct).
 *
 * @param {VFile} file
 *   The manuscript.
 * @param {string} reason
 *   What happened, and what to do instead.
 * @param {Place} place
 *   Where.
 * @param {string} ruleId
 *   Stable identifier of the check.
 * @returns {void}
 */
export function reportWarning(file: VFile, reason: string, place: Place, ruleId: string): void {
  file.message(reason, {...placeOptions(place), ruleId, source});
}

/**
 * Whether any fatal message was recorded on the file.
 *
 * @param {VFile} file
 *   The manuscript.
 * @returns {boolean}
 *   Whether the output must not be made.
 */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

function placeOptions(place: Place): {place?: Point | Position; ancestors?: Node[]} {
  if (!place) return {};
  if ('type' in place) return place.position ? {place: place.position} : {};
  return {place};
}
