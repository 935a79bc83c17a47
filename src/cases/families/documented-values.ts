import type { FieldValue, RequestField, Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { forbiddingRule, rulesOf, sourcesOf } from '../fields.ts';
import { acceptance, openQuestion, refusalOf } from '../outcomes.ts';
import { completeBody, validBody } from '../request-body.ts';
import { stateChecks, successChecks } from '../success-checks.ts';

/** Sent to show an enumeration is enforced, when the spec names no outsider of its own. */
export const madeUpOutsider = 'LAMBDA_ESM_CONFORMANCE_UNDOCUMENTED';

/**
 * Every documented value of an enumerated or boolean field on every source it applies to: accepted,
 * refused where a rule keeps the value to other sources, or left open where the spec says so; a
 * mapping created with a value never reports a state the spec calls contrary to it. Then an
 * undocumented value, refused on every source.
 */
export function documentedValueCases(spec: Spec, name: string, field: RequestField): Case[] {
  // A list's documented values are those of its items (list-items.ts).
  if (field.type.is === 'list') return [];
  const domain: readonly FieldValue[] = field.values?.enum ?? (field.type.is === 'boolean' ? [true, false] : []);
  const citation = field.values ?? field.meaning ?? field.type;
  const requiredFor = rulesOf(spec, 'required-for-source-types').find((rule) => rule.field === name);

  const documented = sourcesOf(spec, field).flatMap((sourceType) =>
    domain.map((value) => {
      const body = completeBody(spec, sourceType, { ...validBody(spec, sourceType), [name]: value });
      const subject = `${name} ${String(value)} on ${sourceTitle(spec, sourceType)}`;
      const common = { id: `${name}/${sourceType}/${String(value)}`, sourceType, subject, request: jsonRequest(spec, body) };
      const forbidding = forbiddingRule(spec, name, value, sourceType);
      if (forbidding !== undefined) {
        return makeCase(spec, { ...common, clause: forbidding.clause, doc: forbidding.doc, expected: refusalOf(spec, forbidding, 'ruleViolation') });
      }
      if (requiredFor?.elsewhere !== undefined && !requiredFor.sourceTypes.includes(sourceType)) {
        const question = spec.unspecified[requiredFor.elsewhere];
        if (question === undefined) throw new Error(`The spec has no open question "${requiredFor.elsewhere}"`);
        return makeCase(spec, { ...common, clause: question.clause, doc: question.doc, expected: openQuestion(spec, requiredFor.elsewhere, successChecks(spec, sourceType, body)) });
      }
      const contrary = field.meaning?.contraryStates?.[String(value)];
      const why =
        contrary === undefined
          ? `${String(value)} is a documented value allowed for this source.`
          : `A mapping created with ${name} ${String(value)} is accepted and is not in state ${contrary.join(' or ')}.`;
      return makeCase(spec, { ...common, clause: citation.clause, doc: citation.doc, expected: acceptance(spec, why, [...successChecks(spec, sourceType, body), ...stateChecks(field, value)]) });
    }),
  );

  const values = field.values;
  if (values === undefined) return documented;
  const outsider = values.outsider ?? madeUpOutsider;
  const undocumented = sourcesOf(spec, field).map((sourceType) =>
    makeCase(spec, {
      id: `${name}/${sourceType}/${outsider}`,
      clause: values.clause,
      doc: values.doc,
      sourceType,
      subject: `${name} ${outsider}, not a documented value, on ${sourceTitle(spec, sourceType)}`,
      request: jsonRequest(spec, { ...validBody(spec, sourceType), [name]: outsider }),
      expected: refusalOf(spec, values, 'constraintViolation'),
    }),
  );
  return [...documented, ...undocumented];
}
