import { defineConfig } from 'vitest/config';

/**
 * Tests of the benchmark tooling itself (bench/**), kept out of the main suite (vitest.config.ts
 * includes src/ and test/ only) and free of databases: `npx vitest run --config bench/vitest.config.ts`.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/**/*.test.ts'],
    testTimeout: 10_000,
  },
});
