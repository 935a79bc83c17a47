// Property cases come from the spec alone, draw the same values from the same seed, and keep to
// what the spec decides: every value drawn for the valid domain is one the spec accepts (or, for a
// fixture's name, refuses only as not found), every value of the invalid domain one it refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { propertyCases } from '../../src/cases/properties/property-cases.ts';
import { drawnValues, isPropertyCase, samplingOf, type PropertyCase } from '../../src/cases/properties/sampling.ts';
import { editionPath, loadEdition, parseSpec } from '../../src/spec/load.ts';

const spec = loadEdition('seed');
const byId = (cases: readonly Case[], id: string): PropertyCase => {
  const found = cases.find((testCase) => testCase.id === id);
  if (found === undefined || !isPropertyCase(found)) throw new Error(`no property case ${id}`);
  return found;
};
const outcomes = (testCase: Case) => [testCase.expected, ...testCase.expected.alsoAccepted].map((o) => [o.status, ...o.errorTypes].join(' '));

describe('property cases', () => {
  it('are two per integer field and source, and two for each fixture-naming field, with stable ids', () => {
    const ids = propertyCases(spec, { runs: 10, seed: 1 }).map((testCase) => testCase.id);
    const integers = ['BatchSize', 'MaximumBatchingWindowInSeconds'].flatMap((field) =>
      ['kinesis', 'dynamodb', 'sqs'].flatMap((source) => [`${field}/${source}/property/valid`, `${field}/${source}/property/invalid`]),
    );
    const strings = ['EventSourceArn', 'FunctionName'].flatMap((field) => [`${field}/property/valid`, `${field}/property/invalid`]);
    expect(ids.sort()).toEqual([...integers, ...strings].sort());
    expect(propertyCases(spec, { runs: 0, seed: 1 })).toEqual([]);
  });

  it('cut the integers where the spec changes its answer: SQS BatchSize refuses below 1 and above its 10', () => {
    const cases = propertyCases(spec, { runs: 10, seed: 1 });
    expect(byId(cases, 'BatchSize/sqs/property/valid').property.values).toEqual({ kind: 'integer', intervals: [{ min: 1, max: 10 }] });
    expect(byId(cases, 'BatchSize/sqs/property/invalid').property.values).toEqual({
      kind: 'integer',
      intervals: [
        { min: -(2 ** 31), max: 0 },
        { min: 11, max: 10000 },
        { min: 10001, max: 2 ** 31 - 1 },
      ],
    });
  });

  it('name their ranges so that a negative bound reads as one: a minus sign and "to", never "-2147483648–-1"', () => {
    const cases = propertyCases(spec, { runs: 10, seed: 1 });
    expect(byId(cases, 'MaximumBatchingWindowInSeconds/sqs/property/invalid').title).toContain('any integer in \u22122147483648 to \u22121, 301 to 2147483647 (property');
    expect(byId(cases, 'BatchSize/sqs/property/valid').title).toContain('any integer in 1 to 10 (property');
  });

  it('give a field added to the spec its properties, with no change to the code', () => {
    const text = readFileSync(editionPath('seed'), 'utf8').replace(
      '\nrequest:\n',
      `\nrequest:\n  MaximumRetryAttempts:\n    type: { clause: R.type, doc: "Type: Integer", is: integer }\n    range: { clause: R.range, doc: "Valid Range: Minimum value of -1. Maximum value of 10000.", minimum: -1, maximum: 10000 }\n    appliesTo: { clause: R.streams, doc: "Streams only.", sourceTypes: [kinesis, dynamodb] }\n`,
    );
    const cases = propertyCases(parseSpec('in-memory.yaml', text), { runs: 5, seed: 1 });
    const ids = cases.map((testCase) => testCase.id).filter((id) => id.startsWith('MaximumRetryAttempts/'));
    expect(ids).toEqual(['kinesis', 'dynamodb'].flatMap((source) => [`MaximumRetryAttempts/${source}/property/valid`, `MaximumRetryAttempts/${source}/property/invalid`]));
    expect(byId(cases, 'MaximumRetryAttempts/kinesis/property/invalid').property.values).toEqual({
      kind: 'integer',
      intervals: [
        { min: -(2 ** 31), max: -2 },
        { min: 10001, max: 2 ** 31 - 1 },
      ],
    });
  });

  it('leave out a source where the spec leaves the field open without a condition the smallest request does not meet', () => {
    const text = readFileSync(editionPath('seed'), 'utf8').replace(
      '\nrules:\n',
      `\nrules:\n  - { clause: W.needs-big-batch, doc: "A window needs a batch above 10.", kind: required-when, field: MaximumBatchingWindowInSeconds, when: { field: BatchSize, above: 10 }, sourceTypes: [sqs], otherwise: unknownField }\n`,
    );
    const ids = propertyCases(parseSpec('in-memory.yaml', text), { runs: 5, seed: 1 }).map((testCase) => testCase.id);
    expect(ids.filter((id) => id.startsWith('MaximumBatchingWindowInSeconds/sqs/'))).toEqual([]);
    expect(ids).toContain('MaximumBatchingWindowInSeconds/kinesis/property/valid');
    // The rule's threshold cuts BatchSize on SQS, where values above 10 now come with a window.
    expect(ids).toContain('BatchSize/sqs/property/valid');
  });

  it('draw the same values from the same seed, and other values from another', () => {
    const first = propertyCases(spec, { runs: 10, seed: 7 });
    const again = propertyCases(spec, { runs: 10, seed: 7 });
    const other = propertyCases(spec, { runs: 10, seed: 8 });
    const draws = (cases: readonly Case[]) => cases.filter(isPropertyCase).map((testCase) => drawnValues(spec, testCase));
    expect(draws(again)).toEqual(draws(first));
    expect(draws(other)).not.toEqual(draws(first));
    for (const values of draws(first)) expect(values).toHaveLength(10);
  });

  it('draw only values whose case the spec decides the way the domain says', () => {
    for (const testCase of propertyCases(spec, { runs: 60, seed: 3 }).filter(isPropertyCase)) {
      const sampling = samplingOf(spec, testCase);
      for (const value of drawnValues(spec, testCase)) {
        const drawn = sampling.caseOf(value);
        const statuses = outcomes(drawn).map((outcome) => Number(outcome.split(' ')[0]));
        const accepted = testCase.id.startsWith('FunctionName/') || testCase.id.startsWith('EventSourceArn/') ? false : testCase.property.domain === 'valid';
        expect(statuses.every((status) => (accepted ? status < 300 : status >= 400)), `${testCase.id}: ${drawn.title}`).toBe(true);
        expect(outcomes(testCase), `${testCase.id}: ${drawn.title}`).toEqual(expect.arrayContaining(outcomes(drawn)));
        if (testCase.property.domain === 'valid' && testCase.id.startsWith('FunctionName/')) expect(outcomes(drawn)).toEqual(['404 ResourceNotFoundException']);
      }
    }
  });
});
