// The conformance matrix: which clauses hold for which source type. Pure data, laid out by the
// HTML page; kept apart so its counting can be tested without parsing HTML.
import type { CaseResult, RunSummary } from '../src/results.ts';
import type { SourceType } from '../src/spec/types.ts';
import { countOutcomes } from '../src/run-record/count-outcomes.ts';

/** The source types every edition has; an edition may add others (sqsFifo), shown when its cases have them. */
const everyEdition: readonly SourceType[] = ['kinesis', 'dynamodb', 'sqs'];
const added: readonly SourceType[] = ['sqsFifo'];

/** The matrix's columns: the source types, then "any source" for the cases about none. */
export function matrixColumns(cases: readonly CaseResult[]): Array<SourceType | null> {
  const present = new Set(cases.map((result) => result.sourceType));
  return [...everyEdition, ...added.filter((sourceType) => present.has(sourceType)), null];
}

export interface MatrixCell {
  readonly sourceType: SourceType | null;
  /** Every outcome's count: a total of 0 when the clause has no case for this source type. */
  readonly counts: RunSummary;
}

export interface MatrixRow {
  readonly clause: string;
  readonly cells: readonly MatrixCell[];
}

/** One row per clause (sorted by name, so a reader can find one), one cell per matrix column. */
export function conformanceMatrix(cases: readonly CaseResult[]): MatrixRow[] {
  const clauses = [...new Set(cases.map((result) => result.clause))].sort((a, b) => a.localeCompare(b, 'en'));
  return clauses.map((clause) => ({
    clause,
    cells: matrixColumns(cases).map((sourceType) => {
      const inCell = cases.filter((result) => result.clause === clause && result.sourceType === sourceType);
      return { sourceType, counts: countOutcomes(inCell) };
    }),
  }));
}
