// How a property case draws its values and turns each into a case of its own: pure, so the runner
// sends what `list` shows, and a seed gives the same values everywhere.
import fc from 'fast-check';
import type { Spec } from '../../spec/types.ts';
import type { Case, CaseProperty, IntegerInterval } from '../case.ts';
import { requestField } from '../fields.ts';
import { eventSourceArnArbitrary, eventSourceArnValueCase, hasEventSourceArnRules } from './event-source-arn-domain.ts';
import { functionNameArbitrary, functionNameValueCase, hasFunctionNameRules } from './function-name-domain.ts';
import { integerValueCase } from '../families/boundaries.ts';

export type PropertyCase = Case & { readonly property: CaseProperty };

export function isPropertyCase(testCase: Case): testCase is PropertyCase {
  return testCase.property !== null;
}

export type DrawnValue = number | string;

export interface Sampling {
  readonly arbitrary: fc.Arbitrary<DrawnValue>;
  /** The drawn value as a case of its own (under the property's id), judged like any other. */
  caseOf(value: DrawnValue): Case;
}

export function samplingOf(spec: Spec, testCase: PropertyCase): Sampling {
  const { field: name, values, domain } = testCase.property;
  const field = requestField(spec, name);
  switch (values.kind) {
    case 'integer': {
      const { range } = field;
      const sourceType = testCase.sourceType;
      if (range === undefined || sourceType === null) throw new Error(`${testCase.id}: ${name} has no range, or the case no source`);
      return {
        arbitrary: integersFrom(values.intervals),
        caseOf: (value) => integerValueCase(spec, name, { ...field, range }, sourceType, Number(value), testCase.id),
      };
    }
    case 'function-name':
      if (!hasFunctionNameRules(field)) throw new Error(`${testCase.id}: ${name} has no pattern or length`);
      return { arbitrary: functionNameArbitrary(field, domain), caseOf: (value) => functionNameValueCase(spec, name, field, String(value), testCase.id) };
    case 'event-source-arn':
      if (!hasEventSourceArnRules(field)) throw new Error(`${testCase.id}: ${name} has no pattern or source-type rule`);
      return { arbitrary: eventSourceArnArbitrary(field, domain), caseOf: (value) => eventSourceArnValueCase(spec, name, field, String(value), testCase.id) };
  }
}

/** Each interval as likely as another, so that a narrow one (SQS's 11–10000 beside 10001–2³¹−1) is drawn as often. */
function integersFrom(intervals: readonly IntegerInterval[]): fc.Arbitrary<number> {
  const parts = intervals.map((interval) => fc.integer(interval));
  const [only] = parts;
  if (only === undefined) throw new Error('A property over integers needs an interval');
  return parts.length === 1 ? only : fc.oneof(...parts);
}

/** The values a property case sends first, before any shrinking: what the runner draws with the same seed. */
export function drawnValues(spec: Spec, testCase: PropertyCase): DrawnValue[] {
  return fc.sample(samplingOf(spec, testCase).arbitrary, { seed: testCase.property.seed, numRuns: testCase.property.runs });
}

/** A property's own seed: the run's, mixed with the case id (FNV-1a), so that one property run alone (--grep) draws what it drew in the whole run. */
export function propertySeed(runSeed: number, id: string): number {
  let hash = 0x811c9dc5 ^ runSeed;
  for (const char of id) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return hash >>> 0;
}
