/**
 * briefing's library API. The CLI (`src/cli.ts`) is a thin shell over exactly these:
 * functions, their types, the errors they throw and the values settings are checked
 * against. Classes that are internals (the Chromium process, the renderer) are made by
 * the factories (`createRenderer`) and exported as types only.
 */
export {build, type BuildHooks, type BuildOptions, type BuildReport, type DocumentResult} from './build/build.js';
export {check, type CheckOptions, type CheckReport, type CheckResult} from './check/check.js';
export {watch, type WatchOptions} from './build/watch.js';
export {createRenderer, type CloseOptions, type Rendered, type Renderer, type RenderRequest} from './build/renderer.js';
export {findManuscripts, InputError, type BuildInput, type Manuscript} from './manuscripts/manuscripts.js';
export {
  defaults,
  editions,
  formats,
  maxConcurrency,
  papers,
  resolveSettings,
  SettingsError,
  type Edition,
  type EmailSettings,
  type Format,
  type Paper,
  type SettingOrigin,
  type Settings,
  type SettingsLayer,
  type SettingsLayers,
  type SettingValues
} from './config/config.js';
export {configFileName, ConfigError, loadConfig, type LoadConfigOptions, type ProjectConfig} from './config/config-file.js';
export {createManuscript, ManuscriptExistsError, type NewManuscriptOptions} from './manuscripts/new-manuscript.js';
export {createProcessor, type BriefingProcessor, type ProcessorOptions} from './pipeline/processor.js';
export {loadTemplate, templatesDir, type Template} from './html/template/load-template.js';
export {findBrowser, BrowserNotFoundError, type BrowserExecutable} from './pdf/find-browser.js';
export {matterKeys, type Author, type Matter} from './manuscripts/matter-schema.js';
export {composeEml, createEmailMessage, type EmailAddressing, type EmailInput, type EmailMessage} from './distribute/email-message.js';
export type {Summary} from './html/rehype-summary-data.js';
export {DeliveryError, sendEmail} from './distribute/send-email.js';
export {PrintError, submitPrintJob, waitForPrintJob, type PrintJobOptions} from './distribute/print-job.js';
export {formatMessages} from './messages/report.js';
export {version} from './util/version.js';
