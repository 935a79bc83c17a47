import { sourceTypes, type RequestFieldName, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle, validBody } from '../build.ts';
import { refusal } from '../outcomes.ts';

/**
 * Each required field left out. Without an EventSourceArn nothing tells the source type, so that
 * case is sent once; a missing FunctionName is tried against every source type.
 */
export function requiredFieldCases(spec: Spec): Case[] {
  return (Object.keys(spec.request) as RequestFieldName[]).flatMap((name) => {
    const required = spec.request[name].required;
    if (required === undefined) return [];
    const targets = name === 'EventSourceArn' ? [null] : sourceTypes;
    return targets.map((sourceType) => {
      const full = validBody(spec, sourceType ?? 'sqs');
      const body = Object.fromEntries(Object.entries(full).filter(([key]) => key !== name));
      return makeCase(spec, {
        id: `${name}/${sourceType ?? 'any'}/missing`,
        clause: required.clause,
        doc: required.doc,
        sourceType,
        subject: `${name} missing${sourceType === null ? '' : ` on ${sourceTitle(spec, sourceType)}`}`,
        request: jsonRequest(spec, body),
        expected: refusal(spec, 'constraintViolation'),
      });
    });
  });
}
