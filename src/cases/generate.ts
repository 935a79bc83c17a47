import type { Spec } from '../spec/types.ts';
import type { Case } from './case.ts';
import { batchSizeCases } from './families/batch-size.ts';
import { batchingWindowCases } from './families/batching-window.ts';
import { bodyCases } from './families/body.ts';
import { duplicateCases } from './families/duplicate.ts';
import { enabledCases } from './families/enabled.ts';
import { eventSourceArnCases } from './families/event-source-arn.ts';
import { fieldTypeCases } from './families/field-types.ts';
import { functionNameCases } from './families/function-name.ts';
import { requiredFieldCases } from './families/required-fields.ts';
import { startingPositionCases } from './families/starting-position.ts';

/** Every family, in the order cases are listed and run. */
export const families = [
  batchSizeCases,
  batchingWindowCases,
  startingPositionCases,
  eventSourceArnCases,
  functionNameCases,
  requiredFieldCases,
  fieldTypeCases,
  bodyCases,
  duplicateCases,
  enabledCases,
] as const;

/** All cases of a spec: pure and deterministic, so two runs and two targets compare case by case. */
export function generateCases(spec: Spec): Case[] {
  const cases = families.flatMap((family) => family(spec));
  const seen = new Set<string>();
  for (const { id } of cases) {
    if (seen.has(id)) throw new Error(`Two cases share the id "${id}": ids must be unique`);
    seen.add(id);
  }
  return cases;
}
