// The property cases of a spec: for each integer field with a range and each source it applies to,
// one over the values it accepts there and one over those it refuses; for the fields naming the
// function and the event source, strings inside and outside their documented forms. Read from the
// field's rules alone, so a field added to the spec gets its properties.
import type { RequestField, SourceType, Spec } from '../../spec/types.ts';
import type { Case, CaseProperty, Expectation, IntegerInterval, JsonObject, PropertyValues } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { integerValueCase } from '../families/boundaries.ts';
import { functionNameSource } from '../families/function-name.ts';
import { exampleValue, fieldNaming, sourcesOf } from '../fields.ts';
import { anyOf, refusal, refusalOf } from '../outcomes.ts';
import { placeholder } from '../placeholders.ts';
import { validBody } from '../request-body.ts';
import { hasEventSourceArnRules } from './event-source-arn-domain.ts';
import { hasFunctionNameRules } from './function-name-domain.ts';
import { integerDomains, type RangedField } from './integer-domain.ts';
import { propertySeed } from './sampling.ts';

export interface PropertySettings {
  /** Values drawn per property (--property-runs); 0: no property cases. */
  readonly runs: number;
  /** The run's seed (--seed). */
  readonly seed: number;
}

type Domain = CaseProperty['domain'];
const domains: readonly Domain[] = ['valid', 'invalid'];

export function propertyCases(spec: Spec, settings: PropertySettings): Case[] {
  if (settings.runs === 0) return [];
  return Object.entries(spec.request).flatMap(([name, field]) => [...integerProperties(spec, settings, name, field), ...stringProperties(spec, settings, name, field)]);
}

interface PropertyDraft {
  readonly id: string;
  readonly field: string;
  readonly domain: Domain;
  readonly values: PropertyValues;
  readonly clause: { readonly clause: string; readonly doc: string };
  readonly sourceType: SourceType | null;
  readonly subject: string;
  readonly body: JsonObject;
  readonly expected: Expectation;
}

function propertyCase(spec: Spec, settings: PropertySettings, draft: PropertyDraft): Case {
  const property: CaseProperty = { field: draft.field, domain: draft.domain, values: draft.values, runs: settings.runs, runSeed: settings.seed, seed: propertySeed(settings.seed, draft.id) };
  return makeCase(spec, {
    id: draft.id,
    clause: draft.clause.clause,
    doc: draft.clause.doc,
    sourceType: draft.sourceType,
    subject: `${draft.subject} (property, ${settings.runs} values drawn)`,
    request: jsonRequest(spec, { ...draft.body, [draft.field]: placeholder.sample }),
    expected: draft.expected,
    property,
  });
}

function integerProperties(spec: Spec, settings: PropertySettings, name: string, field: RequestField): Case[] {
  const range = field.range;
  if (range === undefined || field.type.is !== 'integer') return [];
  const ranged: RangedField = { ...field, range };
  return sourcesOf(spec, field).flatMap((sourceType) => {
    const found = integerDomains(spec, name, ranged, sourceType);
    const title = sourceTitle(spec, sourceType);
    return domains.flatMap((domain) => {
      const intervals = found[domain];
      if (intervals.length === 0) return [];
      const why =
        domain === 'valid'
          ? `Every ${name} the spec allows on ${title} is accepted, and the answer echoes it.`
          : `Every ${name} the spec does not allow on ${title} is refused, with an error type the spec accepts for the rule it breaks.`;
      return [
        propertyCase(spec, settings, {
          id: `${name}/${sourceType}/property/${domain}`,
          field: name,
          domain,
          values: { kind: 'integer', intervals },
          clause: range,
          sourceType,
          subject: `${name} on ${title}, any integer in ${describeIntervals(intervals)}`,
          body: validBody(spec, sourceType),
          expected: anyOf(intervals.map((interval) => integerValueCase(spec, name, ranged, sourceType, interval.min, '').expected), why),
        }),
      ];
    });
  });
}

function stringProperties(spec: Spec, settings: PropertySettings, name: string, field: RequestField): Case[] {
  if (hasFunctionNameRules(field)) {
    const breakable = [field.pattern, field.length, ...(field.nameLength === undefined ? [] : [field.nameLength])];
    const expected: Readonly<Record<Domain, Expectation>> = {
      valid: refusal(spec, 'functionNotFound'),
      invalid: anyOf(
        breakable.map((rule) => refusalOf(spec, rule, 'constraintViolation')),
        `A ${name} outside the documented pattern or lengths is refused, with an error type the spec accepts for the rule it breaks.`,
      ),
    };
    return domains.map((domain) =>
      propertyCase(spec, settings, {
        id: `${name}/property/${domain}`,
        field: name,
        domain,
        values: { kind: 'function-name' },
        clause: domain === 'valid' ? field.pattern : field.length,
        sourceType: functionNameSource,
        subject: `${name}, any string ${domain === 'valid' ? 'within' : 'outside'} the documented pattern and lengths${domain === 'valid' ? ', naming no function' : ''}`,
        body: validBody(spec, functionNameSource),
        expected: expected[domain],
      }),
    );
  }
  if (hasEventSourceArnRules(field)) {
    const functionField = fieldNaming(spec, 'function');
    const expected: Readonly<Record<Domain, Expectation>> = {
      valid: anyOf(
        [refusalOf(spec, field.sourceType, 'ruleViolation'), refusal(spec, field.exists.outcome)],
        `An ARN in the documented pattern that names no source of the run is refused: as no supported event source, or as a source that does not exist.`,
      ),
      invalid: refusalOf(spec, field.pattern, 'constraintViolation'),
    };
    return domains.map((domain) =>
      propertyCase(spec, settings, {
        id: `${name}/property/${domain}`,
        field: name,
        domain,
        values: { kind: 'event-source-arn' },
        clause: domain === 'valid' ? field.sourceType : field.pattern,
        sourceType: null,
        subject: `${name}, any string ${domain === 'valid' ? 'in the documented pattern, naming no source of the run' : 'outside the documented pattern'}`,
        body: { [functionField]: String(exampleValue(spec, functionField, 'sqs')) },
        expected: expected[domain],
      }),
    );
  }
  return [];
}

// With a minus sign and "to", so that a negative bound reads as one: "−2147483648 to −1", never "-2147483648–-1".
function describeInteger(value: number): string {
  return value < 0 ? `\u2212${-value}` : String(value);
}

function describeIntervals(intervals: readonly IntegerInterval[]): string {
  return intervals.map((interval) => (interval.min === interval.max ? describeInteger(interval.min) : `${describeInteger(interval.min)} to ${describeInteger(interval.max)}`)).join(', ');
}
