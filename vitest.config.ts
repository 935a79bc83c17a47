import { defineConfig } from 'vitest/config';

// The project's own tests. The vitest adapter in suites/ has a configuration of its own
// (suites/vitest.config.ts), which `npm test` runs only in a child process, from its test.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One worker per core of the 2-core machine the suite is timed on: a third made every file
    // slower under load, and the timeouts of the runs in it came from there.
    maxWorkers: 2,
    // The files of a worker share its loaded modules instead of loading them again each (the AWS
    // SDK, ajv, undici, the spec): half the CPU of a run of every test. So no test may mock a
    // module (a dependency is passed in instead, as resolveCredentials' chain), and one that
    // changes the environment undoes it (vi.stubEnv, then vi.unstubAllEnvs).
    isolate: false,
    // A timeout only ends a test that hangs: with another process on a core, a test doing in-process
    // runs takes three times as long as alone, and must not fail for it. Tests that wait for whole runs
    // in child processes set test/support/time-bounds.ts RUN_TEST_TIMEOUT_MS; time bounds are relative (ibid.).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // See bin/lambda-esm-conformance.js: the SDK's Node 22 notice is noise for a pinned release.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PACT_DO_NOT_TRACK: 'true' },
  },
});
