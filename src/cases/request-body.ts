// The request bodies cases start from: the smallest valid one for a source type, and a body made
// whole by the rules between fields, so that a case varies one thing and breaks only what it means to.
import type { Condition, FieldValue, SourceType, Spec } from '../spec/types.ts';
import type { JsonObject } from './case.ts';
import { exampleValue, fieldNaming, rulesOf } from './fields.ts';

type Body = Record<string, JsonObject[string]>;

/**
 * The smallest request the spec accepts for a source type: the function and the source, plus
 * what the spec's rules require for that source (StartingPosition on streams).
 */
export function validBody(spec: Spec, sourceType: SourceType): JsonObject {
  const body: Body = {};
  for (const name of [fieldNaming(spec, 'function'), fieldNaming(spec, 'event-source')]) set(body, name, exampleValue(spec, name, sourceType));
  for (const rule of rulesOf(spec, 'required-for-source-types')) {
    if (rule.sourceTypes.includes(sourceType)) set(body, rule.field, exampleValue(spec, rule.field, sourceType));
  }
  return completeBody(spec, sourceType, body);
}

/**
 * The body with every field a `required-when` rule asks for added (at its least allowed value),
 * for the rules whose condition the body meets. Fields the body has are left as they are.
 */
export function completeBody(spec: Spec, sourceType: SourceType, body: JsonObject): JsonObject {
  const whole: Body = { ...body };
  const rules = rulesOf(spec, 'required-when').filter((rule) => rule.sourceTypes === undefined || rule.sourceTypes.includes(sourceType));
  // Each pass may meet a further rule's condition; there cannot be more passes than rules.
  for (let pass = 0; pass < rules.length; pass++) {
    const missing = rules.filter((rule) => !(rule.field in whole) && conditionHolds(rule.when, whole));
    if (missing.length === 0) break;
    for (const rule of missing) set(whole, rule.field, rule.atLeast ?? exampleValue(spec, rule.field, sourceType));
  }
  return whole;
}

export function conditionHolds(condition: Condition, body: JsonObject): boolean {
  const value = body[condition.field];
  return 'equals' in condition ? value === condition.equals : typeof value === 'number' && value > condition.above;
}

/** The body without one member. */
export function without(body: JsonObject, name: string): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== name));
}

/** The members of `body` that `start` did not have, as "with A 1 and B 2" (empty when none). */
export function addedMembers(start: JsonObject, body: JsonObject): string {
  const added = Object.entries(body).filter(([key]) => !(key in start));
  return added.length === 0 ? '' : `, with ${added.map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(' and ')}`;
}

function set(body: Body, name: string, value: FieldValue | undefined): void {
  if (value !== undefined) body[name] = value;
}
