import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { citationsOf } from '../../src/spec/citations.ts';
import { loadEdition } from '../../src/spec/load.ts';

describe('clause coverage', () => {
  const spec = loadEdition('seed');
  const exercised = new Set(generateCases(spec).flatMap((testCase) => testCase.clauses));
  const exempt = new Set(Object.values(spec.errors).flatMap((error) => (error.notProvokable === undefined ? [] : [error.clause])));

  it('exercises every clause of the seed spec with at least one case', () => {
    const unexercised = citationsOf(spec)
      .map((citation) => citation.clause)
      .filter((clause) => !exercised.has(clause) && !exempt.has(clause));
    expect(unexercised).toEqual([]);
  });

  it('exempts only errors no request can provoke, each with its reason', () => {
    expect([...exempt].sort()).toEqual(['Errors.ServiceException', 'Errors.TooManyRequestsException']);
  });

  it('cites only clauses that exist in the spec', () => {
    const known = new Set(citationsOf(spec).map((citation) => citation.clause));
    expect([...exercised].filter((clause) => !known.has(clause))).toEqual([]);
  });
});
