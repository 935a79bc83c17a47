// The suite file running in vitest on a RunPlan. vitest stays the runner (one test per case, its
// reporters, its cancellation); the plan goes in as one provided value and the results come out
// through the reporters.
import { fileURLToPath } from 'node:url';
import { createVitest, type Reporter } from 'vitest/node';
import type { ConformanceReporter } from '../reporters/conformance-reporter.ts';
import type { RunPlan } from '../src/runner/run-plan.ts';
import '../suites/hand-off.ts';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const suiteFile = 'suites/create-event-source-mapping.suite.ts';

export interface SuiteRun {
  /** Settles once vitest has closed; the conformance reporter has written its reports by then. */
  readonly finished: Promise<void>;
  /** Stops the cases in flight; the conformance reporter then writes what was judged, as an incomplete run. */
  cancel(): Promise<void>;
}

export interface SuiteReporters {
  /** Writes the reports; also written to, as a crashed run, if vitest itself fails. */
  readonly conformance: ConformanceReporter;
  readonly progress: Reporter;
}

export function startSuite(plan: RunPlan, reporters: SuiteReporters): SuiteRun {
  let cancelled = false;
  const vitest = withoutSignalHandlers(() =>
    createVitest('test', {
      config: false,
      root: packageRoot,
      include: [suiteFile],
      watch: false,
      reporters: [reporters.progress, reporters.conformance],
      provide: { plan },
      // Threads, not forks: a signal must reach this process only, which then ends the run cleanly.
      pool: 'threads',
      maxWorkers: 1,
      maxConcurrency: plan.transport.concurrency,
      // The transport bounds every request; a case may also wait its turn behind others on its source.
      testTimeout: 0,
    }),
  );
  const finished = vitest.then(async (started) => {
    try {
      if (!cancelled) await started.start();
    } catch (error) {
      await reporters.conformance.writePartial(`the run crashed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await started.close();
    }
  });
  return {
    finished,
    async cancel() {
      cancelled = true;
      await (await vitest).cancelCurrentRun('keyboard-input');
      await finished;
    },
  };
}

/**
 * vitest's logger exits the process 1 ms after SIGINT or SIGTERM. A run has its own answer to
 * them (stop the cases, write the report, delete what it created), so the handlers vitest adds
 * while it is created are taken off again.
 */
async function withoutSignalHandlers<T>(create: () => Promise<T>): Promise<T> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const created = await create();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  }
  return created;
}
