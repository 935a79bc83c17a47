import { sourceTypesOf, type RequestField, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { refusalOf } from '../outcomes.ts';
import { exampleValue, fieldNaming } from '../fields.ts';
import { validBody, without } from '../request-body.ts';

/**
 * A required field left out. Without the event source nothing tells the source type, so that
 * case is sent once; any other is tried against every source type.
 */
export function requiredFieldCases(spec: Spec, name: string, field: RequestField): Case[] {
  const required = field.required;
  if (required === undefined) return [];
  const targets = field.names === 'event-source' ? [null] : sourceTypesOf(spec);
  return targets.map((sourceType) =>
    makeCase(spec, {
      id: `${name}/${sourceType ?? 'any'}/missing`,
      clause: required.clause,
      doc: required.doc,
      sourceType,
      subject: `${name} missing${sourceType === null ? '' : ` on ${sourceTitle(spec, sourceType)}`}`,
      request: jsonRequest(spec, sourceType === null ? functionOnly(spec) : without(validBody(spec, sourceType), name)),
      expected: refusalOf(spec, required, 'constraintViolation'),
    }),
  );
}

/** A request naming the function and nothing else. */
function functionOnly(spec: Spec): Record<string, string> {
  const name = fieldNaming(spec, 'function');
  return { [name]: String(exampleValue(spec, name, 'sqs')) };
}
