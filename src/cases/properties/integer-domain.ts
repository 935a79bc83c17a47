// The integers a property draws for one field on one source: the values the spec accepts there and
// those it refuses, as intervals, each judged by the same reading as the boundary cases.
import type { RequestField, SourceType, Spec, ValueRange } from '../../spec/types.ts';
import type { IntegerInterval } from '../case.ts';
import { integerValueCase } from '../families/boundaries.ts';
import { limitsOn, rulesOf } from '../fields.ts';
import { conditionHolds, validBody } from '../request-body.ts';

/** The documented type is a 32-bit Integer: what lies beyond it is another question than the range. */
export const INTEGER_BOUNDS: IntegerInterval = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export interface IntegerDomains {
  readonly valid: readonly IntegerInterval[];
  readonly invalid: readonly IntegerInterval[];
}

export type RangedField = RequestField & { readonly range: ValueRange };

/**
 * The 32-bit integers cut where the spec's reading of a value can change (the range, what it
 * excludes, the source's limits, the thresholds of rules that read the field), each piece accepted or refused as a whole.
 * A piece whose values the spec leaves open (accepted or refused) belongs to neither domain; a
 * source where the field is sent only under a condition the spec leaves open has no domains.
 */
export function integerDomains(spec: Spec, name: string, field: RangedField, sourceType: SourceType): IntegerDomains {
  if (leftOpenOn(spec, name, sourceType)) return { valid: [], invalid: [] };
  const limits = limitsOn(field, sourceType);
  const cuts = [field.range.minimum, field.range.maximum + 1, limits?.minimum, (limits?.maximum ?? field.range.maximum) + 1, field.excludes?.minimum, (field.excludes?.maximum ?? field.range.maximum) + 1];
  for (const rule of rulesOf(spec, 'required-when')) {
    if (rule.when.field === name && 'above' in rule.when) cuts.push(rule.when.above + 1);
    if (rule.field === name && rule.atLeast !== undefined) cuts.push(rule.atLeast);
  }
  const starts = [...new Set([INTEGER_BOUNDS.min, ...cuts.filter((cut): cut is number => cut !== undefined && cut > INTEGER_BOUNDS.min && cut <= INTEGER_BOUNDS.max)])].sort((a, b) => a - b);
  const pieces = starts.map((min, index) => ({ min, max: (starts[index + 1] ?? INTEGER_BOUNDS.max + 1) - 1 }));
  const kindOf = (value: number) => expectationKind(integerValueCase(spec, name, field, sourceType, value, '').expected);
  const valid: IntegerInterval[] = [];
  const invalid: IntegerInterval[] = [];
  for (const piece of pieces) {
    const kind = kindOf(piece.min);
    if (kind !== kindOf(piece.max)) continue;
    if (kind === 'accepted') valid.push(piece);
    if (kind === 'refused') invalid.push(piece);
  }
  return { valid, invalid };
}

/** Whether every answer an expectation allows is a success, every one a refusal, or both kinds are (left open). */
export function expectationKind(expected: { readonly status: number; readonly alsoAccepted: readonly { readonly status: number }[] }): 'accepted' | 'refused' | 'open' {
  const statuses = [expected.status, ...expected.alsoAccepted.map((outcome) => outcome.status)];
  if (statuses.every((status) => status < 300)) return 'accepted';
  if (statuses.every((status) => status >= 300)) return 'refused';
  return 'open';
}

/** A `required-when` rule says the field's meaning without its condition is an open question, and the smallest body for the source does not meet it. */
function leftOpenOn(spec: Spec, name: string, sourceType: SourceType): boolean {
  const body = validBody(spec, sourceType);
  return rulesOf(spec, 'required-when').some(
    (rule) => rule.field === name && rule.otherwise !== undefined && (rule.sourceTypes === undefined || rule.sourceTypes.includes(sourceType)) && !conditionHolds(rule.when, body),
  );
}
