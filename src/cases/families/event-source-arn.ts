import { sourceTypesOf, type RequestField, type SourceType, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { exampleValue, fieldNaming } from '../fields.ts';
import { openQuestion, refusal, refusalOf } from '../outcomes.ts';
import { placeholder } from '../placeholders.ts';
import { validBody } from '../request-body.ts';

/** Deliberately malformed ARNs, each breaking the documented form in one way. */
export const malformedArns: ReadonlyArray<readonly [variant: string, arn: string]> = [
  ['empty', ''],
  ['not-an-arn', 'lambda-esm-conformance-queue'],
  ['no-arn-prefix', 'aws:sqs:us-east-1:123456789012:lambda-esm-conformance-queue'],
  ['wrong-partition', 'arn:gcp:sqs:us-east-1:123456789012:lambda-esm-conformance-queue'],
  ['missing-service', 'arn:aws::us-east-1:123456789012:lambda-esm-conformance-queue'],
  ['bad-region', 'arn:aws:sqs:useast1:123456789012:lambda-esm-conformance-queue'],
  ['account-11-digits', 'arn:aws:sqs:us-east-1:12345678901:lambda-esm-conformance-queue'],
  ['account-13-digits', 'arn:aws:sqs:us-east-1:1234567890123:lambda-esm-conformance-queue'],
  ['account-not-digits', 'arn:aws:sqs:us-east-1:12345678901a:lambda-esm-conformance-queue'],
  ['too-few-parts', 'arn:aws:sqs:us-east-1'],
  ['unsupported-service', 'arn:aws:s3:::lambda-esm-conformance-bucket'],
  ['unsupported-resource', 'arn:aws:dynamodb:us-east-1:123456789012:table/lambda-esm-conformance-table'],
];

/** A length no real resource name reaches; no limit is documented, so the outcome is left open. */
const overLongArnLength = 2100;

const absentName = 'lambda-esm-conformance-absent';
const absentArns: Readonly<Record<SourceType, string>> = {
  kinesis: `arn:aws:kinesis:${placeholder.region}:${placeholder.account}:stream/${absentName}`,
  dynamodb: `arn:aws:dynamodb:${placeholder.region}:${placeholder.account}:table/${absentName}/stream/2019-01-01T00:00:00.000`,
  sqs: `arn:aws:sqs:${placeholder.region}:${placeholder.account}:${absentName}`,
  sqsFifo: `arn:aws:sqs:${placeholder.region}:${placeholder.account}:${absentName}.fifo`,
};

/**
 * The field that names the event source: malformed ARNs, ARNs of things that are not event
 * sources, and ARNs of sources that do not exist.
 */
export function eventSourceArnCases(spec: Spec, field: string, rules: RequestField): Case[] {
  const { pattern, sourceType: sourceTypeRule } = rules;
  if (rules.names !== 'event-source' || pattern === undefined || sourceTypeRule === undefined) return [];
  const functionField = fieldNaming(spec, 'function');
  const onlyFunction = { [functionField]: String(exampleValue(spec, functionField, 'sqs')) };
  const documentedForm = new RegExp(`^(?:${pattern.regex})$`);

  const malformed = malformedArns.map(([variant, arn]) => {
    // The generator derives each outcome from the documented pattern instead of asserting it:
    // an ARN that still matches is refused only because it names no supported event source.
    const rule = documentedForm.test(arn) ? sourceTypeRule : pattern;
    return makeCase(spec, {
      id: `${field}/malformed/${variant}`,
      clause: rule.clause,
      doc: rule.doc,
      sourceType: null,
      subject: `${field} "${arn}" (${variant.replaceAll('-', ' ')})`,
      request: jsonRequest(spec, { ...onlyFunction, [field]: arn }),
      expected: rule === pattern ? refusalOf(spec, pattern, 'constraintViolation') : refusalOf(spec, sourceTypeRule, 'ruleViolation'),
    });
  });

  const length = spec.unspecified.unboundedArnLength;
  const overLong = makeCase(spec, {
    id: `${field}/malformed/over-long`,
    clause: length.clause,
    doc: length.doc,
    sourceType: null,
    subject: `${field} of ${overLongArnLength} characters in the documented form`,
    request: jsonRequest(spec, {
      ...onlyFunction,
      [field]: `arn:aws:sqs:${placeholder.region}:${placeholder.account}:${absentName}-${placeholder.fillTo(overLongArnLength)}`,
    }),
    expected: openQuestion(spec, 'unboundedArnLength'),
  });

  const exists = rules.exists;
  const absent = exists === undefined ? [] : sourceTypesOf(spec).map((sourceType) =>
    makeCase(spec, {
      id: `${field}/${sourceType}/absent`,
      clause: exists.clause,
      doc: exists.doc,
      sourceType,
      subject: `${field} of ${sourceTitle(spec, sourceType)} that does not exist`,
      request: jsonRequest(spec, { ...validBody(spec, sourceType), [field]: absentArns[sourceType] }),
      expected: refusal(spec, exists.outcome),
    }),
  );

  return [...malformed, overLong, ...absent];
}
