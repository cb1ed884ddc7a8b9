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
    maxWorkers: 4,
    // `npm run coverage` (and .ci/run): lines of src/ run in the test processes, at least 90 %.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text', 'text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      // The numbers are worth seeing when a test fails too.
      reportOnFailure: true,
      // Measured 90.2 % (3742 of 4148 lines) on 2 December 2026. Code that runs only in
      // the CLI's child processes is not counted (about 230 lines of src/cli/ and
      // src/cli.ts), nor the bundles the HTML stage's thread runs: their tests go
      // through real processes, which in-process V8 coverage does not see.
      thresholds: {lines: 90}
    }
  }
});
