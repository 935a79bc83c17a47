import { sourceTypesOf, type Condition, type FieldValue, type SourceType, type Spec } from '../../spec/types.ts';
import type { Case, JsonObject } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { allowedValues, exampleValue, limitsOn, requestField, rulesOf, sourcesOf, type RuleOf } from '../fields.ts';
import { acceptance, openQuestion, refusalOf } from '../outcomes.ts';
import { completeBody, conditionHolds, validBody, without } from '../request-body.ts';
import { successChecks } from '../success-checks.ts';

/**
 * The rules between fields and source types: a field required for some sources left out there;
 * a field required when another has a value left out (or set too low) when it has it, and sent
 * when it has not, where the spec leaves that open. (A value kept to some sources is tried on
 * every source by the documented values.)
 */
export function crossFieldRuleCases(spec: Spec): Case[] {
  const requiredFor = rulesOf(spec, 'required-for-source-types').flatMap((rule) =>
    rule.sourceTypes.map((sourceType) =>
      makeCase(spec, {
        id: `${rule.field}/${sourceType}/missing`,
        clause: rule.clause,
        doc: rule.doc,
        sourceType,
        subject: `${rule.field} missing on ${sourceTitle(spec, sourceType)}`,
        request: jsonRequest(spec, without(validBody(spec, sourceType), rule.field)),
        expected: refusalOf(spec, rule, 'ruleViolation'),
      }),
    ),
  );
  return [...requiredFor, ...rulesOf(spec, 'required-when').flatMap((rule) => requiredWhenCases(spec, rule))];
}

function requiredWhenCases(spec: Spec, rule: RuleOf<'required-when'>): Case[] {
  const { field, when } = rule;
  const trigger = (sourceType: SourceType) => triggeringValue(spec, when, sourceType);
  const label = 'equals' in when ? String(when.equals) : `${when.field}-${when.above + 1}`;
  const applies = (sourceType: SourceType) =>
    (rule.sourceTypes === undefined || rule.sourceTypes.includes(sourceType)) && sourcesOf(spec, requestField(spec, field)).includes(sourceType);

  // A breach is refused, or, where the rule is unsettled, an open question with the outcomes it allows.
  const unsettled = rule.unsettled === undefined ? undefined : spec.unspecified[rule.unsettled];
  const withCondition = sourceTypesOf(spec).filter(applies).flatMap((sourceType) => {
    const breach = (body: JsonObject) => {
      const request = jsonRequest(spec, body);
      if (rule.unsettled === undefined || unsettled === undefined) return { request, expected: refusalOf(spec, rule, 'ruleViolation') };
      return { request, clause: unsettled.clause, doc: unsettled.doc, expected: openQuestion(spec, rule.unsettled, successChecks(spec, sourceType, body)) };
    };
    const value = trigger(sourceType);
    if (value === undefined) return [];
    const title = sourceTitle(spec, sourceType);
    const whole = completeBody(spec, sourceType, { ...validBody(spec, sourceType), [when.field]: value });
    const common = { clause: rule.clause, doc: rule.doc, sourceType };
    const missing = makeCase(spec, {
      ...common,
      ...breach(without(whole, field)),
      id: `${field}/${sourceType}/missing-with-${label}`,
      subject: `${when.field} ${String(value)} without ${field} on ${title}`,
    });
    if (rule.atLeast === undefined) return [missing];
    const least = rule.atLeast;
    const below = { ...whole, [field]: least - 1 };
    const atLeast = { ...whole, [field]: least };
    return [
      missing,
      makeCase(spec, {
        ...common,
        ...breach(below),
        id: `${field}/${sourceType}/${least - 1}-with-${label}`,
        subject: `${when.field} ${String(value)} with ${field} ${least - 1} on ${title}, below the ${least} it requires`,
      }),
      makeCase(spec, {
        ...common,
        id: `${field}/${sourceType}/${least}-with-${label}`,
        subject: `${when.field} ${String(value)} with ${field} ${least} on ${title}`,
        request: jsonRequest(spec, atLeast),
        expected: acceptance(spec, `${field} ${least} is what ${when.field} ${String(value)} requires.`, successChecks(spec, sourceType, atLeast)),
      }),
    ];
  });

  const otherwise = rule.otherwise;
  const question = otherwise === undefined ? undefined : spec.unspecified[otherwise];
  if (otherwise === undefined || question === undefined) return withCondition;
  const withoutCondition = sourceTypesOf(spec).filter(applies).flatMap((sourceType) => {
    const start = validBody(spec, sourceType);
    const value = exampleValue(spec, field, sourceType);
    if (start[when.field] === undefined || conditionHolds(when, start) || value === undefined) return [];
    const body: JsonObject = { ...start, [field]: value };
    return [
      makeCase(spec, {
        id: `${field}/${sourceType}/without-${label}`,
        clause: question.clause,
        doc: question.doc,
        sourceType,
        subject: `${field} with ${when.field} ${String(start[when.field])} on ${sourceTitle(spec, sourceType)}`,
        request: jsonRequest(spec, body),
        expected: openQuestion(spec, otherwise, successChecks(spec, sourceType, body)),
      }),
    ];
  });
  return [...withCondition, ...withoutCondition];
}

/** A value of the condition's field that meets it and is otherwise valid on the source type, if there is one. */
function triggeringValue(spec: Spec, when: Condition, sourceType: SourceType): FieldValue | undefined {
  const conditionField = requestField(spec, when.field);
  if (!sourcesOf(spec, conditionField).includes(sourceType)) return undefined;
  if ('equals' in when) {
    const allowed = conditionField.values === undefined || allowedValues(spec, when.field, sourceType).includes(String(when.equals));
    return allowed ? when.equals : undefined;
  }
  const limits = limitsOn(conditionField, sourceType);
  return limits === undefined || limits.maximum > when.above ? when.above + 1 : undefined;
}
