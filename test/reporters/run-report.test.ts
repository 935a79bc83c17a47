import { describe, expect, it } from 'vitest';
import { conformanceMatrix } from '../../reporters/matrix.ts';
import { buildRunReport, type PlannedCase, type RunFacts } from '../../src/run-record/run-report.ts';
import { verdictOf } from '../../src/run-record/verdict.ts';
import type { CaseResult } from '../../src/results.ts';
import { caseResult, runReport, sampleCases } from './support/build-report.ts';

const planned = (id: string, overrides: Partial<PlannedCase> = {}): PlannedCase => ({
  id,
  clause: 'BatchSize.range',
  doc: 'The maximum number of items to retrieve in a single batch.',
  title: `case ${id}`,
  sourceType: 'sqs',
  expected: { status: 400, errorTypes: ['InvalidParameterValueException'], alsoAccepted: [], why: 'why' },
  ...overrides,
});

function facts(results: CaseResult[], overrides: Partial<RunFacts> = {}): RunFacts {
  return {
    tool: { name: 'lambda-esm-conformance', version: '9.9.9' },
    target: 'http://t',
    label: 'http://t',
    edition: 'seed',
    startedAt: new Date('2024-05-01T10:00:00Z'),
    durationMs: 1500.4,
    plannedCases: [planned('a'), planned('b'), planned('c')],
    subset: null,
    results: new Map(results.map((result) => [result.id, result])),
    stop: null,
    scope: { grep: null, repeat: 1, seed: null, editionCases: 3, partial: false },
    requests: null,
    gate: null,
    reproduction: null,
    ...overrides,
  };
}

describe('buildRunReport', () => {
  it('is complete when every planned case has a result, in plan order, counted', () => {
    const report = buildRunReport(facts([caseResult({ id: 'c', outcome: 'fail' }), caseResult({ id: 'a' }), caseResult({ id: 'b', outcome: 'error' })]));
    expect(report.complete).toBe(true);
    expect(report.interruption).toBeNull();
    expect(report.cases.map((result) => result.id)).toEqual(['a', 'b', 'c']);
    expect(report.summary).toEqual({ total: 3, pass: 1, fail: 1, error: 1, skip: 0 });
    expect(report.startedAt).toBe('2024-05-01T10:00:00.000Z');
    expect(report.durationMs).toBe(1500);
    expect(report.tool).toEqual({ name: 'lambda-esm-conformance', version: '9.9.9' });
  });

  it('turns planned cases without a result into skips that say why, and is then incomplete', () => {
    const report = buildRunReport(
      facts([caseResult({ id: 'a' })], { stop: { interruption: 'The run was interrupted before every case was judged.', notRun: 'not run: the run was interrupted' } }),
    );
    expect(report.complete).toBe(false);
    expect(report.interruption).toBe('The run was interrupted before every case was judged. 2 of 3 planned cases were not judged.');
    const skipped = report.cases[1];
    expect(skipped).toEqual({
      id: 'b',
      clause: 'BatchSize.range',
      doc: 'The maximum number of items to retrieve in a single batch.',
      title: 'case b',
      sourceType: 'sqs',
      outcome: 'skip',
      finding: null,
      expected: { status: 400, errorTypes: ['InvalidParameterValueException'], alsoAccepted: [], why: 'why' },
      request: null,
      response: null,
      reasons: [{ check: 'not_run', clause: 'BatchSize.range', message: 'not run: the run was interrupted' }],
      durationMs: 0,
      attempts: 0,
      gate: null,
    });
    expect(report.summary).toEqual({ total: 3, pass: 1, fail: 0, error: 0, skip: 2 });
  });

  it('is incomplete when a case is missing even though nothing stopped the run', () => {
    const report = buildRunReport(facts([caseResult({ id: 'a' }), caseResult({ id: 'b' })]));
    expect(report.complete).toBe(false);
    expect(report.interruption).toBe('1 of 3 planned cases was not judged.');
    expect(report.cases[2]?.reasons[0]?.message).toBe('not run: no result was reported for this case');
  });

  it('is incomplete when the run stopped, even if every case had been judged', () => {
    const all = ['a', 'b', 'c'].map((id) => caseResult({ id }));
    const report = buildRunReport(facts(all, { stop: { interruption: 'interrupted by SIGINT', notRun: 'not run: the run was interrupted' } }));
    expect(report.complete).toBe(false);
    expect(report.interruption).toBe('Interrupted by SIGINT.');
  });

  it('keeps judged cases that were not planned, after the planned ones', () => {
    const report = buildRunReport(facts(['a', 'b', 'c', 'extra'].map((id) => caseResult({ id }))));
    expect(report.cases.map((result) => result.id)).toEqual(['a', 'b', 'c', 'extra']);
    expect(report.summary.total).toBe(4);
  });

  it('copies only the record\'s fields of a planned Case\'s expectation', () => {
    const withChecks = { ...planned('a'), expected: { ...planned('a').expected, checks: [] } } as PlannedCase;
    const report = buildRunReport(facts([], { plannedCases: [withChecks] }));
    expect(report.cases[0]?.expected).toEqual({ status: 400, errorTypes: ['InvalidParameterValueException'], alsoAccepted: [], why: 'why' });
  });
});

