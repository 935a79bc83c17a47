import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceServer, type FaultOptions, type ReferenceServer } from '../../reference/server.ts';
import { idsWith, readResults, runInProcess, seedCaseCount } from './support/cli-run.ts';
import { remainingFixtures, remainingMappings, runIdIn } from './support/reference-state.ts';

// Half the edition, every kind of case among it (on each source, with a precondition, a malformed
// body, a property): the n-th CreateEventSourceMapping meets the same fault in every run (the fault
// seed fixes the sequence), whichever case sends it, so each run meets its faults every time.
const CASES = '^(BatchSize|Enabled|StartingPosition|Duplicate|Body)/';
const allCases = seedCaseCount(CASES);
let server: ReferenceServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * Runs CASES against a reference server that injects faults into CreateEventSourceMapping. A
 * property case draws one value: the faults meet it as they meet an example case, and ten values
 * each doubled the requests.
 */
async function runWithFaults(faults: FaultOptions, ...args: string[]) {
  server = await startReferenceServer({ faults: { seed: 7, ...faults } });
  const run = await runInProcess(['--target', server.url, '--grep', CASES, '--property-runs', '1', ...args]);
  const report = readResults(run);
  // Whatever the target did, the run ends by itself with every case accounted for and nothing left behind.
  expect(report.complete).toBe(true);
  expect(report.summary.total).toBe(allCases);
  expect(report.cases).toHaveLength(allCases);
  expect(await remainingMappings(server.url)).toEqual([]);
  expect(await remainingFixtures(server.url, runIdIn(run.stderr))).toEqual([]);
  return { run, report };
}

describe('run against a faulty target', () => {
  it('loses no case to latency', async () => {
    const { run, report } = await runWithFaults({ latencyMs: 40 });
    expect(run.code).toBe(0);
    expect(report.summary.pass).toBe(allCases);
  });

  it('loses no case to throttling: it retries with backoff', async () => {
    // A short Retry-After keeps the test fast; that the transport honours it is tested in test/transport.
    const { run, report } = await runWithFaults({ throttleRate: 0.25, retryAfterSeconds: 0.05 });
    expect(run.code, run.stderr).toBe(0);
    expect(report.summary.pass).toBe(allCases);
    expect(report.cases.some((result) => result.attempts > 1)).toBe(true);
  });

  it('reports server errors as failures of the cases that met them', async () => {
    const { run, report } = await runWithFaults({ errorRate: 0.1 });
    expect(run.code).toBe(1);
    const failed = report.cases.filter((result) => result.outcome === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const result of failed) expect(result.response?.status).toBe(500);
    // Which requests meet an error follows the order the cases are sent in: a duplicate case whose
    // first request met one could not be judged, and says so.
    const unjudged = report.cases.filter((result) => result.outcome === 'error');
    for (const result of unjudged) expect(result.reasons).toEqual([expect.objectContaining({ check: 'precondition', message: expect.stringContaining('500') })]);
    expect(report.summary.pass + report.summary.fail + unjudged.length).toBe(allCases);
  });

  it('reports connection resets as cases that could not be judged', async () => {
    const { run, report } = await runWithFaults({ resetRate: 0.1 });
    expect(run.code).toBe(1);
    const errors = report.cases.filter((result) => result.outcome === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const result of errors) expect(result.reasons[0]?.message).toMatch(/connection-reset|other/);
  });

  it('fails malformed answers and still deletes the mappings it could not read', async () => {
    const { run, report } = await runWithFaults({ malformedRate: 0.15 });
    expect(run.code).toBe(1);
    expect(idsWith(report, 'fail').length).toBeGreaterThan(0);
  });

  it('gives up on a request that never gets an answer after --timeout', async () => {
    const { run, report } = await runWithFaults({ hangRate: 0.05 }, '--timeout', '800');
    expect(run.code).toBe(1);
    const errors = report.cases.filter((result) => result.outcome === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const result of errors) expect(result.reasons[0]?.message).toMatch(/timeout/);
  });
});
