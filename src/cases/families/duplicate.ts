import { sourceTypesOf, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { validBody } from '../request-body.ts';
import { refusal } from '../outcomes.ts';

/** A second mapping of the same function and event source. */
export function duplicateCases(spec: Spec): Case[] {
  const conflict = spec.errors['ResourceConflictException'];
  if (conflict === undefined) return [];
  return sourceTypesOf(spec).map((sourceType) =>
    makeCase(spec, {
      id: `Duplicate/${sourceType}`,
      clause: conflict.clause,
      doc: conflict.doc,
      sourceType,
      subject: `The same function and ${sourceTitle(spec, sourceType)} mapped a second time`,
      request: jsonRequest(spec, validBody(spec, sourceType)),
      given: 'existing-mapping',
      expected: refusal(spec, 'duplicateMapping'),
    }),
  );
}
