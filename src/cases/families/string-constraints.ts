import type { RequestField, Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { sourcesOf } from '../fields.ts';
import { acceptance, refusalOf } from '../outcomes.ts';
import { completeBody, validBody } from '../request-body.ts';
import { successChecks } from '../success-checks.ts';

/** The text values of a string field are made of, when the spec gives no example. */
const filler = 'lambda-esm-conformance';

/**
 * A plain string field (not a fixture's name, not enumerated) at and beyond its documented
 * lengths (min−1, min, max, max+1 characters), and with characters its documented pattern does not
 * allow, on the first source it applies to. A length is spelt by repeating the field's example.
 */
export function stringConstraintCases(spec: Spec, name: string, field: RequestField): Case[] {
  const sourceType = sourcesOf(spec, field)[0];
  if (field.type.is !== 'string' || field.names !== undefined || field.values !== undefined || sourceType === undefined) return [];
  const base = typeof field.example === 'string' && field.example !== '' ? field.example : filler;
  const { length, pattern } = field;
  const documented = pattern === undefined ? () => true : (value: string) => new RegExp(`^(?:${pattern.regex})$`).test(value);
  const fits = (value: string) => length === undefined || (value.length >= length.minimum && value.length <= length.maximum);
  const send = (value: string) => completeBody(spec, sourceType, { ...validBody(spec, sourceType), [name]: value });
  const title = sourceTitle(spec, sourceType);

  const lengthCases =
    length === undefined
      ? []
      : [...new Set([length.minimum - 1, length.minimum, length.maximum, length.maximum + 1])]
          .filter((size) => size >= 0)
          .map((size) => ({ size, value: base.repeat(Math.ceil(size / base.length)).slice(0, size) }))
          // A value within the limits that breaks the pattern would test the pattern, not the length.
          .filter(({ value }) => !fits(value) || documented(value))
          .map(({ size, value }) => {
            const body = send(value);
            return makeCase(spec, {
              id: `${name}/length/${size}`,
              clause: length.clause,
              doc: length.doc,
              sourceType,
              subject: `${name} of ${size} characters on ${title}, ${fits(value) ? 'within' : 'outside'} ${length.minimum}–${length.maximum}`,
              request: jsonRequest(spec, body),
              expected: fits(value)
                ? acceptance(spec, `${size} characters lie within the documented length.`, successChecks(spec, sourceType, body))
                : refusalOf(spec, length, 'constraintViolation'),
            });
          });

  const illegal: ReadonlyArray<readonly [variant: string, value: string]> = [
    ['space', `${base} x`],
    ['exclamation-mark', `${base}!`],
    ['slash', `${base}/x`],
    ['non-ascii', `${base}é`],
  ];
  const patternCases =
    pattern === undefined
      ? []
      : illegal
          .filter(([, value]) => fits(value) && !documented(value))
          .map(([variant, value]) =>
            makeCase(spec, {
              id: `${name}/illegal/${variant}`,
              clause: pattern.clause,
              doc: pattern.doc,
              sourceType,
              subject: `${name} ${JSON.stringify(value)} on ${title}, outside the documented pattern`,
              request: jsonRequest(spec, send(value)),
              expected: refusalOf(spec, pattern, 'constraintViolation'),
            }),
          );
  return [...lengthCases, ...patternCases];
}
