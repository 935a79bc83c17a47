import { defineConfig } from 'vitest/config';

// The project's own tests. The vitest adapter in suites/ has a configuration of its own
// (suites/vitest.config.ts), which `npm test` runs only in a child process, from its test.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One worker per core of the 2-core machine the suite is timed on: a third made every file
    // slower under load, and the timeouts of the runs in it came from there.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // See bin/lambda-esm-conformance.js: the SDK's Node 22 notice is noise for a pinned release.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PACT_DO_NOT_TRACK: 'true' },
  },
});
