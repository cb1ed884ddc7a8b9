/**
 * briefing's library API. The CLI (`src/cli.ts`) is a thin shell over exactly these.
 */
export {build, type BuildHooks, type BuildOptions, type BuildReport, type DocumentResult} from './build.js';
export {check, type CheckOptions, type CheckReport, type CheckResult} from './check/check.js';
export {watch, type WatchOptions} from './watch.js';
export {createRenderer, Renderer, type CloseOptions, type Rendered, type RenderRequest} from './renderer.js';
export {findManuscripts, InputError, type BuildInput, type Manuscript} from './manuscripts.js';
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
} from './config.js';
export {configFileName, ConfigError, loadConfig, type LoadConfigOptions, type ProjectConfig} from './config-file.js';
export {createManuscript, ManuscriptExistsError, type NewManuscriptOptions} from './new-manuscript.js';
export {createProcessor, type BriefingProcessor, type ProcessorOptions} from './processor.js';
export {loadTemplate, templatesDir, type Template} from './html/load-template.js';
export {ChromiumProcess} from './print/chromium.js';
export {findBrowser, BrowserNotFoundError, type BrowserExecutable} from './print/find-browser.js';
export {matterKeys, type Author, type Matter} from './markdown/matter-schema.js';
export {composeEml, createEmailMessage, type EmailAddressing, type EmailInput, type EmailMessage} from './distribute/email-message.js';
export {DeliveryError, sendEmail} from './distribute/send-email.js';
export {PrintError, submitPrintJob, waitForPrintJob, type PrintJobOptions} from './distribute/print-job.js';
export {formatMessages} from './report.js';
export {version} from './version.js';
