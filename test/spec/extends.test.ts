import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { mergeEdition } from '../../src/spec/merge.ts';
import { editionPath, loadEdition, parseSpec } from '../../src/spec/load.ts';
import { specProblems } from '../support/spec-problems.ts';

const seed = loadEdition('seed');
const seedLines = readFileSync(editionPath('seed'), 'utf8').split('\n');

/** An edition written as changes to the seed, as the current edition is. */
const overrides = `edition: later
extends: seed
title: A later edition, as changes to the seed
request:
  BatchSize:
    perSourceType:
      dynamodb: { clause: BatchSize.dynamodb, doc: "Amazon DynamoDB Streams - Default 100. Max 10,000.", default: 100, maximum: 10000 }
  StartingPosition:
    appliesTo: { clause: StartingPosition.streams-only, doc: "StartingPosition is not valid for SQS event sources.", sourceTypes: [kinesis, dynamodb] }
rules:
  - clause: StartingPosition.required-for-streams
    elsewhere: null
  - clause: StartingPosition.AT_TIMESTAMP.kinesis-only
    removed: true
  - clause: BatchSize.window
    doc: "When you set BatchSize to a value greater than 10, you must set MaximumBatchingWindowInSeconds to at least 1."
    kind: required-when
    field: MaximumBatchingWindowInSeconds
    atLeast: 1
    when: { field: BatchSize, above: 10 }
unspecified:
  startingPositionOnQueue: null
`;

const problemsOf = (text: string) => specProblems(text, 'later.yaml');

describe('an edition that extends another', () => {
  const later = parseSpec('later.yaml', overrides);

  it('takes what it says and keeps the rest of the edition it extends', () => {
    expect(later.edition).toBe('later');
    expect(later.request['BatchSize']?.perSourceType?.dynamodb).toMatchObject({ maximum: 10000 });
    expect(later.request['BatchSize']?.perSourceType?.sqs).toEqual(seed.request['BatchSize']?.perSourceType?.sqs);
    expect(later.request['BatchSize']?.range).toEqual(seed.request['BatchSize']?.range);
    expect(later.errors).toEqual(seed.errors);
    expect(Object.keys(later.unspecified)).not.toContain('startingPositionOnQueue');
  });

  it('merges the rules by clause: a field removed with null, an entry removed, a new one added', () => {
    expect(later.rules.map((rule) => rule.clause)).toEqual(['StartingPosition.required-for-streams', 'StartingPositionTimestamp.with-AT_TIMESTAMP', 'BatchSize.window']);
    expect(later.rules[0]).not.toHaveProperty('elsewhere');
    expect(later.rules[0]).toMatchObject({ kind: 'required-for-source-types', sourceTypes: ['kinesis', 'dynamodb'] });
  });

  it('yields the cases of what changed', () => {
    const cases = new Map(generateCases(later).map((testCase) => [testCase.id, testCase]));
    // A limit that moves takes its boundary cases with it.
    expect(cases.get('BatchSize/dynamodb/10000')?.expected.status).toBe(202);
    expect(cases.get('BatchSize/dynamodb/10000')?.request.body).toMatchObject({ MaximumBatchingWindowInSeconds: 1 });
    expect(cases.has('BatchSize/dynamodb/1001')).toBe(false);
    expect(cases.get('StartingPosition/dynamodb/AT_TIMESTAMP')?.expected.status).toBe(202);
    expect(cases.get('StartingPosition/sqs/not-applicable')?.expected.status).toBe(400);
    expect(cases.has('StartingPosition/sqs/LATEST')).toBe(false);
    expect(cases.get('MaximumBatchingWindowInSeconds/kinesis/missing-with-BatchSize-11')?.expected.status).toBe(400);
  });

  it('reports a mistake in the changes at its place in the changes', () => {
    const text = overrides.replace('default: 100, maximum: 10000 }', 'default: 100, maximum: 20000 }');
    const [problem] = problemsOf(text);
    expect(problem?.message).toBe("the dynamodb maximum 20000 exceeds the field's range maximum 10000");
    expect(problem).toMatchObject({ file: 'later.yaml', line: 7 });
  });

  it('reports a problem in what it keeps at its place in the edition it extends', () => {
    const text = overrides.replace('request:\n', 'request:\n  MaximumBatchingWindowInSeconds:\n    range: { minimum: 400 }\n');
    const problem = problemsOf(text).find((found) => found.message.startsWith('minimum'));
    expect(problem?.message).toBe('minimum 400 is greater than maximum 300');
    expect(problem?.file).toBe('later.yaml');
    const maximum = problemsOf(text.replace('range: { minimum: 400 }', 'type: { is: string }')).find((found) => found.message.startsWith('a range is for integer'));
    expect(maximum?.file).toMatch(/create-event-source-mapping\.seed\.yaml$/);
    expect(seedLines[(maximum?.line ?? 0) - 1]).toContain('clause: MaximumBatchingWindowInSeconds.range');
  });

  it('refuses an edition that does not exist, or extends itself', () => {
    expect(problemsOf(overrides.replace('extends: seed', 'extends: tomorrow'))[0]).toMatchObject({
      message: 'there is no edition "tomorrow" to extend',
      line: 2,
      fix: expect.stringMatching(/^name one of: .*seed/),
    });
    expect(problemsOf(overrides.replace('edition: later', 'edition: seed'))[0]?.message).toBe('the edition seed extends itself (seed → seed)');
  });
});

describe('mergeEdition', () => {
  it('is a JSON merge patch whose clause lists merge by clause', () => {
    expect(mergeEdition({ a: 1, b: { c: 2, d: 3 }, list: [1, 2] }, { b: { c: null, e: 4 }, list: [3] })).toEqual({ a: 1, b: { d: 3, e: 4 }, list: [3] });
    expect(mergeEdition([{ clause: 'x', n: 1 }, { clause: 'y' }], [{ clause: 'y', removed: true }, { clause: 'x', n: 2 }, { clause: 'z' }])).toEqual([
      { clause: 'x', n: 2 },
      { clause: 'z' },
    ]);
  });
});
