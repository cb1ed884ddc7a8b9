import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Plugin} from 'unified';
import {lintRule, type Label, type Rule, type Severity} from 'unified-lint-rule';
import type {Node} from 'unist';
import {packageRoot} from '../../util/package-root.js';

/** How loud a rule is: `'off'` or `0`, `'warn'`/`'on'` or `1`, `'error'` or `2` (unified-lint-rule's levels). */
export type Level = Label | Severity | boolean;

/** What `.use(rule, config)` takes: options, a level, or `[level, options]` as in remark-lint. */
export type RuleConfig<Options> = Options | Level | [Level, Options?];

/** Where a rule is documented: its section of the README that ships with the package. */
const readme = pathToFileURL(path.join(packageRoot, 'README.md')).href;

/**
 * Make a `briefing check` rule with unified-lint-rule: every message the rule reports gets
 * the origin `briefing-lint:<id>` (so `ruleId` is `<id>` and `source` is `briefing-lint`),
 * a `url` to the rule's section of the README (`README.md#<id>`) and the rule's severity.
 * unified-lint-rule itself starts every rule as a warning; a rule here brings its own
 * default (an unclosed block breaks the output, so it is an error), which a level in the
 * config (`'off'`, `'warn'`, `'error'`, or `[level, options]`) still overrides.
 *
 * @param meta
 *   The rule's id (the README's anchor too) and its default severity.
 * @param rule
 *   `(tree, file, options) => void`: reports with `file.message(reason, {place})`.
 * @returns
 *   A unified plugin.
 */
export function briefingLintRule<Tree extends Node, Options = undefined>(
  meta: {readonly id: string; readonly severity: 'error' | 'warn'},
  rule: Rule<Tree, Options>
): Plugin<[RuleConfig<Options>?], Tree> {
  const plugin = lintRule<Tree, Options>({origin: `briefing-lint:${meta.id}`, url: ruleUrl(meta.id)}, rule);
  const withDefault = function (config?: RuleConfig<Options>) {
    return plugin(withSeverity(config, meta.severity));
  };
  Object.defineProperty(withDefault, 'name', {value: plugin.name});
  return withDefault as Plugin<[RuleConfig<Options>?], Tree>;
}

/**
 * Where a rule is documented.
 *
 * @param {string} id
 *   The rule's id.
 * @returns {string}
 *   A `file:` URL of the installed README, with the rule's section as its fragment.
 */
export function ruleUrl(id: string): string {
  return `${readme}#${id}`;
}

/**
 * The config as unified-lint-rule reads it, with the rule's default level where the
 * config names none (unified-lint-rule would take a bare level for options).
 *
 * @param config
 *   What was passed to `.use`.
 * @param severity
 *   The rule's default.
 * @returns
 *   `[level, options]`.
 */
function withSeverity<Options>(config: RuleConfig<Options> | undefined, severity: 'error' | 'warn'): [Level, Options?] {
  if (Array.isArray(config) && isLevel(config[0])) return config as [Level, Options?];
  if (isLevel(config)) return [config];
  return [severity, config as Options | undefined];
}

const levels: ReadonlySet<unknown> = new Set<unknown>([false, true, 0, 1, 2, 'off', 'on', 'warn', 'error']);

function isLevel(value: unknown): value is Level {
  return levels.has(value);
}
