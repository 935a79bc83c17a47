import type { FieldKind, RequestField, Spec } from '../../spec/types.ts';
import type { Case, JsonValue } from '../case.ts';
import { jsonRequest, makeCase } from '../build.ts';
import { article, rulesOf, sourcesOf } from '../fields.ts';
import { refusalOf } from '../outcomes.ts';
import { completeBody, validBody } from '../request-body.ts';

/** Values of the wrong JSON type for each documented type, named for the id. */
const wrongValues: Readonly<Record<FieldKind, ReadonlyArray<readonly [variant: string, value: JsonValue]>>> = {
  integer: [
    ['string', '10'],
    ['boolean', true],
    ['fraction', 1.5],
  ],
  boolean: [
    ['string', 'true'],
    ['number', 1],
  ],
  string: [
    ['number', 42],
    ['object', { value: 'x' }],
  ],
  timestamp: [
    ['string', '2019-01-01T00:00:00Z'],
    ['boolean', true],
  ],
  list: [
    ['string', 'x'],
    ['object', { value: 'x' }],
  ],
  object: [
    ['string', 'x'],
    ['list', ['x']],
  ],
};

/**
 * A field with a value of the wrong JSON type. It is sent on the first source it applies to, in a
 * request where it has a meaning (with the condition of a rule that asks for it, as StartingPosition
 * AT_TIMESTAMP for StartingPositionTimestamp), so only the type is wrong. The case is about no
 * source (its sourceType is null): a field has one documented type on every source, and the same
 * refusal is due whichever source carries it; the source is only where the field can be sent.
 */
export function fieldTypeCases(spec: Spec, name: string, field: RequestField): Case[] {
  const sourceType = sourcesOf(spec, field)[0];
  if (sourceType === undefined) return [];
  const rule = field.type;
  const context: Record<string, JsonValue> = {};
  for (const asking of rulesOf(spec, 'required-when')) {
    if (asking.field === name && 'equals' in asking.when) context[asking.when.field] = asking.when.equals;
  }
  const meaningful = completeBody(spec, sourceType, { ...validBody(spec, sourceType), ...context });
  return wrongValues[rule.is].map(([variant, value]) =>
    makeCase(spec, {
      id: `${name}/wrong-type/${variant}`,
      clause: rule.clause,
      doc: rule.doc,
      sourceType: null,
      subject: `${name} ${JSON.stringify(value)}, ${article(variant)} ${variant} where the documented type is ${rule.is}`,
      request: jsonRequest(spec, { ...meaningful, [name]: value }),
      expected: refusalOf(spec, rule, 'typeViolation'),
    }),
  );
}

