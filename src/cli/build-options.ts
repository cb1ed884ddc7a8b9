import {editions, formats, maxConcurrency, papers, pdfStandards, type Edition, type Format, type Paper, type PdfStandard, type SettingsLayer} from '../config/config.js';
import {commonOptions, UsageError, type FlagValues, type OptionTable} from './arguments.js';

/** The flags that shape a document, taken by `build`, `email` and `print`. */
export const documentOptions = {
  ...commonOptions,
  'out-dir': {type: 'string', short: 'o'},
  paper: {type: 'string', short: 'p'},
  edition: {type: 'string', short: 'e'},
  'pdf-standard': {type: 'string'},
  template: {type: 'string', short: 't'},
  timeout: {type: 'string'},
  browser: {type: 'string'}
} satisfies OptionTable;

/** The flags that choose a batch's outputs, taken by `build` (`email` and `print` make both formats, one at a time). */
export const outputOptions = {
  format: {type: 'string', short: 'f'},
  concurrency: {type: 'string', short: 'j'}
} satisfies OptionTable;

/** Parsed document and output flags, and whether the one output goes to standard output. */
export type SettingFlags = FlagValues<typeof documentOptions & typeof outputOptions> & {readonly stdout?: boolean | undefined};

/**
 * The flags as a settings layer; a flag not given is `undefined`, so it overrides nothing.
 *
 * @param {SettingFlags} values
 *   Parsed flags.
 * @returns {SettingsLayer}
 *   The top layer.
 */
export function flagsToSettings(values: SettingFlags): SettingsLayer {
  const paper = values.paper?.toLowerCase();
  if (paper !== undefined && !(papers as readonly string[]).includes(paper)) throw new UsageError(`Unknown paper \`${values.paper}\`, expected ${papers.join(' or ')}`);
  const edition = values.edition?.toLowerCase();
  if (edition !== undefined && !(editions as readonly string[]).includes(edition)) {
    throw new UsageError(`Unknown edition \`${values.edition}\`, expected ${editions.join(' or ')}`);
  }
  const standard = values['pdf-standard']?.toLowerCase();
  if (standard !== undefined && !(pdfStandards as readonly string[]).includes(standard)) {
    throw new UsageError(`Unknown PDF standard \`${values['pdf-standard']}\`, expected ${pdfStandards.join(' or ')}`);
  }
  let list = values.format?.split(',').map((item) => item.trim().toLowerCase());
  const unknown = list?.find((item) => !(formats as readonly string[]).includes(item));
  if (unknown !== undefined) throw new UsageError(`Unknown format \`${unknown}\`, expected pdf, html or pdf,html`);
  if (values.stdout) {
    list ??= ['pdf'];
    if (new Set(list).size !== 1) throw new UsageError('--stdout writes one output; choose --format pdf or --format html');
  }
  const timeout = values.timeout;
  if (timeout !== undefined && !(Number(timeout) > 0)) throw new UsageError(`Invalid --timeout \`${timeout}\`, expected seconds above 0`);
  const concurrency = values.concurrency;
  const workers = Number(concurrency);
  if (concurrency !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= maxConcurrency)) {
    throw new UsageError(`Invalid --concurrency \`${concurrency}\`, expected a whole number from 1 to ${maxConcurrency}`);
  }
  return {
    outDir: values['out-dir'],
    paper: paper as Paper | undefined,
    edition: edition as Edition | undefined,
    pdfStandard: standard as PdfStandard | undefined,
    formats: list as Format[] | undefined,
    template: values.template,
    timeout: timeout === undefined ? undefined : Math.round(Number(timeout) * 1000),
    concurrency: concurrency === undefined ? undefined : workers,
    browser: values.browser,
    strict: values.strict,
    root: values.root
  };
}
