import { describe, expect, it } from 'vitest';
import { startReferenceServer } from '../../reference/server.ts';
import { idsWith, readResults, runCli, seedCaseCount } from './support/cli-run.ts';
import { functionsCreatedIn, remainingFixtures, remainingMappings, runIdIn } from './support/reference-state.ts';
import { RUN_TEST_TIMEOUT_MS } from '../support/time-bounds.ts';

const allCases = seedCaseCount();

// SIGTERM makes the same promise with 143 through the same handler, which run-hostile's runs stopped
// by it hold (against a target that hangs, and one that trickles CreateFunction): one signal here.
describe('a run stopped by SIGINT', () => {
  it('writes the report of what it judged, deletes everything it created and exits 130', async () => {
    // Latency keeps the run going long enough to be stopped part-way.
    const server = await startReferenceServer({ faults: { latencyMs: 150 } });
    try {
      let sent = false;
      // One value per property case: they start first, and chains of ten at 150 ms would keep the tenth judged case waiting for seconds.
      const run = await runCli(['--target', server.url, '--concurrency', '2', '--property-runs', '1'], {
        watch: (stdout, kill) => {
          if (!sent && new RegExp(`\\[ *10/${allCases}\\]`).test(stdout)) {
            sent = true;
            kill('SIGINT');
          }
        },
      });
      expect(sent).toBe(true);
      expect(run.code).toBe(130);
      const report = readResults(run);
      expect(report.complete).toBe(false);
      expect(report.interruption).toMatch(/interrupted/i);
      expect(report.cases).toHaveLength(allCases);
      expect(idsWith(report, 'pass').length).toBeGreaterThanOrEqual(10);
      expect(idsWith(report, 'skip').length).toBeGreaterThan(0);
      expect(idsWith(report, 'fail')).toEqual([]);
      expect(await remainingMappings(server.url)).toEqual([]);
      // Both functions (one per request in flight) were made, and are gone with the rest.
      const runId = runIdIn(run.stderr);
      expect(functionsCreatedIn(run.stderr).sort()).toEqual([`lesm-${runId}-fn`, `lesm-${runId}-fn2`]);
      expect(await remainingFixtures(server.url, runId)).toEqual([]);
    } finally {
      await server.close();
    }
  }, RUN_TEST_TIMEOUT_MS);
});
