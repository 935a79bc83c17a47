// The strings a property draws for the field that names the function: inside the documented
// pattern and lengths (a function that does not exist: refused as not found) and outside them
// (refused as invalid, with the outcome of any rule the value breaks).
import fc from 'fast-check';
import type { Refusable, RequestField, Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase } from '../build.ts';
import { functionNameSource } from '../families/function-name.ts';
import { anyOf, refusal, refusalOf } from '../outcomes.ts';
import { validBody } from '../request-body.ts';
import { charactersAlone, sendable, wholeValue } from './strings.ts';

export type FunctionNameRules = RequestField & { readonly pattern: NonNullable<RequestField['pattern']>; readonly length: NonNullable<RequestField['length']> };

export function hasFunctionNameRules(field: RequestField): field is FunctionNameRules {
  return field.names === 'function' && field.pattern !== undefined && field.length !== undefined;
}

interface Breach {
  readonly rule: Refusable;
  readonly what: string;
}

/** Every documented rule the value breaks: its length, the length of a name given alone (no colon: no ARN part), its pattern. */
function breaches(rules: FunctionNameRules, value: string): Breach[] {
  const { length, nameLength, pattern } = rules;
  const found: Breach[] = [];
  if (value.length < length.minimum || value.length > length.maximum) found.push({ rule: length, what: `${value.length} characters, outside ${length.minimum}–${length.maximum}` });
  if (nameLength !== undefined && !value.includes(':') && value.length > nameLength.maximum) found.push({ rule: nameLength, what: `a name alone longer than ${nameLength.maximum} characters` });
  if (!wholeValue(pattern.regex).test(value)) found.push({ rule: pattern, what: 'outside the documented pattern' });
  return found;
}

/** The case of one drawn value, sent on the queue the function-name cases use. */
export function functionNameValueCase(spec: Spec, field: string, rules: FunctionNameRules, value: string, id: string): Case {
  const found = breaches(rules, value);
  const common = { id, sourceType: functionNameSource, request: jsonRequest(spec, { ...validBody(spec, functionNameSource), [field]: value }) };
  const [first] = found;
  if (first === undefined) {
    return makeCase(spec, {
      ...common,
      clause: rules.pattern.clause,
      doc: rules.pattern.doc,
      subject: `${field} ${JSON.stringify(value)}, within the documented pattern and lengths, naming no function`,
      expected: refusal(spec, 'functionNotFound'),
    });
  }
  return makeCase(spec, {
    ...common,
    clause: first.rule.clause,
    doc: first.rule.doc,
    subject: `${field} ${JSON.stringify(value)}, ${found.map((breach) => breach.what).join('; ')}`,
    expected: anyOf(
      found.map((breach) => refusalOf(spec, breach.rule, 'constraintViolation')),
      'The value breaks a documented rule of the field; a service may check its rules in any order.',
    ),
  });
}

/**
 * Valid: strings of the pattern within the lengths. Invalid: strings outside the pattern within
 * the lengths, names alone beyond their own limit, strings of the pattern beyond the length,
 * and shorter than the minimum. Each part shrinks towards its own boundary.
 */
export function functionNameArbitrary(rules: FunctionNameRules, domain: 'valid' | 'invalid'): fc.Arbitrary<string> {
  const { length, nameLength } = rules;
  const pattern = wholeValue(rules.pattern.regex);
  const inPattern = (size: 'small' | 'medium') => fc.stringMatching(pattern, { size });
  if (domain === 'valid') return inPattern('small').filter((value) => sendable(value) && breaches(rules, value).length === 0);
  const shortest = Math.max(1, length.minimum);
  const parts = [
    fc.string({ minLength: shortest, maxLength: Math.min(length.maximum, nameLength?.maximum ?? length.maximum) }).filter((value) => !pattern.test(value)),
    inPattern('medium').filter((value) => value.length > length.maximum),
    ...(length.minimum > 0 ? [fc.string({ maxLength: length.minimum - 1 })] : []),
    ...(nameLength === undefined
      ? []
      : [fc.string({ unit: charactersAlone(pattern, ':'), minLength: nameLength.maximum + 1, maxLength: Math.max(length.maximum, nameLength.maximum) + 1 })]),
  ];
  return fc.oneof(...parts).filter((value) => sendable(value) && breaches(rules, value).length > 0);
}
