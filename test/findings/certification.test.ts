import { describe, expect, it } from 'vitest';
import { CHECK_NAMES, LEVEL_OF_CHECK, type CheckName } from '../../src/checks/index.ts';
import { certificationOf, type RunScope } from '../../src/findings/certification.ts';
import type { CaseResult } from '../../src/results.ts';

const whole: RunScope = { complete: true, subset: null };
const pass = (id: string): Pick<CaseResult, 'id' | 'outcome' | 'reasons'> => ({ id, outcome: 'pass', reasons: [] });
const failing = (id: string, ...checks: CheckName[]): Pick<CaseResult, 'id' | 'outcome' | 'reasons'> => ({
  id,
  outcome: 'fail',
  reasons: checks.map((check) => ({ check, clause: 'C', message: 'm' })),
});

describe('certificationOf', () => {
  it('gives Level 3 when every case of the whole edition passes', () => {
    expect(certificationOf([pass('a'), pass('b')], whole)).toEqual({ level: 3, uncertified: null, keptBack: [] });
  });

  it.each<[CheckName, number]>([
    ['content_type_conformance', 2],
    ['echoed_value_conformance', 2],
    ['default_value_conformance', 2],
    ['function_arn_conformance', 2],
    ['state_conformance', 2],
    ['response_schema_conformance', 1],
    ['response_body_is_json', 1],
    ['error_type_conformance', 1],
    ['status_code_conformance', 0],
  ])('a %s failure leaves Level %i', (check, level) => {
    const certification = certificationOf([pass('a'), failing('b', check)], whole);
    expect(certification.level).toBe(level);
    expect(certification.keptBack.map((entry) => entry.level)).toEqual([1, 2, 3].filter((above) => above > level));
    for (const entry of certification.keptBack) expect(entry.caseIds).toEqual(['b']);
  });

  it('keeps back no level for a case failing only against a recording, and the levels of its other checks for one failing them too', () => {
    expect(certificationOf([pass('a'), failing('b', 'recording_conformance')], whole)).toEqual({ level: 3, uncertified: null, keptBack: [] });
    expect(certificationOf([failing('b', 'recording_conformance', 'state_conformance')], whole).level).toBe(2);
  });

  it('lists, for each level not reached, every case keeping it back, its lowest failed check deciding', () => {
    const certification = certificationOf([failing('headers', 'content_type_conformance'), failing('type', 'error_type_conformance'), failing('both', 'content_type_conformance', 'status_code_conformance'), pass('p')], whole);
    expect(certification).toEqual({
      level: 0,
      uncertified: null,
      keptBack: [
        { level: 1, caseIds: ['both'] },
        { level: 2, caseIds: ['type', 'both'] },
        { level: 3, caseIds: ['headers', 'type', 'both'] },
      ],
    });
  });

  it('counts a case that could not be judged, or was skipped, against every level', () => {
    const unjudged = { id: 'e', outcome: 'error' as const, reasons: [{ check: 'answer_received' as const, clause: 'C', message: 'timeout' }] };
    const skipped = { id: 's', outcome: 'skip' as const, reasons: [{ check: 'fixtures_available' as const, clause: 'C', message: 'no table' }] };
    for (const kept of [unjudged, skipped]) {
      const certification = certificationOf([pass('a'), kept], whole);
      expect(certification.level).toBe(0);
      expect(certification.keptBack).toEqual([1, 2, 3].map((level) => ({ level, caseIds: [kept.id] })));
    }
  });

  it('certifies nothing for an incomplete run or a subset, even when every case passed, and says why', () => {
    expect(certificationOf([pass('a')], { complete: false, subset: null })).toEqual({ level: 0, uncertified: 'the run stopped before every case was judged', keptBack: [1, 2, 3].map((level) => ({ level, caseIds: [] })) });
    const subset = certificationOf([pass('a')], { complete: true, subset: 'only the cases --grep "BatchSize" selects were run' });
    expect(subset.level).toBe(0);
    expect(subset.uncertified).toBe('only the cases --grep "BatchSize" selects were run');
  });

  it('gives every check of the answer a level, and only the checks around an answer none', () => {
    const withoutLevel = CHECK_NAMES.filter((check) => LEVEL_OF_CHECK[check] === null);
    expect(withoutLevel).toEqual(['answer_received', 'fixtures_available', 'precondition', 'mapping_cleanup', 'suite_error', 'not_run']);
  });
});
