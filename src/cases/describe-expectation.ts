// The one wording of what a case expects, shared by case titles, the judge's reasons, `list` and
// every report, so that they never say the same thing two ways.
import type { Outcome } from './case.ts';

/** "202", "400 InvalidParameterValueException", "400 (any error type)". */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.status < 300) return String(outcome.status);
  return outcome.errorTypes.length === 0 ? `${outcome.status} (any error type)` : `${outcome.status} ${outcome.errorTypes.join(' or ')}`;
}

/** Every answer that conforms: "400 InvalidParameterValueException", or "202 or 400 (left open by the documentation)". */
export function describeExpectation(expected: Outcome & { readonly alsoAccepted: readonly Outcome[] }): string {
  const all = [expected, ...expected.alsoAccepted].map(describeOutcome);
  if (all.length === 1) return all[0] ?? '';
  return `${all.slice(0, -1).join(', ')} or ${all.at(-1) ?? ''} (left open by the documentation)`;
}
