// The strings a property draws for the field that names the event source: ARNs in the documented
// pattern (none names a source that exists: refused as not a source, or as not found) and strings
// outside it (refused as invalid).
import fc from 'fast-check';
import { sourceTypesOf, type RequestField, type SourceType, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { exampleValue, fieldNaming } from '../fields.ts';
import { refusal, refusalOf } from '../outcomes.ts';
import { validBody } from '../request-body.ts';
import { sendable, wholeValue } from './strings.ts';

export type EventSourceArnRules = RequestField & {
  readonly pattern: NonNullable<RequestField['pattern']>;
  readonly sourceType: NonNullable<RequestField['sourceType']>;
  readonly exists: NonNullable<RequestField['exists']>;
};

export function hasEventSourceArnRules(field: RequestField): field is EventSourceArnRules {
  return field.names === 'event-source' && field.pattern !== undefined && field.sourceType !== undefined && field.exists !== undefined;
}

/**
 * No length is documented, and the spec leaves open what a well-formed ARN too long to name a real
 * resource gets (`unboundedArnLength`): drawn ARNs stay shorter than any such question.
 */
const LONGEST_DRAWN_ARN = 256;

/** The source type whose documented ARN form (service and resource) the value has, if any. */
function sourceTypeNamed(spec: Spec, arn: string): SourceType | undefined {
  const [, , service, , , ...resource] = arn.split(':');
  return sourceTypesOf(spec).find((sourceType) => {
    const form = spec.sourceTypes[sourceType]?.arn;
    return form !== undefined && form.service === service && new RegExp(form.resource).test(resource.join(':'));
  });
}

/**
 * The case of one drawn value. An ARN in the form of a source is sent as that source's smallest
 * valid request, so that only its existence is in question (the field's `exists` rule);
 * any other value with the function alone.
 */
export function eventSourceArnValueCase(spec: Spec, field: string, rules: EventSourceArnRules, value: string, id: string): Case {
  const functionField = fieldNaming(spec, 'function');
  const alone = jsonRequest(spec, { [functionField]: String(exampleValue(spec, functionField, 'sqs')), [field]: value });
  if (!wholeValue(rules.pattern.regex).test(value)) {
    return makeCase(spec, {
      id,
      clause: rules.pattern.clause,
      doc: rules.pattern.doc,
      sourceType: null,
      subject: `${field} ${JSON.stringify(value)}, outside the documented pattern`,
      request: alone,
      expected: refusalOf(spec, rules.pattern, 'constraintViolation'),
    });
  }
  const named = sourceTypeNamed(spec, value);
  if (named === undefined) {
    return makeCase(spec, {
      id,
      clause: rules.sourceType.clause,
      doc: rules.sourceType.doc,
      sourceType: null,
      subject: `${field} ${JSON.stringify(value)}, an ARN of no supported event source`,
      request: alone,
      expected: refusalOf(spec, rules.sourceType, 'ruleViolation'),
    });
  }
  const { exists } = rules;
  return makeCase(spec, {
    id,
    clause: exists.clause,
    doc: exists.doc,
    sourceType: named,
    subject: `${field} ${JSON.stringify(value)}, ${sourceTitle(spec, named)} that does not exist`,
    request: jsonRequest(spec, { ...validBody(spec, named), [field]: value }),
    expected: refusal(spec, exists.outcome),
  });
}

/** Valid: strings of the documented pattern. Invalid: printable and any Unicode strings outside it. */
export function eventSourceArnArbitrary(rules: EventSourceArnRules, domain: 'valid' | 'invalid'): fc.Arbitrary<string> {
  const pattern = wholeValue(rules.pattern.regex);
  if (domain === 'valid') return fc.stringMatching(pattern).filter((value) => sendable(value) && value.length <= LONGEST_DRAWN_ARN);
  return fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })).filter((value) => sendable(value) && !pattern.test(value));
}
