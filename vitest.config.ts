import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    // The machine has two cores; one worker per core at most.
    maxWorkers: 2,
    // Tests that build whole meetings and Word files take seconds on a busy two-core machine; this bounds a hang, it times nothing.
    testTimeout: 30_000,
  },
});
