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
    // expect.poll waits up to 5 s unless a scenario says otherwise: a busy 2-core machine can take more
    // than vitest's default second to save settings through Firefox's background page. Scenarios that
    // promise a speed ("within a second") give their own timeout.
    expect: { poll: { timeout: 5000, interval: 100 } },
    projects: (['chromium', 'firefox'] as const).map((name) => ({
      extends: true,
      test: { name, include: ['test/e2e/**/*.e2e.ts'], env: { E2E_BROWSER: name } },
    })),
  },
});
