import { isSourceFixture, type Case } from '../cases/case.ts';
import { isPropertyCase } from '../cases/properties/sampling.ts';
import { functionViews, type FixtureValues } from '../cases/placeholders.ts';
import { judge } from '../judge/judge.ts';
import { reason } from '../judge/reasons.ts';
import { caseIdentity, unjudged, type CaseResult, type Verdict } from '../results.ts';
import { describeObservation } from '../transport/describe-observation.ts';
import type { Observation, Transport, WireRequest } from '../transport/types.ts';
import { recordRequest, recordResponse } from './recorded-exchange.ts';
import { createdMapping, deleteMappings, mayHaveCreatedUnknownMapping, sweepMappings } from './mapping-cleanup.ts';
import { runProperty } from './property-runner.ts';
import type { RunPlan } from './run-plan.ts';
import { SlotPool } from './slot-pool.ts';
import { wireRequestOf } from './wire-request.ts';

export type CaseRunnerOptions = Pick<RunPlan, 'spec' | 'fixtures' | 'missingFixtures' | 'ownsFixtures' | 'maxShrinkRequests'> & {
  readonly transport: Transport;
  /** Told of every exchange a case sends (not its cleanup), under the id of the case whose slot it is. */
  readonly onExchange?: (caseId: string, observation: Observation) => void;
};

/**
 * Sends a case, judges the answer, and deletes whatever mapping it created before another case
 * maps the same function to the same source.
 */
export class CaseRunner {
  /** The fixtures as each function sees them: a case is sent with the one whose slot it holds. */
  private readonly views: readonly FixtureValues[];
  private readonly slots: SlotPool;

  constructor(private readonly options: CaseRunnerOptions) {
    this.views = options.fixtures === null ? [] : functionViews(options.fixtures);
    this.slots = new SlotPool(Math.max(1, this.views.length));
  }

  async run(testCase: Case): Promise<CaseResult> {
    const { fixtures, missingFixtures } = this.options;
    const absent = testCase.fixtures.filter((fixture) => fixtures === null || missingFixtures.includes(fixture));
    if (fixtures === null || absent.length > 0) {
      return unjudged(testCase, 'skip', 'fixtures_available', `not run: no ${absent.join(', ')} fixture on the target`);
    }
    // A mapping is identified by its function and source: a case on a source takes the first
    // function free on it, and waits only while every function is mapped to it by another case.
    // A property holds its slot while it draws, sends and shrinks: its values are sent one by one.
    const source = testCase.fixtures.find(isSourceFixture);
    return this.slots.run(source ?? null, (slot) => {
      const send = (sent: Case) => this.send(sent, testCase.id, this.views[slot] ?? fixtures, source === undefined ? null : (fixtures.sourceArns[source] ?? null));
      return isPropertyCase(testCase) ? runProperty(this.options.spec, testCase, send, this.options.maxShrinkRequests) : send(testCase);
    });
  }

  private async send(testCase: Case, slotCaseId: string, fixtures: FixtureValues, sourceArn: string | null): Promise<CaseResult> {
    const { transport, ownsFixtures, onExchange } = this.options;
    const created: string[] = [];
    let unsure = false;
    const sendOnce = async (request: WireRequest): Promise<Observation> => {
      const observation = await transport.send(request);
      onExchange?.(slotCaseId, observation);
      const uuid = createdMapping(observation);
      if (uuid !== null) created.push(uuid);
      unsure ||= mayHaveCreatedUnknownMapping(observation);
      return observation;
    };
    let judged: CaseResult | undefined;
    try {
      judged = await this.judgeCase(testCase, fixtures, sendOnce);
    } finally {
      const cleanups = [await deleteMappings(transport, created)];
      if (unsure && sourceArn !== null && ownsFixtures) cleanups.push(await sweepMappings(transport, fixtures, sourceArn));
      const problems = cleanups.flatMap((cleanup) => cleanup.problems);
      // A mapping left behind would make the next case on this source answer 409: say so here.
      if (judged !== undefined && problems.length > 0) judged = withCleanupProblems(judged, problems);
    }
    return judged;
  }

  private async judgeCase(testCase: Case, fixtures: FixtureValues, sendOnce: (request: WireRequest) => Promise<Observation>): Promise<CaseResult> {
    const started = performance.now();
    const request = wireRequestOf(testCase, fixtures);
    if (testCase.given === 'existing-mapping') {
      const first = await sendOnce(request);
      // A success proves the mapping exists, even when its UUID cannot be read (the sweep deletes it).
      if (first.response === null || first.response.status >= 300) {
        return result(testCase, first, notPrepared(testCase, first), performance.now() - started);
      }
    }
    const observation = await sendOnce(request);
    return result(testCase, observation, judge(testCase, observation, { functionArn: fixtures.functionArn }), performance.now() - started);
  }
}

function withCleanupProblems(judged: CaseResult, problems: readonly string[]): CaseResult {
  return {
    ...judged,
    outcome: judged.outcome === 'pass' ? 'error' : judged.outcome,
    reasons: [...judged.reasons, ...problems.map((message) => reason('mapping_cleanup', judged.clause, message))],
  };
}

function notPrepared(testCase: Case, first: Observation): Verdict {
  return {
    outcome: 'error',
    reasons: [reason('precondition', testCase.clause, `could not create the first mapping this case needs (${describeObservation(first)})`)],
  };
}

function result(testCase: Case, observation: Observation, verdict: Verdict, durationMs: number): CaseResult {
  return {
    ...caseIdentity(testCase),
    outcome: verdict.outcome,
    finding: null,
    request: recordRequest(observation),
    response: recordResponse(observation),
    reasons: verdict.reasons,
    durationMs: Math.round(durationMs),
    attempts: observation.attempts,
    gate: null,
  };
}
