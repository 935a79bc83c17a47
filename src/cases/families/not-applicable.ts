import { sourceTypesOf, type RequestField, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { exampleValue, sourcesOf } from '../fields.ts';
import { refusalOf } from '../outcomes.ts';
import { validBody } from '../request-body.ts';

/** A field sent, with a value valid where it applies, on each source type it does not apply to. */
export function notApplicableCases(spec: Spec, name: string, field: RequestField): Case[] {
  const applicability = field.appliesTo;
  const home = sourcesOf(spec, field)[0];
  if (applicability === undefined || home === undefined) return [];
  const value = exampleValue(spec, name, home);
  if (value === undefined) return [];
  return sourceTypesOf(spec)
    .filter((sourceType) => !applicability.sourceTypes.includes(sourceType))
    .map((sourceType) =>
      makeCase(spec, {
        id: `${name}/${sourceType}/not-applicable`,
        clause: applicability.clause,
        doc: applicability.doc,
        sourceType,
        subject: `${name} ${JSON.stringify(value)} on ${sourceTitle(spec, sourceType)}, which it does not apply to`,
        request: jsonRequest(spec, { ...validBody(spec, sourceType), [name]: value }),
        expected: refusalOf(spec, applicability, 'ruleViolation'),
      }),
    );
}
