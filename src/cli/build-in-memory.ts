import path from 'node:path';
import type {VFile} from 'vfile';
import type {DocumentResult} from '../build/build.js';
import type {Settings} from '../config/config.js';
import type {Matter} from '../manuscripts/matter-schema.js';
import {formatMessages} from '../messages/report.js';
import {projectConfig} from './project-config.js';
import {flagsToSettings, type SettingFlags} from './build-options.js';

/** One manuscript built in memory for `email` or `print`, with what it needs downstream. */
export interface BuiltBriefing {
  readonly document: DocumentResult;
  /** File name for its outputs, without extension (`stdin` for standard input). */
  readonly name: string;
  readonly matter: Matter;
  readonly pdf: Uint8Array;
  readonly html: string;
  readonly settings: Settings;
}

/**
 * Build one manuscript in memory (PDF and HTML, nothing written), printing its messages.
 * Used by `briefing email` and `briefing print`, which write or send the result
 * themselves.
 *
 * @param {string} input
 *   The manuscript.
 * @param {SettingFlags} values
 *   The document flags.
 * @param {{edition?: 'print', signal: AbortSignal, review?: Function}} options
 *   A forced edition (print), the interruption signal, and a function that may add
 *   messages about the built manuscript before they are printed.
 * @returns {Promise<BuiltBriefing | undefined>}
 *   The briefing, or undefined when it could not be built (its messages are printed).
 */
export async function buildInMemory(
  input: string,
  values: SettingFlags,
  options: {edition?: 'print' | undefined; signal: AbortSignal; review?: ((file: VFile, matter: Matter, settings: Settings) => void) | undefined}
): Promise<BuiltBriefing | undefined> {
  const flags = flagsToSettings(values);
  const config = await projectConfig(values);
  const [{build}, {resolveSettings}] = await Promise.all([import('../build/build.js'), import('../config/config.js')]);
  const settings = resolveSettings({
    config: config.settings,
    flags: {...flags, ...(options.edition && flags.edition === undefined ? {edition: options.edition} : {}), formats: ['pdf', 'html']}
  });
  const report = await build([input], {settings, write: false, signal: options.signal});
  const [document] = report.documents;
  if (!document) return undefined;
  const {matter} = document.file.data;
  // The command's own remarks on the manuscript are printed with the build's, in place.
  if (document.ok && matter) options.review?.(document.file, matter, settings);
  const messages = formatMessages([document.file]);
  if (messages && !(values.quiet && document.ok)) process.stderr.write(`${messages}\n`);
  if (!document.ok || !document.pdf || document.html === undefined || !matter) return undefined;
  const name = document.input === '<stdin>' ? 'stdin' : path.basename(document.input, path.extname(document.input));
  return {document, name, matter, pdf: document.pdf, html: document.html, settings};
}
