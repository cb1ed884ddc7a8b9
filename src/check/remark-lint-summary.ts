import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Root} from 'mdast';
import type {Plugin} from 'unified';
import {reportWarning} from '../messages.js';
import {templateDir} from '../template-dir.js';

/** Whether each template folder asks for a summary, read once. */
const requirements = new Map<string, Promise<boolean>>();

/**
 * Whether a template needs a summary box: its `template.json` says `"summary": "required"`.
 * A template that shows a summary when there is one, as the bundled ones do, does not.
 *
 * @param {string} nameOrDir
 *   Template name or folder.
 * @returns {Promise<boolean>}
 *   Whether a document without a summary is incomplete for it.
 */
export function templateRequiresSummary(nameOrDir: string): Promise<boolean> {
  const file = path.join(templateDir(nameOrDir), 'template.json');
  let found = requirements.get(file);
  if (!found) {
    found = readFile(file, 'utf8').then(
      (text) => (JSON.parse(text) as {summary?: unknown}).summary === 'required',
      // A missing or broken template is reported by the processor.
      () => false
    );
    requirements.set(file, found);
  }
  return found;
}

/**
 * Warn when a briefing has no summary box, for a template that requires one: neither
 * a `:::summary` block at the top level nor a `summary` list in the front matter. Reads
 * `file.data.matter` and `file.data.settings`, so it runs after the processor; quiet
 * when the front matter itself is broken (that is reported).
 *
 * @returns
 *   Transform.
 */
export const remarkLintSummary: Plugin<[], Root> = function () {
  return async function (tree, file) {
    if (file.messages.some((message) => message.fatal && message.ruleId?.startsWith('front-matter'))) return;
    if (file.data.matter?.summary?.length) return;
    if (tree.children.some((node) => node.type === 'containerDirective' && node.name === 'summary')) return;
    const template = file.data.settings?.template;
    if (template === undefined || !(await templateRequiresSummary(template))) return;
    const body = tree.children.find((node) => node.type !== 'yaml');
    reportWarning(
      file,
      `Missing summary, expected a \`:::summary\` box of key points (or a \`summary\` list in the front matter): the template \`${template}\` requires one`,
      body?.position?.start ?? {line: 1, column: 1},
      'summary-missing'
    );
  };
};
