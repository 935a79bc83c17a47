// The checks a case carries for its success answer, each judged by its own module (src/checks/).
import type { ResponseCheck } from '../cases/case.ts';
import { definitionOf } from '../checks/index.ts';
import type { Failure, SuccessAnswer } from '../checks/response-check.ts';
import type { Reason } from '../results.ts';
import type { ObservedResponse } from '../transport/types.ts';

/** The checks of a success expectation that judge its headers, applied to any 2xx answer, before its body is read. */
export function checkSuccessHeaders(checks: readonly ResponseCheck[], response: ObservedResponse): Reason[] {
  return checks.flatMap((check) => {
    const { judge } = definitionOf(check);
    return 'headers' in judge ? reasonsOf(check, judge.headers(check, response)) : [];
  });
}

/** The checks of a success expectation that judge its body, applied to the parsed body. */
export function checkSuccessBody(checks: readonly ResponseCheck[], answer: SuccessAnswer): Reason[] {
  return checks.flatMap((check) => {
    const { judge } = definitionOf(check);
    return 'body' in judge ? reasonsOf(check, judge.body(check, answer)) : [];
  });
}

function reasonsOf(check: ResponseCheck, failures: readonly Failure[]): Reason[] {
  return failures.map(({ message, clause }) => ({ check: check.kind, clause: clause ?? check.clause, message }));
}
