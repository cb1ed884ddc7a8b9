/**
 * briefing's library API. The CLI (`src/cli.ts`) is a thin shell over exactly these.
 */
export {build, type BuildHooks, type BuildOptions, type BuildReport, type DocumentResult} from './build/build.js';
export {check, type CheckOptions, type CheckReport, type CheckResult} from './check/check.js';
export {watch, type WatchOptions} from './build/watch.js';
export {createRenderer, Renderer, type CloseOptions, type Rendered, type RenderRequest} from './build/renderer.js';
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
  type Settings,
  type SettingsLayer
} from './config/config.js';
export {configFileName, ConfigError, loadConfig, type LoadConfigOptions, type ProjectConfig} from './config/config-file.js';
export {createManuscript, ManuscriptExistsError, type NewManuscriptOptions} from './manuscripts/new-manuscript.js';
export {createProcessor, type BriefingProcessor, type ProcessorOptions} from './pipeline/processor.js';
export {loadTemplate, templatesDir, type Template} from './html/template/load-template.js';
export {ChromiumProcess} from './pdf/chromium.js';
export {findBrowser, BrowserNotFoundError, type BrowserExecutable} from './pdf/find-browser.js';
export {matterKeys, type Author, type Matter} from './manuscripts/matter-schema.js';
export {composeEml, createEmailMessage, type EmailAddressing, type EmailInput, type EmailMessage} from './distribute/email-message.js';
export {DeliveryError, sendEmail} from './distribute/send-email.js';
export {PrintError, submitPrintJob, waitForPrintJob, type PrintJobOptions} from './distribute/print-job.js';
export {formatMessages} from './messages/report.js';
export {version} from './util/version.js';
