import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer, type RequestLogEntry } from '../../reference/server.ts';
import { readResults, runInProcess } from './support/cli-run.ts';

// A run paces itself against a target that limits Lambda's control plane as AWS does (the reference
// server with AWS timing: 15 requests per second, its default), with state durations short enough
// for npm test. The whole seed edition (about 500 requests at 15 per second) is measured by hand:
// see the README's "Pacing".

/** Example cases only (property cases send one value after another), about 80 requests in all. */
const SUBSET = ['--grep', '^(BatchSize|MaximumBatchingWindowInSeconds)/', '--property-runs', '0'];
const SHORT_STATES = { creatingMs: 0, deletingMs: 20, roleAssumableAfterMs: 0, policyPropagationMs: 0, functionPendingMs: 0 };

interface Arrival {
  readonly at: number;
  readonly entry: RequestLogEntry;
}

let server: ReferenceServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function limitedServer(): Promise<{ url: string; arrivals: Arrival[] }> {
  const arrivals: Arrival[] = [];
  server = await startReferenceServer({ awsTiming: SHORT_STATES, onRequest: (entry) => arrivals.push({ at: performance.now(), entry }) });
  return { url: server.url, arrivals };
}

describe('a run paces itself', () => {
  // The requests throttled while the limiter learns the target's rate are those in flight when the
  // target first says so: up to --concurrency. Two keep that share small in a run this short; the
  // full run at the default 8 is measured by hand.
  it('against the 15-per-second control plane: fewer than 5 % of its requests throttled, every case judged, and results.json counts them', async () => {
    const { url, arrivals } = await limitedServer();
    const run = await runInProcess(['--target', url, '--concurrency', '2', ...SUBSET]);
    expect(run.code, run.stderr).toBe(0);
    const { requests } = readResults(run);
    const throttledOnServer = arrivals.filter(({ entry }) => entry.status === 429).length;
    expect(throttledOnServer).toBeGreaterThan(0);
    expect(requests).toMatchObject({ throttled: throttledOnServer, retries: expect.any(Number), capRps: null });
    // The report is written while the fixtures are being deleted: those requests come after it.
    expect(requests?.requests).toBeGreaterThan(50);
    expect(requests?.requests).toBeLessThanOrEqual(arrivals.length);
    expect(throttledOnServer / arrivals.length).toBeLessThan(0.05);
    expect(requests?.apiCalls).toBe((requests?.requests ?? 0) - (requests?.retries ?? 0));
    expect(requests?.limiterWaitMs).toBeGreaterThan(0);
    // The summary counts every request, the deletion of the fixtures included.
    expect(run.stdout).toContain(`${arrivals.length - throttledOnServer} API calls: ${arrivals.length} requests sent, ${throttledOnServer} throttled (`);
  });

  it('--max-rps N: the target never sees more than N requests in a second, and none is throttled below its limit', async () => {
    const { url, arrivals } = await limitedServer();
    const maxRps = 10;
    const run = await runInProcess(['--target', url, '--max-rps', String(maxRps), '--grep', '^BatchSize/sqs/', '--property-runs', '0']);
    expect(run.code, run.stderr).toBe(0);
    expect(arrivals.filter(({ entry }) => entry.status === 429)).toEqual([]);
    // Answers are logged as they are sent: a second's window may hold one more than N, never many more.
    const times = arrivals.map(({ at }) => at);
    const busiest = Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 1000).length));
    expect(busiest).toBeLessThanOrEqual(maxRps + 2);
    const span = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    expect((times.length - 1) / span).toBeLessThanOrEqual(maxRps * 1.1);
    expect(readResults(run).requests?.capRps).toBe(maxRps);
    expect(run.stdout).toContain(`at most ${maxRps} requests per second.`);
  });
});
