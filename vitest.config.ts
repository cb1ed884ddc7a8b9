import {configDefaults, defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // The corpus checks build third-party documents from outside the repository: `npm run test:corpus`.
    exclude: [...configDefaults.exclude, 'tests/corpus/**'],
    // The HTML stage runs bundled, in its own thread, and the CLI tests run dist/cli.js:
    // both are bundled from src/ first, so `vitest` alone tests the sources.
    globalSetup: ['tests/global-setup.ts'],
    // The end-to-end and CLI tests start real Chromium processes and print real PDFs.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Files run in parallel; each browser-using file builds once in `beforeAll` (or runs its
    // CLI cases one after another), so only a few Chromium processes run at any time.
    maxWorkers: 4
  }
});
