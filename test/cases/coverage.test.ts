import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { citationsOf } from '../../src/spec/citations.ts';
import { loadEdition } from '../../src/spec/load.ts';

const provokableByNoRequest: Readonly<Record<string, readonly string[]>> = {
  seed: ['Errors.ServiceException', 'Errors.TooManyRequestsException'],
  // Today's AWS answers a missing function or source 400, so no create request is answered 404.
  current: ['Errors.ResourceNotFoundException', 'Errors.ServiceException', 'Errors.TooManyRequestsException'],
};

describe.each(['seed', 'current'])('clause coverage of the %s edition', (edition) => {
  const spec = loadEdition(edition);
  const exercised = new Set(generateCases(spec).flatMap((testCase) => testCase.clauses));
  const exempt = new Set(Object.values(spec.errors).flatMap((error) => (error.notProvokable === undefined ? [] : [error.clause])));

  it('exercises every clause of the spec with at least one case', () => {
    const unexercised = citationsOf(spec)
      .map((citation) => citation.clause)
      .filter((clause) => !exercised.has(clause) && !exempt.has(clause));
    expect(unexercised).toEqual([]);
  });

  it('exempts only errors no request can provoke, each with its reason', () => {
    expect([...exempt].sort()).toEqual(provokableByNoRequest[edition]);
  });

  it('cites only clauses that exist in the spec', () => {
    const known = new Set(citationsOf(spec).map((citation) => citation.clause));
    expect([...exercised].filter((clause) => !known.has(clause))).toEqual([]);
  });
});
