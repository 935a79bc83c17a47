// Runs a property case: fast-check draws values, each is sent and judged as a case of its own (its
// mapping deleted before the next is sent), and the first that fails is shrunk to the smallest that
// still fails, within a bound on the values sent while shrinking (against real AWS each is a call
// of a shared, metered quota). The result is one case, with that counterexample.
import fc from 'fast-check';
import { samplingOf, type DrawnValue, type PropertyCase } from '../cases/properties/sampling.ts';
import type { Case } from '../cases/case.ts';
import type { Spec } from '../spec/types.ts';
import { caseIdentity, type CaseResult, type Counterexample } from '../results.ts';

/** Sends one drawn value's case and judges it, cleaning up after it: the runner's own path for a case. */
export type SendCase = (sample: Case) => Promise<CaseResult>;

/**
 * `maxShrinkRequests`: values sent once a failure is found, at most; past it fast-check's further
 * candidates pass unsent, which ends its shrinking, and the smallest failure so far is reported as
 * found within that bound.
 */
export async function runProperty(spec: Spec, testCase: PropertyCase, sendCase: SendCase, maxShrinkRequests: number): Promise<CaseResult> {
  const { property } = testCase;
  const sampling = samplingOf(spec, testCase);
  const started = performance.now();
  let last: CaseResult | undefined;
  let failure: { value: DrawnValue; result: CaseResult } | undefined;
  // A value that could not be judged (no answer, a mapping left behind) ends the sending: shrinking
  // on it would chase the target's trouble, not the rule. Later draws pass without a request.
  let unjudged: { value: DrawnValue; result: CaseResult } | undefined;
  let shrinkRequests = 0;
  let shrinkLimitReached = false;
  const details = await fc.check(
    fc.asyncProperty(sampling.arbitrary, async (value) => {
      if (unjudged !== undefined) return true;
      if (failure !== undefined) {
        if (shrinkRequests >= maxShrinkRequests) {
          shrinkLimitReached = true;
          return true;
        }
        shrinkRequests += 1;
      }
      const result = await sendCase(sampling.caseOf(value));
      last = result;
      if (result.outcome === 'pass') return true;
      if (result.outcome === 'fail') {
        failure = { value, result };
        return false;
      }
      unjudged = { value, result };
      return true;
    }),
    { seed: property.seed, numRuns: property.runs },
  );
  const durationMs = Math.round(performance.now() - started);
  const identity = caseIdentity(testCase);
  if (unjudged !== undefined) return { ...unjudged.result, ...identity, reasons: withValue(property.field, unjudged.value, unjudged.result), durationMs };
  if (details.errorInstance !== null && failure === undefined) throw details.errorInstance;
  if (failure === undefined || !details.failed) {
    if (last === undefined) throw new Error(`${testCase.id}: no value was drawn`);
    return { ...last, ...identity, outcome: 'pass', reasons: [], durationMs };
  }
  const { value, result } = failure;
  const counterexample: Counterexample = {
    field: property.field,
    value,
    request: result.request,
    response: result.response,
    runsUntilFailure: details.numRuns,
    shrinkSteps: details.numShrinks,
    shrinkRequests,
    shrinkLimit: shrinkLimitReached ? maxShrinkRequests : null,
    seed: property.runSeed,
    propertySeed: property.seed,
    path: details.counterexamplePath ?? '',
  };
  const stopped = shrinkLimitReached ? `, stopped at --max-shrink-requests ${maxShrinkRequests}` : '';
  const found = `shrunk from the value drawn in run ${details.numRuns} in ${details.numShrinks} steps${stopped}; --seed ${property.runSeed} draws it again`;
  return { ...result, ...identity, reasons: withValue(property.field, value, result, found), durationMs, counterexample };
}

/** The reasons of a drawn value's case, each saying which value it was about. */
function withValue(field: string, value: DrawnValue, result: CaseResult, note?: string): CaseResult['reasons'] {
  const which = `${field} ${JSON.stringify(value)}${note === undefined ? '' : ` (${note})`}`;
  return result.reasons.map((reason) => ({ ...reason, message: `${which}: ${reason.message}` }));
}
