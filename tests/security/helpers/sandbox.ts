import {randomBytes} from 'node:crypto';
import {mkdir, mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

// Sandboxes: a project folder (the working directory and root of a build) and a folder
// outside it holding secrets that no output may ever carry.

export interface Sandbox {
  /** The temporary folder holding both. */
  readonly base: string;
  /** The project: working directory and image root of the build. */
  readonly project: string;
  /** A sibling of the project: nothing in it may reach an output. */
  readonly outside: string;
  /** A random string written into every secret; it must never appear in an output. */
  readonly token: string;
  dispose(): Promise<void>;
}

/**
 * Make a fresh sandbox under the system temporary folder (real path: symlink checks
 * compare real paths).
 *
 * @param label
 *   Part of the folder name, for debugging.
 * @returns
 *   The sandbox.
 */
export async function sandbox(label: string): Promise<Sandbox> {
  const base = await realpath(await mkdtemp(path.join(tmpdir(), `briefing-security-${label}-`)));
  const project = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  await mkdir(project, {recursive: true});
  await mkdir(outside, {recursive: true});
  return {
    base,
    project,
    outside,
    token: `SECRET${randomBytes(12).toString('hex').toUpperCase()}`,
    dispose: () => rm(base, {recursive: true, force: true, maxRetries: 3})
  };
}

/** Front matter with only a title, and the body after it: the body starts on line 5. */
export function manuscript(title: string, body: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`;
}
