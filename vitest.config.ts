import { defineConfig } from 'vitest/config';

// The project's own tests. The conformance suites in suites/ are run by `lambda-esm-conformance run`
// with a configuration of their own, never by `npm test` directly.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most files wait on servers and child processes rather than compute, so a third worker on
    // this 2-core machine overlaps those waits (vitest's default would be one worker).
    maxWorkers: 3,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // See bin/lambda-esm-conformance.js: the SDK's Node 22 notice is noise for a pinned release.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PACT_DO_NOT_TRACK: 'true' },
  },
});
