import { defineConfig } from 'vitest/config';

// The project's own tests. The conformance suites in suites/ are run by `lambda-esm-conformance run`
// with a configuration of their own, never by `npm test` directly.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
