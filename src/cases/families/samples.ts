import type { RequestField, Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { sourcesOf } from '../fields.ts';
import { acceptance, refusalOf } from '../outcomes.ts';
import { completeBody, validBody } from '../request-body.ts';
import { successChecks } from '../success-checks.ts';

/**
 * Each documented sample of a field, sent as it stands on the first source the field applies to:
 * accepted and echoed, or refused as its citation says. What no facet can say of a value (an
 * object's members, a filter pattern's grammar) is said by samples.
 */
export function sampleCases(spec: Spec, name: string, field: RequestField): Case[] {
  const sourceType = sourcesOf(spec, field)[0];
  if (field.samples === undefined || sourceType === undefined) return [];
  const title = sourceTitle(spec, sourceType);
  return field.samples.map((sample) => {
    const body = completeBody(spec, sourceType, { ...validBody(spec, sourceType), [name]: sample.value });
    return makeCase(spec, {
      id: `${name}/${sourceType}/${sample.variant}`,
      clause: sample.clause,
      doc: sample.doc,
      sourceType,
      subject: `${name} ${JSON.stringify(sample.value)} on ${title}`,
      request: jsonRequest(spec, body),
      expected:
        sample.refused === true
          ? refusalOf(spec, sample, 'constraintViolation')
          : acceptance(spec, `A documented value of ${name}.`, successChecks(spec, sourceType, body)),
    });
  });
}
