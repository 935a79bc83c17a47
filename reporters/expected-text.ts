import type { Outcome } from '../src/cases/case.ts';
import type { CaseResult } from '../src/results.ts';

/** `400 InvalidParameterValueException`, `400 A or B`, or just `202` when any error type will do. */
export function outcomeAsText(outcome: Outcome): string {
  return outcome.errorTypes.length === 0 ? String(outcome.status) : `${outcome.status} ${outcome.errorTypes.join(' or ')}`;
}

/** Every answer that conforms: the main one, then the ones the documentation also leaves open. */
export function expectedAsText(expected: CaseResult['expected']): string {
  return [expected, ...expected.alsoAccepted].map(outcomeAsText).join(', or ');
}
