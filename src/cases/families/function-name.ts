import type { FunctionNameForm, RequestField, SourceType, Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase } from '../build.ts';
import { acceptance, refusal, refusalOf } from '../outcomes.ts';
import { placeholder } from '../placeholders.ts';
import { validBody } from '../request-body.ts';
import { successChecks } from '../success-checks.ts';

/** Function-name cases use a queue: it needs no StartingPosition, so only FunctionName varies. */
export const functionNameSource: SourceType = 'sqs';
const sourceType = functionNameSource;
const absentName = 'lambda-esm-conformance-absent';

const formLabels: Readonly<Record<FunctionNameForm, string>> = {
  name: 'a function name',
  arn: 'a function ARN',
  qualifiedArn: 'a version ARN',
  partialArn: 'a partial ARN',
};

const formValues: Readonly<Record<FunctionNameForm, string>> = {
  name: placeholder.functionName,
  arn: placeholder.functionArn,
  qualifiedArn: `${placeholder.functionArn}:$LATEST`,
  partialArn: `${placeholder.account}:function:${placeholder.functionName}`,
};

/** Names that break the documented pattern, one illegal thing each. */
export const illegalNames: ReadonlyArray<readonly [variant: string, name: string]> = [
  ['space', 'lambda esm conformance'],
  ['exclamation-mark', 'lambda-esm-conformance!'],
  ['slash', 'lambda-esm-conformance/function'],
  ['non-ascii', 'lambda-esm-conformance-é'],
];

/**
 * The field that names the function: every documented name form, the length limits of names and
 * ARNs, illegal names, an absent function.
 */
export function functionNameCases(spec: Spec, field: string, rules: RequestField): Case[] {
  const { forms, length, nameLength, pattern, exists } = rules;
  if (rules.names !== 'function' || forms === undefined || length === undefined || nameLength === undefined || pattern === undefined || exists === undefined) return [];
  const withName = (name: string) => ({ ...validBody(spec, sourceType), [field]: name });
  const request = (name: string) => jsonRequest(spec, withName(name));

  const formCases = (Object.keys(formValues) as FunctionNameForm[]).map((form) => {
    const citation = forms[form];
    return makeCase(spec, {
      id: `${field}/form/${form}`,
      clause: citation.clause,
      doc: citation.doc,
      sourceType,
      subject: `${field} as ${formLabels[form]}, "${formValues[form]}"`,
      request: request(formValues[form]),
      expected: acceptance(spec, 'Every documented name form names the function.', successChecks(spec, sourceType, withName(formValues[form]), form)),
    });
  });

  const bareName = (size: number) => absentName + '-' + 'x'.repeat(size - absentName.length - 1);
  const arnOfLength = (size: number) => `arn:aws:lambda:${placeholder.region}:${placeholder.account}:function:${placeholder.functionName}:${placeholder.fillTo(size)}`;
  const lengthCases = [
    { id: `name-${nameLength.maximum}`, value: bareName(nameLength.maximum), rule: nameLength, fits: true, what: `a ${nameLength.maximum}-character name of no function` },
    { id: `name-${nameLength.maximum + 1}`, value: bareName(nameLength.maximum + 1), rule: nameLength, fits: false, what: `a ${nameLength.maximum + 1}-character name` },
    { id: `arn-${length.maximum}`, value: arnOfLength(length.maximum), rule: length, fits: true, what: `a ${length.maximum}-character ARN of a version that does not exist` },
    { id: `arn-${length.maximum + 1}`, value: arnOfLength(length.maximum + 1), rule: length, fits: false, what: `a ${length.maximum + 1}-character ARN` },
    { id: 'empty', value: '', rule: length, fits: false, what: 'an empty string' },
  ].map(({ id, value, rule, fits, what }) =>
    makeCase(spec, {
      id: `${field}/length/${id}`,
      clause: rule.clause,
      doc: rule.doc,
      sourceType,
      // A name that fits the limit passes validation and can then only be missing.
      subject: `${field} ${what}${fits ? ', within the length limit' : ', beyond the length limit'}`,
      request: request(value),
      expected: fits ? refusal(spec, exists.outcome) : refusalOf(spec, rule, 'constraintViolation'),
    }),
  );

  const illegal = illegalNames.map(([variant, name]) =>
    makeCase(spec, {
      id: `${field}/illegal/${variant}`,
      clause: pattern.clause,
      doc: pattern.doc,
      sourceType,
      subject: `${field} "${name}", outside the documented pattern`,
      request: request(name),
      expected: refusalOf(spec, pattern, 'constraintViolation'),
    }),
  );

  const absent = makeCase(spec, {
    id: `${field}/absent`,
    clause: exists.clause,
    doc: exists.doc,
    sourceType,
    subject: `${field} "${absentName}", a function that does not exist`,
    request: request(absentName),
    expected: refusal(spec, exists.outcome),
  });

  return [...formCases, ...lengthCases, ...illegal, absent];
}
