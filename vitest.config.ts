import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that each run whole runs of the suite, longest first (seconds on this machine, warm).
 * vitest starts the longest files first by the durations it recorded; on a fresh clone (CI) it has
 * none and goes by file size, and a long file started last made the run 15 s longer on 2 workers.
 */
const LONGEST_FILES = [
  'test/run/run-hostile.test.ts',
  // 10-16 s from a fresh clone (4-5 s warm): its place is by the fresh clone's, which this order is for.
  'test/package/packed-install.test.ts',
  'test/reporters/html-browser.test.ts',
  'test/run/run-pacing.test.ts',
  'test/run/run-moto.test.ts',
  'test/run/run-aws-timing.test.ts',
  'test/pact/pact-verify.test.ts',
  'test/suites/vitest-adapter.test.ts',
  'test/run/run-faults.test.ts',
  'test/cli/cleanup.test.ts',
  'test/run/run-wrong-servers.test.ts',
  'test/run/run-gate.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const index = LONGEST_FILES.findIndex((name) => file.moduleId.endsWith(name));
      return index === -1 ? LONGEST_FILES.length : index;
    };
    const byRecord = await super.sort(files);
    // Once vitest has recorded every file's duration, its own order is the better one.
    const recorded = files.every((file) => this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`) !== undefined);
    return recorded ? byRecord : [...byRecord].sort((a, b) => rank(a) - rank(b));
  }
}


// The project's own tests. The vitest adapter in suites/ has a configuration of its own
// (suites/vitest.config.ts), which `npm test` runs only in a child process, from its test.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One worker per core of the 2-core machine the suite is timed on: a third made every file
    // slower under load, and the timeouts of the runs in it came from there.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
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
