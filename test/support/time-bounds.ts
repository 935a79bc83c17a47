// Time bounds that hold on a loaded machine. A test that asserts a promise about time ("SIGTERM
// ends the run within 5 s", "close() does not wait for a hanging request") compares with the
// promise plus a baseline measured in the same test, right before, under the same load: the
// unavoidable work of the step (a process start, an honest request) that the promise does not
// cover and that the load stretches. A bound never drops the promise; how fast the product is
// goes to `npm run bench`, which compares with a baseline of its own run.
import { performance } from 'node:perf_hooks';

/** How much slower than its baseline the same work may be: the load can change between two measurements a moment apart. */
export const LOAD_FACTOR = 3;

/** The promised duration plus `factor` × the baseline: the bound a measured duration must stay under. */
export function boundMs(promisedMs: number, baselineMs: number, factor: number = LOAD_FACTOR): number {
  return promisedMs + factor * baselineMs;
}

/** What `work` gave, and the wall-clock time it took in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/**
 * The timeout of a test that waits for whole runs, in this process or in a child. It only ends a
 * test whose run hangs, so it lies above runCli's limit (which kills the child and keeps its stderr
 * for the failure) and far above what the bounds in such a test allow on a loaded machine.
 */
export const RUN_TEST_TIMEOUT_MS = 180_000;
