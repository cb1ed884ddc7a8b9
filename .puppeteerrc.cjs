/**
 * briefing never uses a browser that puppeteer downloads: it resolves an installed
 * Chrome/Chromium itself (see src/print/find-browser.ts). Skipping the download keeps
 * `npm ci` working offline and on machines where the download host is unreachable.
 * @type {import("puppeteer").Configuration}
 */
module.exports = {skipDownload: true};
