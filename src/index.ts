/**
 * briefing's library API. The CLI (`src/cli.ts`) is a thin shell over exactly these.
 */
export {build, expandInputs, InputError, type BuildOptions, type BuildReport, type DocumentResult} from './build.js';
export {defaults, formats, papers, resolveSettings, SettingsError, type Format, type Paper, type Settings, type SettingsLayer} from './config.js';
export {createRenderer, Renderer, type Rendered, type RenderRequest} from './renderer.js';
export {createProcessor, type BriefingProcessor, type ProcessorOptions} from './processor.js';
export {loadTemplate, templatesDir, type Template} from './html/load-template.js';
export {ChromiumProcess} from './print/chromium.js';
export {findBrowser, BrowserNotFoundError, type BrowserExecutable} from './print/find-browser.js';
export {matterKeys, type Author, type Matter} from './markdown/matter-schema.js';
export {formatMessages} from './report.js';
export {version} from './version.js';
