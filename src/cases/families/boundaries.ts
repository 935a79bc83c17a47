import type { RequestField, SourceType, Spec, ValueRange } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { limitsOn, sourcesOf } from '../fields.ts';
import { acceptance, refusalOf } from '../outcomes.ts';
import { addedMembers, completeBody, validBody } from '../request-body.ts';
import { successChecks } from '../success-checks.ts';

/**
 * An integer field at and beyond both ends of its documented range, of each source's own limits
 * and of the values the range excludes (min−1, min, max, max+1), and at the range's extra probes,
 * on every source it applies to.
 */
export function boundaryCases(spec: Spec, name: string, field: RequestField): Case[] {
  const range = field.range;
  if (range === undefined || field.type.is !== 'integer') return [];
  return sourcesOf(spec, field).flatMap((sourceType) => {
    const limits = limitsOn(field, sourceType);
    if (limits === undefined) return [];
    const excluded = field.excludes === undefined ? [] : [field.excludes.minimum - 1, field.excludes.minimum, field.excludes.maximum, field.excludes.maximum + 1];
    const probes = [range.minimum - 1, range.minimum, range.maximum + 1, limits.minimum - 1, limits.minimum, limits.maximum, limits.maximum + 1, ...excluded, ...(range.probes ?? [])];
    return [...new Set(probes)].sort((a, b) => a - b).map((value) => integerValueCase(spec, name, { ...field, range }, sourceType, value, `${name}/${sourceType}/${value}`));
  });
}

/**
 * The case of one value of an integer field with a range on a source: refused outside the range,
 * among the values it excludes or outside the source's own limits, otherwise accepted and echoed. Boundary cases and the
 * values a property draws are judged by this one reading of the spec.
 */
export function integerValueCase(spec: Spec, name: string, field: RequestField & { readonly range: ValueRange }, sourceType: SourceType, value: number, id: string): Case {
  const { range } = field;
  const { minimum, maximum, own } = limitsOn(field, sourceType) ?? { minimum: range.minimum, maximum: range.maximum, own: undefined };
  const title = sourceTitle(spec, sourceType);
  const start = { ...validBody(spec, sourceType), [name]: value };
  const body = completeBody(spec, sourceType, start);
  const common = { id, sourceType, request: jsonRequest(spec, body) };
  if (value < range.minimum || value > range.maximum) {
    return makeCase(spec, {
      ...common,
      clause: range.clause,
      doc: range.doc,
      subject: `${name} ${value} on ${title}, outside the documented range ${range.minimum}–${range.maximum}`,
      expected: refusalOf(spec, range, 'constraintViolation'),
    });
  }
  const { excludes } = field;
  if (excludes !== undefined && value >= excludes.minimum && value <= excludes.maximum) {
    return makeCase(spec, {
      ...common,
      clause: excludes.clause,
      doc: excludes.doc,
      subject: `${name} ${value} on ${title}, inside the range but among the values ${excludes.minimum}–${excludes.maximum} it excludes`,
      expected: refusalOf(spec, excludes, 'ruleViolation'),
    });
  }
  if (own !== undefined && (value < minimum || value > maximum)) {
    return makeCase(spec, {
      ...common,
      clause: own.clause,
      doc: own.doc,
      subject: `${name} ${value} on ${title}, ${value > maximum ? `above its maximum of ${maximum}` : `below its minimum of ${minimum}`}`,
      expected: refusalOf(spec, own, 'ruleViolation'),
    });
  }
  const decisive = own !== undefined && (value === own.minimum || value === own.maximum) ? own : range;
  return makeCase(spec, {
    ...common,
    clause: decisive.clause,
    doc: decisive.doc,
    subject: `${name} ${value} on ${title}, within its limits${addedMembers(start, body)}`,
    expected: acceptance(spec, `${value} lies within ${minimum}–${maximum} for ${title}.`, successChecks(spec, sourceType, body)),
  });
}
