import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Chromium and in Firefox, from the same scenario files
// (test/e2e/README.md). One project per browser; `--project chromium` or `--project firefox` runs one.
// One test file at a time within a browser (2-core machines).
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
    projects: (['chromium', 'firefox'] as const).map((name) => ({
      extends: true,
      test: { name, include: ['test/e2e/**/*.e2e.ts'], env: { E2E_BROWSER: name } },
    })),
  },
});
