// The suite file running in vitest on a RunPlan. vitest stays the runner (one test per case, its
// reporters, its cancellation); the plan goes in as one provided value and the report comes out of
// the conformance reporter.
import { fileURLToPath } from 'node:url';
import { createVitest } from 'vitest/node';
import { ConformanceReporter } from '../reporters/conformance-reporter.ts';
import { ProgressReporter } from '../reporters/progress-reporter.ts';
import type { RunReport } from '../src/results.ts';
import type { RunPlan } from '../src/runner/run-plan.ts';
import '../suites/hand-off.ts';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const suiteFile = 'suites/create-event-source-mapping.suite.ts';

export interface SuiteRun {
  /** The report the reporters wrote, or null when the run ended before any was written. */
  readonly finished: Promise<RunReport | null>;
  /** Stops the cases in flight; the reporters then write what was judged, as an incomplete run. */
  cancel(): Promise<void>;
}

export interface Reporting {
  /** Absolute path of the folder for results.json, junit.xml and report.html. */
  readonly reportDir: string;
  readonly target: string;
  readonly startedAt: Date;
  /** Where the progress lines go. */
  readonly progress: (text: string) => void;
}

export function startSuite(plan: RunPlan, reporting: Reporting): SuiteRun {
  let written: RunReport | null = null;
  let cancelled = false;
  const reporter = new ConformanceReporter({
    reportDir: reporting.reportDir,
    target: reporting.target,
    edition: plan.edition,
    startedAt: reporting.startedAt,
    plannedCases: plan.cases,
    onReport: (report) => (written = report),
  });
  const vitest = withoutSignalHandlers(() =>
    createVitest('test', {
      config: false,
      root: packageRoot,
      include: [suiteFile],
      watch: false,
      reporters: [new ProgressReporter(plan.cases.length, reporting.progress), reporter],
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
      await reporter.writePartial(`the run crashed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await started.close();
    }
    return written;
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
