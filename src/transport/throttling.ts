// Which answers mean "slow down" rather than "this is the target's verdict".
import { errorTypeOf } from './error-type.ts';
import type { ObservedResponse } from './types.ts';

const THROTTLING_ERROR_TYPES: ReadonlySet<string> = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequests',
]);

/**
 * Only throttling is retried. A 5xx, a reset or a timeout is something the target did and the
 * suite must report; and POST create is not idempotent, so a blind retry could create twice.
 */
export function isThrottling(response: ObservedResponse): boolean {
  if (response.status === 429) return true;
  const type = errorTypeOf(response);
  return type !== null && THROTTLING_ERROR_TYPES.has(type);
}
