import type { Case, Outcome } from '../cases/case.ts';
import { describeExpectation, describeOutcome } from '../cases/describe-expectation.ts';
import { errorTypeOf } from '../transport/error-type.ts';
import type { ObservedResponse } from '../transport/types.ts';
import type { Reason } from '../results.ts';
import { reason } from './reasons.ts';

/**
 * Whether the status is one the case accepts and, for an error, whether its type (read as a
 * restJson1 client reads it) is one of those accepted for that status.
 */
export function checkStatusAndType(testCase: Case, response: ObservedResponse): Reason[] {
  const accepted = [testCase.expected, ...testCase.expected.alsoAccepted];
  const sameStatus = accepted.filter((outcome) => outcome.status === response.status);
  const errorType = errorTypeOf(response);
  const got = response.status < 300 ? String(response.status) : `${response.status} ${errorType ?? '(no error type)'}`;
  if (sameStatus.length === 0) {
    return [reason('status_code_conformance', testCase.clause, `expected ${describeExpectation(testCase.expected)}, got ${got}`)];
  }
  if (response.status < 300 || sameStatus.some(acceptsAnyType)) return [];
  const types = sameStatus.flatMap((outcome) => outcome.errorTypes);
  if (errorType !== null && types.includes(errorType)) return [];
  return [
    reason(
      'error_type_conformance',
      testCase.clause,
      `expected ${sameStatus.map(describeOutcome).join(' or ')}, got ${got}`,
    ),
  ];
}

function acceptsAnyType(outcome: Outcome): boolean {
  return outcome.errorTypes.length === 0;
}
