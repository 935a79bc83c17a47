// The conformance matrix: which clauses hold for which source type. Pure data, laid out by the
// HTML page; kept apart so its counting can be tested without parsing HTML.
import type { CaseOutcome, CaseResult, RunSummary } from '../src/results.ts';
import { sourceTypes, type SourceType } from '../src/spec/types.ts';
import { summarize } from './summarize.ts';

/** The matrix's columns: every source type, then "any source" for the cases about none. */
export const matrixColumns: readonly (SourceType | null)[] = [...sourceTypes, null];

export interface MatrixCell {
  readonly sourceType: SourceType | null;
  readonly counts: RunSummary;
  /** The outcome that colours the cell; null when the clause has no case for this source type. */
  readonly worst: CaseOutcome | null;
}

export interface MatrixRow {
  readonly clause: string;
  readonly cells: readonly MatrixCell[];
}

// A deviation outweighs a case that could not be judged, which outweighs one that was not run.
const severity: Readonly<Record<CaseOutcome, number>> = { fail: 3, error: 2, skip: 1, pass: 0 };

/** The worst of some outcomes, or null for none. */
export function worstOutcome(outcomes: Iterable<CaseOutcome>): CaseOutcome | null {
  let worst: CaseOutcome | null = null;
  for (const outcome of outcomes) if (worst === null || severity[outcome] > severity[worst]) worst = outcome;
  return worst;
}

/** One row per clause (sorted by name, so a reader can find one), one cell per matrix column. */
export function conformanceMatrix(cases: readonly CaseResult[]): MatrixRow[] {
  const clauses = [...new Set(cases.map((result) => result.clause))].sort((a, b) => a.localeCompare(b, 'en'));
  return clauses.map((clause) => ({
    clause,
    cells: matrixColumns.map((sourceType) => {
      const inCell = cases.filter((result) => result.clause === clause && result.sourceType === sourceType);
      return { sourceType, counts: summarize(inCell), worst: worstOutcome(inCell.map((result) => result.outcome)) };
    }),
  }));
}
