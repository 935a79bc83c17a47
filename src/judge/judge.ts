import type { Case } from '../cases/case.ts';
import { describeObservation } from '../transport/describe-observation.ts';
import { MAX_BODY_HEAD_BYTES } from '../transport/body-limits.ts';
import { parseJsonAnswer, parseJsonObject, TOO_DEEP_MESSAGE } from '../transport/json-answer.ts';
import { isThrottling } from '../transport/throttling.ts';
import type { Observation, ObservedResponse } from '../transport/types.ts';
import type { Reason, Verdict } from '../results.ts';
import type { JudgeContext } from '../checks/response-check.ts';
import { capReasons, reason } from './reasons.ts';
import { checkStatusAndType } from './status-and-type.ts';
import { checkSuccessBody, checkSuccessHeaders } from './response-checks.ts';
import { isJsonObject } from '../json-object.ts';

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
  // A success answer's headers are judged even when its status is not the documented one (moto's 201).
  if (response.status < 300) reasons.push(...checkSuccessHeaders(testCase.expected.checks, response));
  if (reasons.length === 0 && response.status < 300) reasons.push(...checkSuccessJson(testCase, observation.request.body, response, context));
  return { outcome: reasons.length === 0 ? 'pass' : 'fail', reasons: capReasons(reasons) };
}

// The body of a success answer: a JSON object, put through the case's checks.
function checkSuccessJson(testCase: Case, sentBody: string | undefined, response: ObservedResponse, context: JudgeContext): Reason[] {
  const { truncated } = response;
  if (truncated !== undefined) {
    const size = `${truncated.receivedBytes} bytes${truncated.complete ? '' : ' or more'}`;
    return [reason('response_body_is_json', testCase.clause, `a success answer must be a JSON object, got a body of ${size}, more than the ${MAX_BODY_HEAD_BYTES} bytes the suite reads`)];
  }
  const parsed = parseJsonAnswer(response.body);
  if (parsed.kind === 'too-deep') return [reason('response_body_is_json', testCase.clause, `a success answer must be a JSON object: ${TOO_DEEP_MESSAGE}`)];
  const body = parsed.kind === 'json' && isJsonObject(parsed.value) ? parsed.value : null;
  if (body === null) {
    return [reason('response_body_is_json', testCase.clause, `a success answer must be a JSON object, got ${JSON.stringify(response.body.slice(0, 200))}`)];
  }
  return checkSuccessBody(testCase.expected.checks, { body, sent: parseJsonObject(sentBody ?? '') ?? {}, context });
}
