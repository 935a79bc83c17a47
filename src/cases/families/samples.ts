import type { RequestField, Sample, SampleSource, SourceType, Spec } from '../../spec/types.ts';
import type { Case, Expectation } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { sourcesOf } from '../fields.ts';
import { acceptance, openQuestion, refusalOf } from '../outcomes.ts';
import { addedMembers, completeBody, validBody } from '../request-body.ts';
import { successChecks } from '../success-checks.ts';

/** How a case's reason says what its expectation rests on. */
const restsOn: Readonly<Record<SampleSource, string>> = {
  documentation: ' Only documented: no answer of real AWS is recorded for it.',
  recorded: ' Recorded: real AWS answered so.',
};

/**
 * Each documented sample of a field, sent as it stands (with the members it names) on the sources it
 * names, else on the first source the field applies to: accepted and echoed, refused as its citation
 * says, or left open. What no facet can say of a value (an object's members, a filter pattern's
 * grammar, a fixture of its own) is said by samples.
 */
export function sampleCases(spec: Spec, name: string, field: RequestField): Case[] {
  const first = sourcesOf(spec, field).slice(0, 1);
  return (field.samples ?? []).flatMap((sample) => (sample.sourceTypes ?? first).map((sourceType) => sampleCase(spec, name, sample, sourceType)));
}

function sampleCase(spec: Spec, name: string, sample: Sample, sourceType: SourceType): Case {
  const start = { ...validBody(spec, sourceType), [name]: sample.value };
  const body = completeBody(spec, sourceType, { ...start, ...sample.with, [name]: sample.value });
  const checks = successChecks(spec, sourceType, body).filter((check) => sample.echoed !== false || check.kind !== 'echoed_value_conformance' || check.field !== name);
  return makeCase(spec, {
    id: `${name}/${sourceType}/${sample.variant}`,
    clause: sample.clause,
    doc: sample.doc,
    sourceType,
    subject: `${name} ${JSON.stringify(sample.value)} on ${sourceTitle(spec, sourceType)}${addedMembers(start, body)}`,
    request: jsonRequest(spec, body),
    expected: withSource(expectationOf(spec, name, sample, checks), sample.source),
    alsoCites: sample.open === undefined ? [] : [spec.unspecified[sample.open]?.clause ?? sample.open],
  });
}

function expectationOf(spec: Spec, name: string, sample: Sample, checks: Expectation['checks']): Expectation {
  if (sample.refused === true) return refusalOf(spec, sample, 'constraintViolation');
  if (sample.open !== undefined) return openQuestion(spec, sample.open, checks);
  return acceptance(spec, `A documented value of ${name}.`, checks);
}

function withSource(expected: Expectation, source: SampleSource | undefined): Expectation {
  return source === undefined ? expected : { ...expected, why: expected.why + restsOn[source] };
}
