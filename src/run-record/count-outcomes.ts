import type { CaseResult, RunSummary } from '../results.ts';

/** Counts the cases by outcome. */
export function countOutcomes(cases: readonly Pick<CaseResult, 'outcome'>[]): RunSummary {
  const summary = { total: cases.length, pass: 0, fail: 0, error: 0, skip: 0 };
  for (const { outcome } of cases) summary[outcome] += 1;
  return summary;
}