describe('verdictOf', () => {
  it('conforms when complete without fail or error', () => {
    expect(verdictOf(runReport([caseResult({ id: 'a' }), caseResult({ id: 'b' })]))).toEqual({
      kind: 'conforms',
      label: 'CONFORMS',
      sentence: 'Every judged case conforms to the seed edition (2 cases).',
      passes: true,
    });
  });

  it('does not conform with a fail or an error', () => {
    expect(verdictOf(runReport([caseResult({ id: 'a', outcome: 'error' })])).label).toBe('DOES NOT CONFORM');
    expect(verdictOf(runReport(sampleCases())).sentence).toBe('2 cases failed and 1 case could not be judged, out of 6 cases.');
  });

  it('is incomplete whenever the run is, quoting the interruption and what failed so far', () => {
    const verdict = verdictOf(runReport([caseResult({ id: 'a', outcome: 'fail' })], { complete: false, interruption: 'The run crashed: boom.' }));
    expect(verdict).toEqual({ kind: 'incomplete', label: 'INCOMPLETE', sentence: 'The run crashed: boom. So far 1 case did not conform.', passes: false });
  });
});

describe('conformanceMatrix', () => {
  it('counts each outcome of each clause per source type', () => {
    const rows = conformanceMatrix([
      caseResult({ id: '1', clause: 'B', sourceType: 'kinesis', outcome: 'pass' }),
      caseResult({ id: '2', clause: 'B', sourceType: 'kinesis', outcome: 'skip' }),
      caseResult({ id: '3', clause: 'B', sourceType: 'kinesis', outcome: 'error' }),
      caseResult({ id: '4', clause: 'B', sourceType: 'sqs', outcome: 'pass' }),
      caseResult({ id: '5', clause: 'A', sourceType: null, outcome: 'fail' }),
      caseResult({ id: '6', clause: 'A', sourceType: null, outcome: 'error' }),
    ]);
    expect(rows.map((row) => row.clause)).toEqual(['A', 'B']);
    expect(rows[1]?.cells.map((cell) => [cell.sourceType, cell.counts])).toEqual([
      ['kinesis', { total: 3, pass: 1, fail: 0, error: 1, skip: 1 }],
      ['dynamodb', { total: 0, pass: 0, fail: 0, error: 0, skip: 0 }],
      ['sqs', { total: 1, pass: 1, fail: 0, error: 0, skip: 0 }],
      [null, { total: 0, pass: 0, fail: 0, error: 0, skip: 0 }],
    ]);
    expect(rows[0]?.cells[3]).toEqual({ sourceType: null, counts: { total: 2, pass: 0, fail: 1, error: 1, skip: 0 } });
  });
});
