// The one entry that runs a plan's cases: a pool of `concurrency` cases in flight, started spread
// over the sources (property cases first), each holding a (function, source) slot while it is sent,
// judged and cleaned up, through the one transport the caller opened.
import type { Case } from '../cases/case.ts';
import { unjudged, type CaseResult } from '../results.ts';
import type { Observation, Transport } from '../transport/types.ts';
import { CaseRunner } from './case-runner.ts';
import type { RunPlan } from './run-plan.ts';
import { spreadOverSources } from './spread-over-sources.ts';

export interface RunCasesOptions {
  /** Where every request of every case goes; the caller opens and closes it. */
  readonly transport: Transport;
  /**
   * Cases in flight at once. Each case sends one request at a time, so this also bounds the
   * requests in flight: give the transport the same number, and its own limit never binds.
   */
  readonly concurrency: number;
  /** Once aborted, no further case starts; the cases in flight end as they would (their mappings deleted). */
  readonly signal?: AbortSignal;
  /** Called once per case, as it ends, with its result: the reporters listen here. */
  readonly onResult?: (result: CaseResult) => void;
  /** Called with every exchange a case judges by (a property case's every value), in the order the case sent them: a recording listens here. */
  readonly onExchange?: (caseId: string, observation: Observation) => void;
}

/**
 * Runs the plan's cases and settles once every case started has ended. The results are in the
 * order the cases ended; a case the signal kept from starting has none.
 */
export async function runCases(plan: RunPlan, options: RunCasesOptions): Promise<CaseResult[]> {
  const { concurrency, signal, onResult, onExchange } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be an integer >= 1, got ${concurrency}`);
  const runner = new CaseRunner({ transport: options.transport, spec: plan.spec, fixtures: plan.fixtures, missingFixtures: plan.missingFixtures, ownsFixtures: plan.ownsFixtures, maxShrinkRequests: plan.maxShrinkRequests, ...(onExchange !== undefined && { onExchange }) });
  const queue = spreadOverSources(plan.cases);
  const results: CaseResult[] = [];
  const nextCase = (): Case | undefined => (signal?.aborted === true ? undefined : queue.shift());
  const takeTurns = async (): Promise<void> => {
    for (let testCase = nextCase(); testCase !== undefined; testCase = nextCase()) {
      const result = await runOne(runner, testCase);
      results.push(result);
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, takeTurns));
  return results;
}

/** A case whose running threw (a bug, not anything a target did) is an error on that case, not a silent "not run". */
async function runOne(runner: CaseRunner, testCase: Case): Promise<CaseResult> {
  const started = performance.now();
  try {
    return await runner.run(testCase);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...unjudged(testCase, 'error', 'suite_error', `the case could not be run: ${message}`), durationMs: Math.round(performance.now() - started) };
  }
}
