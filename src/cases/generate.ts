import type { RequestField, Spec } from '../spec/types.ts';
import type { Case } from './case.ts';
import { bodyCases } from './families/body.ts';
import { boundaryCases } from './families/boundaries.ts';
import { crossFieldRuleCases } from './families/cross-field-rules.ts';
import { defaultCases } from './families/defaults.ts';
import { documentedValueCases } from './families/documented-values.ts';
import { duplicateCases } from './families/duplicate.ts';
import { eventSourceArnCases } from './families/event-source-arn.ts';
import { fieldTypeCases } from './families/field-types.ts';
import { listItemCases } from './families/list-items.ts';
import { sampleCases } from './families/samples.ts';
import { functionNameCases } from './families/function-name.ts';
import { notApplicableCases } from './families/not-applicable.ts';
import { requiredFieldCases } from './families/required-fields.ts';
import { stringConstraintCases } from './families/string-constraints.ts';

/** Families that read one request field's rules; each returns nothing for a field its rules do not concern. */
export const fieldFamilies = [
  boundaryCases,
  defaultCases,
  documentedValueCases,
  stringConstraintCases,
  listItemCases,
  sampleCases,
  notApplicableCases,
  eventSourceArnCases,
  functionNameCases,
  requiredFieldCases,
  fieldTypeCases,
] as const satisfies ReadonlyArray<(spec: Spec, name: string, field: RequestField) => Case[]>;

/** Families of the request as a whole, after every field's. */
export const requestFamilies = [crossFieldRuleCases, bodyCases, duplicateCases] as const satisfies ReadonlyArray<(spec: Spec) => Case[]>;

/**
 * All cases of a spec, field by field in the spec's order, then the rules between fields and the
 * request as a whole: pure and deterministic, so two runs and two targets compare case by case.
 */
export function generateCases(spec: Spec): Case[] {
  const fields = Object.entries(spec.request).flatMap(([name, field]) => fieldFamilies.flatMap((family) => family(spec, name, field)));
  const cases = [...fields, ...requestFamilies.flatMap((family) => family(spec))];
  const seen = new Set<string>();
  for (const { id } of cases) {
    if (seen.has(id)) throw new Error(`Two cases share the id "${id}": ids must be unique`);
    seen.add(id);
  }
  return cases;
}
