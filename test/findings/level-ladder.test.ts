import { describe, expect, it } from 'vitest';
import { levelKeptBackBy, levelLadder } from '../../src/findings/level-ladder.ts';
import type { Certification, Finding } from '../../src/results.ts';

const finding = (id: string, check: Finding['check']): Pick<Finding, 'id' | 'check'> => ({ id, check });

describe('levelLadder', () => {
  const findings = [
    finding('status-201-for-202', 'status_code_conformance'),
    finding('content-type-201-for-202', 'content_type_conformance'),
    finding('type-400-not-found-for-400', 'error_type_conformance'),
    finding('unjudged-for-202', 'answer_received'),
  ];

  it('names for each level the findings of its checks, a check of no level keeping back the first', () => {
    const certification: Certification = { level: 0, uncertified: null, keptBack: [{ level: 1, caseIds: ['a', 'c'] }, { level: 2, caseIds: ['a', 'b', 'c'] }, { level: 3, caseIds: ['a', 'b', 'c'] }] };
    expect(levelLadder(certification, findings)).toEqual([
      { level: 1, reached: false, caseIds: ['a', 'c'], findingIds: ['status-201-for-202', 'unjudged-for-202'] },
      { level: 2, reached: false, caseIds: ['a', 'b', 'c'], findingIds: ['type-400-not-found-for-400'] },
      { level: 3, reached: false, caseIds: ['a', 'b', 'c'], findingIds: ['content-type-201-for-202'] },
    ]);
  });

  it('marks the levels reached, with nothing keeping them back', () => {
    const certification: Certification = { level: 2, uncertified: null, keptBack: [{ level: 3, caseIds: ['a'] }] };
    expect(levelLadder(certification, [findings[1]!]).map(({ level, reached, caseIds, findingIds }) => [level, reached, caseIds.length, findingIds.length])).toEqual([
      [1, true, 0, 0],
      [2, true, 0, 0],
      [3, false, 1, 1],
    ]);
  });

  it('gives each finding the level of its check', () => {
    expect(findings.map(levelKeptBackBy)).toEqual([1, 3, 2, 1]);
  });
});
