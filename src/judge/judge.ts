import type { Case } from '../cases/case.ts';
import { describeObservation } from '../transport/describe-observation.ts';
import { isThrottling } from '../transport/throttling.ts';
import type { Observation } from '../transport/types.ts';
import type { Reason, Verdict } from '../results.ts';
import type { JudgeContext } from './judge-context.ts';
import { reason } from './reasons.ts';
import { checkStatusAndType } from './status-and-type.ts';
import { checkSuccessBody } from './success-body.ts';

/** Pure: what the answer to a case says about the target's conformance. */
export function judge(testCase: Case, observation: Observation, context: JudgeContext): Verdict {
  const { response } = observation;
  if (response === null) {
    return { outcome: 'error', reasons: [reason('answer_received', testCase.clause, `no answer to judge (${describeObservation(observation)})`)] };
  }
  if (isThrottling(response)) {
    // Throttling says how busy the account is, not whether the API conforms: not judged.
    return {
      outcome: 'error',
      reasons: [reason('answer_received', testCase.clause, `still throttled (${response.status}) after ${observation.attempts} attempts; not judged`)],
    };
  }
  const reasons: Reason[] = checkStatusAndType(testCase, response);
  if (reasons.length === 0 && response.status < 300) reasons.push(...checkSuccess(testCase, observation.request.body, response.body, context));
  return { outcome: reasons.length === 0 ? 'pass' : 'fail', reasons };
}

function checkSuccess(testCase: Case, sentBody: string | undefined, receivedBody: string, context: JudgeContext): Reason[] {
  const body = parseObject(receivedBody);
  if (body === null) {
    return [reason('response_body_is_json', testCase.clause, `a success answer must be a JSON object, got ${JSON.stringify(receivedBody.slice(0, 200))}`)];
  }
  return checkSuccessBody(testCase.expected.checks, body, parseObject(sentBody ?? '') ?? {}, context);
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
