// The edition diff names exactly the cases two editions judge differently. Each test changes one
// thing in a copy of the seed, in memory, and checks that the diff names that change and nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editionDiff } from '../../src/cases/edition-diff.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { editionPath, parseSpec } from '../../src/spec/load.ts';

const seedText = readFileSync(editionPath('seed'), 'utf8');
const seedCases = generateCases(parseSpec('seed.yaml', seedText));

function changed(from: string, to: string): ReturnType<typeof generateCases> {
  if (!seedText.includes(from)) throw new Error(`the seed no longer holds ${JSON.stringify(from)}`);
  return generateCases(parseSpec('changed.yaml', seedText.replace(from, to)));
}

describe('editionDiff', () => {
  it('finds nothing between an edition and itself', () => {
    expect(editionDiff(seedCases, seedCases)).toEqual([]);
  });

  it('names the cases a moved limit adds, removes and judges otherwise', () => {
    // DynamoDB's BatchSize maximum from 1000 (2019) to 10000 (today).
    const differences = editionDiff(seedCases, changed('        maximum: 1000\n', '        maximum: 10000\n'));
    const byId = new Map(differences.map((difference) => [difference.id, difference]));
    // 1000 is accepted and 10001 refused by both: only the boundary cases that exist in one edition differ.
    expect([...byId.keys()]).toEqual(['BatchSize/dynamodb/1001', 'BatchSize/dynamodb/10000']);
    expect(byId.get('BatchSize/dynamodb/1001')).toMatchObject({ aspects: [], first: { expectation: '400 InvalidParameterValueException' }, second: null });
    expect(byId.get('BatchSize/dynamodb/10000')).toMatchObject({ aspects: [], first: null, second: { expectation: '202' } });
  });

  it('names a case whose outcome changes, with both expectations', () => {
    // An SQS batch of 11 (2019: refused) is accepted once the queue's own maximum is 10000.
    const differences = editionDiff(seedCases, changed('        default: 10\n        maximum: 10\n', '        default: 10\n        maximum: 10000\n'));
    expect(differences.find((difference) => difference.id === 'BatchSize/sqs/11')).toMatchObject({
      aspects: ['outcome', 'checks'],
      first: { expectation: '400 InvalidParameterValueException' },
      second: { expectation: '202' },
      // No answer one accepts is accepted by the other: a target of either fails it under the other.
      firstTargetUnderSecond: 'fails',
      secondTargetUnderFirst: 'fails',
    });
  });

  it('tells a changed check from a changed outcome, and ignores which clause a check cites', () => {
    const reordered = seedCases.map((testCase) => ({ ...testCase, expected: { ...testCase.expected, checks: testCase.expected.checks.map((check) => ({ ...check, clause: 'Elsewhere' })) } }));
    expect(editionDiff(seedCases, reordered)).toEqual([]);
    const stricter = seedCases.map((testCase) =>
      testCase.id === 'BatchSize/sqs/10' ? { ...testCase, expected: { ...testCase.expected, checks: [...testCase.expected.checks, { kind: 'default_value_conformance' as const, clause: 'X', field: 'ScalingConfig', value: {} }] } } : testCase,
    );
    expect(editionDiff(seedCases, stricter)).toEqual([
      expect.objectContaining({
        id: 'BatchSize/sqs/10',
        aspects: ['checks'],
        second: expect.objectContaining({ checks: expect.arrayContaining(['default_value_conformance ScalingConfig']) }),
        // Whether a target of the first carries the new member is its own affair; one of the stricter passes the first's checks.
        firstTargetUnderSecond: 'depends',
        secondTargetUnderFirst: 'passes',
      }),
    ]);
  });
});
