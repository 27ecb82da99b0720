import { defineConfig } from 'vitest/config';

/**
 * The browser journeys (`npm run test:e2e`): the real server as a child
 * process, Debian's Chromium through playwright-core. One file at a time in
 * one fork; a first run may build dist/ in a hook, hence the long timeouts.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
});
