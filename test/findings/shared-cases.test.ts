import { describe, expect, it } from 'vitest';
import { findingsBySharedCases } from '../../src/findings/shared-cases.ts';
import type { Finding } from '../../src/results.ts';

const finding = (id: string, caseIds: string[]): Pick<Finding, 'id' | 'caseIds'> => ({ id, caseIds });

describe('findingsBySharedCases', () => {
  it('puts together the findings that fail the very same cases, in whatever order each lists them', () => {
    const groups = findingsBySharedCases([
      finding('status-201-for-202', ['a', 'b', 'c']),
      finding('content-type-201-for-202', ['c', 'a', 'b']),
      finding('status-201-for-400', ['d']),
    ]);
    expect(groups).toEqual([
      { findingIds: ['status-201-for-202', 'content-type-201-for-202'], caseIds: ['a', 'b', 'c'] },
      { findingIds: ['status-201-for-400'], caseIds: ['d'] },
    ]);
  });

  it('keeps apart findings whose cases only overlap: fixing one of them does make some cases pass', () => {
    const groups = findingsBySharedCases([finding('x', ['a', 'b']), finding('y', ['b', 'c']), finding('z', ['a'])]);
    expect(groups.map((group) => group.findingIds)).toEqual([['x'], ['y'], ['z']]);
  });
});
