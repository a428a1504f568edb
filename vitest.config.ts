import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // bench/smoke.test.ts: the benchmarks at CI size, so they cannot rot (the full runs are `npm run bench`).
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/smoke.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database suites are I/O bound and each file owns its database; two cores, so two workers.
    maxWorkers: 2,
  },
});
