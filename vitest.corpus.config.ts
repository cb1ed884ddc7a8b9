import {defineConfig} from 'vitest/config';

// `npm run test:corpus`: the invariants on every document of the real-document corpus
// (BRIEFING_CORPUS, default ../shared/corpus). Kept apart from `vitest run`, which reads
// vitest.config.ts and excludes tests/corpus/.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/corpus/**/*.test.ts'],
    // One file: its builds are queued at once, two at a time, and each document's checks
    // wait for its own build, so a test's time includes its wait in the queue.
    testTimeout: 900_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
    reporters: ['default', './tests/corpus/markdown-reporter.ts']
  }
});
