import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Chromium, one browser at a time (2-core machines).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
