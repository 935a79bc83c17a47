import type { FieldKind, RequestFieldName, SourceType, Spec } from '../../spec/types.ts';
import type { Case, JsonValue } from '../case.ts';
import { jsonRequest, makeCase, validBody } from '../build.ts';
import { refusal } from '../outcomes.ts';
import { pastTimestamp } from './starting-position.ts';

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
};

/**
 * Every request field with a value of the wrong JSON type. They are sent on a Kinesis stream,
 * the source for which every documented field has a meaning, so only the type is wrong.
 */
export function fieldTypeCases(spec: Spec): Case[] {
  const sourceType: SourceType = 'kinesis';
  return (Object.keys(spec.request) as RequestFieldName[]).flatMap((name) => {
    const rule = spec.request[name].type;
    return wrongValues[rule.is].map(([variant, value]) => {
      const body = {
        ...validBody(spec, sourceType),
        ...(name === 'StartingPositionTimestamp' && { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: pastTimestamp }),
        [name]: value,
      };
      return makeCase(spec, {
        id: `${name}/wrong-type/${variant}`,
        clause: rule.clause,
        doc: rule.doc,
        sourceType,
        subject: `${name} ${JSON.stringify(value)}, ${/^[aeiou]/.test(variant) ? 'an' : 'a'} ${variant} where the documented type is ${rule.is}`,
        request: jsonRequest(spec, body),
        expected: refusal(spec, 'constraintViolation'),
      });
    });
  });
}
