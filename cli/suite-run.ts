// The suite file running in vitest on a RunPlan. vitest stays the runner (one test per case, its
// reporters, its cancellation); the plan goes in as one provided value and the results come out
// through the reporters. vitest is started before the fixtures exist, its worker waiting for them
// (suites/hand-off.ts), so that its start-up costs the run nothing.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Reporter, Vitest } from 'vitest/node';
import type { ConformanceReporter } from '../reporters/conformance-reporter.ts';
import type { RunPlan } from '../src/runner/run-plan.ts';
import { answerFixtures, type HandedFixtures } from '../suites/hand-off.ts';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
/** Defined by bin/compiled-main.js in the compiled command: its own compiled suite file, under node_modules/.cache. */
declare const LESM_COMPILED_SUITE: string | undefined;
// The compiled suite is loaded by the worker as it is, not through vite's transform of each source.
const suiteFile = typeof LESM_COMPILED_SUITE === 'string' ? LESM_COMPILED_SUITE : 'suites/create-event-source-mapping.suite.ts';

export interface Suite {
  /** Hands the worker the fixtures and runs the cases; settles once vitest has closed, the conformance reporter's reports written. */
  run(fixtures: HandedFixtures): Promise<void>;
  /**
   * Stops the cases in flight (the conformance reporter then writes what was judged); before
   * `run`, ends the suite with nothing judged and nothing reported.
   */
  stop(): Promise<void>;
}

/** The reporters' hooks the suite drives: the only ones that see cases and the end of the run. */
export type CaseReporter = Pick<Reporter, 'onTestCaseResult' | 'onTestRunEnd'>;

export interface SuiteReporters {
  /** Writes the reports; also written to, as a crashed run, if vitest itself fails. */
  readonly conformance: ConformanceReporter;
  readonly progress: CaseReporter;
}

export interface SuiteEvents {
  /**
   * Every case has run to its end, its mappings deleted, and none was stopped: called as the
   * reports are written, so that what the cases used can be deleted meanwhile.
   */
  readonly casesEnded?: () => void;
}

/**
 * Starts vitest on the plan's cases at once; the worker waits for the fixtures, which `run`
 * hands it. Until then the reporters hear nothing: a run that ends before its first case
 * reports nothing of the suite.
 */
export function startSuite(reporters: SuiteReporters, plan: Omit<RunPlan, keyof HandedFixtures>, events: SuiteEvents = {}): Suite {
  const fixtureAnswer = answerFixtures(`lambda-esm-conformance-${randomBytes(8).toString('hex')}`);
  let handed = false;
  const held = (reporter: CaseReporter): Reporter => ({
    onTestCaseResult: (testCase) => (handed ? reporter.onTestCaseResult?.(testCase) : undefined),
    onTestRunEnd: (...end) => (handed ? reporter.onTestRunEnd?.(...end) : undefined),
  });
  const casesEnded: Reporter = {
    onTestRunEnd: (_modules, _errors, reason) => {
      if (handed && reason !== 'interrupted') events.casesEnded?.();
    },
  };
  const vitest = createSuiteVitest([casesEnded, held(reporters.progress), held(reporters.conformance)], plan.transport.concurrency);
  let stopped = false;
  let finished = false;
  let crash: string | null = null;
  const running = (async () => {
    let created: Vitest | undefined;
    try {
      created = await vitest;
      created.provide('plan', { ...plan, fixtureChannel: fixtureAnswer.channelName });
      if (!stopped) await created.start();
    } catch (error) {
      crash = `the run crashed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      await created?.close();
      finished = true;
      fixtureAnswer.close();
    }
  })();
  return {
    async run(fixtures) {
      handed = !stopped;
      fixtureAnswer.answer(handed ? fixtures : null);
      await running;
      // A suite that failed before its first case is reported as crashed, every case not run; one stopped before is not the run's.
      if (handed && crash !== null) await reporters.conformance.writePartial(crash);
    },
    async stop() {
      if (finished) return;
      stopped = true;
      if (handed) await (await vitest.catch(() => null))?.cancelCurrentRun('keyboard-input');
      else fixtureAnswer.answer(null);
      await running;
    },
  };
}

async function createSuiteVitest(reporters: Reporter[], maxConcurrency: number): Promise<Vitest> {
  const { createVitest } = await import('vitest/node');
  return withoutSignalHandlers(() =>
    createVitest('test', {
      config: false,
      root: packageRoot,
      include: [suiteFile],
      // The compiled suite lies under node_modules, which vitest leaves out by default.
      exclude: [],
      watch: false,
      reporters,
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
