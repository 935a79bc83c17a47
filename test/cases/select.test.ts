import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { repeatCases, selectCases } from '../../src/cases/select.ts';
import { loadEdition } from '../../src/spec/load.ts';

const cases = generateCases(loadEdition('seed'));

describe('selectCases', () => {
  it('keeps the cases whose id, clause or title match, case-insensitively, in their order', () => {
    const selected = selectCases(cases, '^batchsize/SQS/');
    expect(selected.length).toBeGreaterThan(3);
    expect(selected.every((testCase) => testCase.id.startsWith('BatchSize/sqs/'))).toBe(true);
    expect(selected).toEqual(cases.filter((testCase) => testCase.id.startsWith('BatchSize/sqs/')));
    const byClause = selectCases(cases, '^BatchSize\\.sqs$');
    expect(byClause.length).toBeGreaterThan(0);
    expect(byClause.every((testCase) => testCase.clause === 'BatchSize.sqs' || /BatchSize\.sqs/i.test(testCase.title))).toBe(true);
    expect(selectCases(cases, undefined)).toEqual(cases);
  });
});

describe('repeatCases', () => {
  const some = selectCases(cases, '^Duplicate/');

  it('sends each case again in rounds, under ids of their own', () => {
    const repeated = repeatCases(some, 3);
    expect(repeated.map((testCase) => testCase.id)).toEqual([
      ...some.map((testCase) => testCase.id),
      ...some.map((testCase) => `${testCase.id}#2`),
      ...some.map((testCase) => `${testCase.id}#3`),
    ]);
    expect(new Set(repeated.map((testCase) => testCase.id)).size).toBe(repeated.length);
    expect(repeated[some.length]).toEqual({ ...some[0], id: `${some[0]?.id}#2` });
  });

  it('leaves the cases as they are once', () => {
    expect(repeatCases(some, 1)).toEqual(some);
  });
});
