// The suite file running in vitest on a RunPlan. vitest stays the runner (one test per case, its
// reporters, its cancellation); the plan goes in as one provided value and the results come out
// through the reporters. vitest is prepared while the fixtures are being made, and given the plan
// once they exist, so that its start-up costs the run nothing.
import { fileURLToPath } from 'node:url';
import type { Reporter, Vitest } from 'vitest/node';
import type { ConformanceReporter } from '../reporters/conformance-reporter.ts';
import type { RunPlan } from '../src/runner/run-plan.ts';
import '../suites/hand-off.ts';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
/** Defined by bin/compiled-main.js in the compiled command: its own compiled suite file, under node_modules/.cache. */
declare const LESM_COMPILED_SUITE: string | undefined;
// The compiled suite is loaded by the worker as it is, not through vite's transform of each source.
const suiteFile = typeof LESM_COMPILED_SUITE === 'string' ? LESM_COMPILED_SUITE : 'suites/create-event-source-mapping.suite.ts';

export interface Suite {
  /** Runs the plan's cases; settles once vitest has closed, the conformance reporter's reports written. */
  run(plan: RunPlan): Promise<void>;
  /** Stops the cases in flight (the conformance reporter then writes what was judged), or closes a suite never run. */
  stop(): Promise<void>;
}

export interface SuiteReporters {
  /** Writes the reports; also written to, as a crashed run, if vitest itself fails. */
  readonly conformance: ConformanceReporter;
  readonly progress: Reporter;
}

/** Starts loading and creating vitest at once; `maxConcurrency` is the plan's transport concurrency. */
export function prepareSuite(reporters: SuiteReporters, maxConcurrency: number): Suite {
  const vitest = createSuiteVitest(reporters, maxConcurrency);
  // A suite stopped before it ran may never be awaited: its failure to start is not the run's.
  vitest.catch(() => undefined);
  let running: Promise<void> | null = null;
  let stopped = false;
  let finished = false;
  return {
    run(plan) {
      running ??= vitest.then(async (created) => {
        try {
          created.provide('plan', plan);
          if (!stopped) await created.start();
        } catch (error) {
          await reporters.conformance.writePartial(`the run crashed: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          await created.close();
          finished = true;
        }
      });
      return running;
    },
    async stop() {
      if (finished) return;
      stopped = true;
      const created = await vitest.catch(() => null);
      if (created === null) return;
      if (running === null) return created.close();
      await created.cancelCurrentRun('keyboard-input');
      await running;
    },
  };
}

async function createSuiteVitest(reporters: SuiteReporters, maxConcurrency: number): Promise<Vitest> {
  const { createVitest } = await import('vitest/node');
  return withoutSignalHandlers(() =>
    createVitest('test', {
      config: false,
      root: packageRoot,
      include: [suiteFile],
      // The compiled suite lies under node_modules, which vitest leaves out by default.
      exclude: [],
      watch: false,
      reporters: [reporters.progress, reporters.conformance],
      // Threads, not forks: a signal must reach this process only, which then ends the run cleanly.
      pool: 'threads',
      maxWorkers: 1,
      maxConcurrency,
      // The transport bounds every request; a case may also wait its turn behind others on its source.
      testTimeout: 0,
    }),
  );
}

/**
 * vitest's logger exits the process 1 ms after SIGINT or SIGTERM. A run has its own answer to
 * them (stop the cases, write the report, delete what it created), so every SIGINT or SIGTERM
 * handler added while vitest is created is taken off at once: a signal that arrives during its
 * creation (which overlaps the making of the fixtures) must reach the run's own handler only.
 */
async function withoutSignalHandlers<T>(create: () => Promise<T>): Promise<T> {
  const takeOff = (event: string | symbol, listener: (...args: unknown[]) => void): void => {
    // 'newListener' is emitted before the listener is added; a microtask runs before any signal can be delivered.
    if (event === 'SIGINT' || event === 'SIGTERM') queueMicrotask(() => process.off(event, listener));
  };
  process.on('newListener', takeOff);
  try {
    return await create();
  } finally {
    process.off('newListener', takeOff);
  }
}
