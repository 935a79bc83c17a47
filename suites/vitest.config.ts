import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The conformance cases as one vitest run: npx vitest run --config node_modules/lambda-esm-conformance/suites/vitest.config.ts
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['suites/create-event-source-mapping.suite.ts'],
    // The AWS SDK's Node 22 notice is noise for the release the lockfile pins (see bin/lambda-esm-conformance.js).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
