import { defineConfig } from 'vitest/config';

/**
 * The reliability suites (issue 6): crash, multi, backup, security, fuzz —
 * each `npm run test:<name>`. They start real server processes (the build in
 * dist/, made by the first suite that needs it) and, with TEST_DATABASE_URL,
 * PostgreSQL databases of their own; one file at a time.
 */
export default defineConfig({
  test: {
    include: ['reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
