import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../src/run-record/verdict.ts';
import type { GateSummary, RunScope } from '../../src/results.ts';
import { caseResult, runReport } from '../reporters/support/build-report.ts';

const gate = (counts: Partial<GateSummary> = {}): GateSummary => ({ file: 'known.yaml', expected: 0, unexpectedPass: 0, regression: 0, stale: [], ...counts });
const partial: RunScope = { grep: '^BatchSize/', repeat: 1, seed: null, editionCases: 119, partial: true };
const failing = [caseResult({ id: 'a', outcome: 'fail' }), caseResult({ id: 'b' })];

describe('verdictOf with a gate and a scope', () => {
  it('passes with known deviations only, and says how many of each', () => {
    expect(verdictOf(runReport(failing, { gate: gate({ expected: 1 }) }))).toEqual({
      kind: 'known-deviations',
      label: 'KNOWN DEVIATIONS ONLY',
      sentence: '1 case failed, out of 2 cases, every one as the expectations file lists it. Gate known.yaml: 1 expected, 0 unexpected passes, 0 regressions.',
      passes: true,
    });
  });

  it('fails on a regression or an unexpected pass, even when no case fails', () => {
    expect(verdictOf(runReport(failing, { gate: gate({ regression: 1 }) }))).toMatchObject({ kind: 'deviates', passes: false });
    const unexpected = verdictOf(runReport([caseResult({ id: 'a' })], { gate: gate({ unexpectedPass: 1, stale: [{ pattern: 'x', line: 3 }] }) }));
    expect(unexpected).toMatchObject({ kind: 'deviates', label: 'DOES NOT CONFORM', passes: false });
    expect(unexpected.sentence).toBe('Every case passes, out of 1 case, but some are listed as deviations. Gate known.yaml: 0 expected, 1 unexpected pass, 0 regressions; 1 stale entry (no such case).');
  });

  it('an interrupted run does not pass, whatever the gate says', () => {
    expect(verdictOf(runReport(failing, { gate: gate({ expected: 1 }), complete: false, interruption: 'Interrupted.' }))).toMatchObject({ kind: 'incomplete', passes: false });
  });

  it('a --grep subset is labelled partial, never a bare CONFORMS, and still exits 0 when it conforms', () => {
    const verdict = verdictOf(runReport([caseResult({ id: 'a' }), caseResult({ id: 'b' })], { scope: partial }));
    expect(verdict).toEqual({
      kind: 'conforms',
      label: 'CONFORMS (partial: 2 cases of 119)',
      sentence: 'Every judged case conforms to the seed edition (2 cases). Partial: 2 cases of the seed edition\'s 119 were run (--grep "^BatchSize/").',
      passes: true,
    });
    expect(verdictOf(runReport(failing, { scope: { ...partial, repeat: 2 } })).label).toBe('DOES NOT CONFORM (partial: 1 case of 119)');
  });
});
