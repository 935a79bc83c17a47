import { defineConfig } from 'vitest/config';

// The project's own tests. The conformance suites in suites/ are run by `lambda-esm-conformance run`
// with a configuration of their own, never by `npm test` directly.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // See bin/lambda-esm-conformance.js: the SDK's Node 22 notice is noise for a pinned release.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
