import type { RequestField, Spec } from '../../spec/types.ts';
import type { Case, JsonValue } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { sourcesOf } from '../fields.ts';
import { acceptance, refusalOf } from '../outcomes.ts';
import { completeBody, validBody } from '../request-body.ts';
import { successChecks } from '../success-checks.ts';
import { madeUpOutsider } from './documented-values.ts';

/**
 * A list field on the first source it applies to: as many items as its documented length allows
 * and one beyond each end (each item its first documented value), and an undocumented item.
 */
export function listItemCases(spec: Spec, name: string, field: RequestField): Case[] {
  const sourceType = sourcesOf(spec, field)[0];
  const item = field.values?.enum[0];
  if (field.type.is !== 'list' || sourceType === undefined || item === undefined) return [];
  const title = sourceTitle(spec, sourceType);
  const send = (value: JsonValue) => completeBody(spec, sourceType, { ...validBody(spec, sourceType), [name]: value });
  const { length, values } = field;

  const counts =
    length === undefined
      ? []
      : [...new Set([length.minimum - 1, length.minimum, length.maximum, length.maximum + 1])]
          .filter((count) => count >= 0)
          .map((count) => {
            const body = send(Array.from({ length: count }, () => item));
            const fits = count >= length.minimum && count <= length.maximum;
            return makeCase(spec, {
              id: `${name}/${sourceType}/items-${count}`,
              clause: length.clause,
              doc: length.doc,
              sourceType,
              subject: `${name} of ${count} item${count === 1 ? '' : 's'} on ${title}, ${fits ? 'within' : 'outside'} ${length.minimum}–${length.maximum}`,
              request: jsonRequest(spec, body),
              expected: fits
                ? acceptance(spec, `${count} items lie within the documented length.`, successChecks(spec, sourceType, body))
                : refusalOf(spec, length, 'constraintViolation'),
            });
          });

  const outsider = values?.outsider ?? madeUpOutsider;
  const undocumented =
    values === undefined
      ? []
      : [
          makeCase(spec, {
            id: `${name}/${sourceType}/${outsider}`,
            clause: values.clause,
            doc: values.doc,
            sourceType,
            subject: `${name} ["${outsider}"], not a documented value, on ${title}`,
            request: jsonRequest(spec, send([outsider])),
            expected: refusalOf(spec, values, 'constraintViolation'),
          }),
        ];
  return [...counts, ...undocumented];
}
