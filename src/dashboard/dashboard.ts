// The dashboard of many runs (pure): targets side by side, one column per target and edition (its
// latest run), the rows where they disagree first; and each target's runs over time, with the
// cases that changed from one run to the next.
import { compareRuns, type CaseChange, type ChangeKind } from '../diff/compare-runs.ts';
import type { RunRecord } from '../diff/run-record.ts';
import type { CaseResult, CertificationLevel } from '../results.ts';

export type CellStatus = 'pass' | 'fail' | 'expected deviation' | 'could not be judged' | 'not run';

/** In the order the filters and the legend list them. */
export const CELL_STATUSES: readonly CellStatus[] = ['pass', 'fail', 'expected deviation', 'could not be judged', 'not run'];

/** A target as judged by one edition: its latest run. */
export interface DashboardColumn {
  readonly label: string;
  readonly edition: string;
  readonly target: string;
  /** The results.json of the run the column shows, and when it started. */
  readonly file: string;
  readonly startedAt: string;
  readonly level: CertificationLevel;
  readonly pass: number;
  readonly total: number;
  /** Only some of the edition's cases were run (--grep, --shard). */
  readonly partial: boolean;
  /** How many runs of this target and edition were given (the history's length). */
  readonly runs: number;
}

export interface CaseRow {
  readonly id: string;
  readonly clause: string;
  readonly title: string;
  readonly sourceType: string | null;
  /** One per column, in column order. */
  readonly cells: readonly CellStatus[];
  /** The columns do not all say the same. */
  readonly differs: boolean;
}

export interface ClauseRow {
  readonly clause: string;
  /** Per column: its passing cases of the clause, of the cases it has. */
  readonly cells: readonly { readonly pass: number; readonly cases: number }[];
  /** Some case of the clause differs between the columns. */
  readonly differs: boolean;
}

export interface HistoryPoint {
  readonly file: string;
  readonly startedAt: string;
  readonly pass: number;
  readonly total: number;
  readonly level: CertificationLevel;
}

/** What changed from one run to the next, newly failing first. */
export interface HistoryStep {
  readonly from: string;
  readonly to: string;
  readonly changes: readonly CaseChange[];
}

/** The runs of one target and edition, oldest first. */
export interface History {
  readonly label: string;
  readonly edition: string;
  readonly points: readonly HistoryPoint[];
  readonly steps: readonly HistoryStep[];
}

export interface Dashboard {
  readonly columns: readonly DashboardColumn[];
  /** Rows where the columns differ first, then the others, each in the order the runs list them. */
  readonly clauses: readonly ClauseRow[];
  readonly cases: readonly CaseRow[];
  readonly histories: readonly History[];
}

const CHANGE_ORDER: readonly ChangeKind[] = ['newly failing', 'answer changed', 'only in B', 'newly passing', 'only in A'];

/** How a case reads in a column; a case the run does not have is not run. */
export function cellStatus(result: CaseResult | undefined): CellStatus {
  if (result === undefined || result.outcome === 'skip') return 'not run';
  if (result.outcome === 'pass') return 'pass';
  if (result.gate?.status === 'expected') return 'expected deviation';
  return result.outcome === 'fail' ? 'fail' : 'could not be judged';
}

const passing = (record: RunRecord): number => record.cases.filter((result) => result.outcome === 'pass').length;

/** Runs of the same label and edition, oldest first; groups in the order their first run was given. */
function runsByTarget(records: readonly RunRecord[]): RunRecord[][] {
  const groups = new Map<string, RunRecord[]>();
  for (const record of records) {
    const key = JSON.stringify([record.label, record.edition]);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  // Sorting is stable: runs of the same instant keep the order they were given in.
  return [...groups.values()].map((runs) => [...runs].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)));
}

function differingFirst<T extends { readonly differs: boolean }>(rows: readonly T[]): T[] {
  return [...rows.filter((row) => row.differs), ...rows.filter((row) => !row.differs)];
}

export function dashboardOf(records: readonly RunRecord[]): Dashboard {
  const targets = runsByTarget(records);
  const latest = targets.map((runs) => runs[runs.length - 1]).filter((record): record is RunRecord => record !== undefined);
  const columns = targets.flatMap((runs) => {
    const record = runs[runs.length - 1];
    if (record === undefined) return [];
    const { label, edition, target, file, startedAt, level, scope } = record;
    return [{ label, edition, target, file, startedAt, level, pass: passing(record), total: record.cases.length, partial: scope.partial, runs: runs.length }];
  });
  const byId = latest.map((record) => new Map(record.cases.map((result) => [result.id, result])));
  const firstSeen = new Map<string, CaseResult>();
  for (const record of latest) for (const result of record.cases) if (!firstSeen.has(result.id)) firstSeen.set(result.id, result);
  const rows: CaseRow[] = [...firstSeen.values()].map(({ id, clause, title, sourceType }) => {
    const cells = byId.map((cases) => cellStatus(cases.get(id)));
    return { id, clause, title, sourceType, cells, differs: new Set(cells).size > 1 };
  });
  const clauses = [...new Set(rows.map((row) => row.clause))].map((clause) => {
    const ofClause = rows.filter((row) => row.clause === clause);
    const cells = columns.map((_, column) => ({
      pass: ofClause.filter((row) => row.cells[column] === 'pass').length,
      cases: ofClause.filter((row) => byId[column]?.has(row.id) === true).length,
    }));
    return { clause, cells, differs: ofClause.some((row) => row.differs) };
  });
  return { columns, clauses: differingFirst(clauses), cases: differingFirst(rows), histories: targets.map(historyOf) };
}

function historyOf(runs: readonly RunRecord[]): History {
  const [first] = runs;
  const points = runs.map((record) => ({ file: record.file, startedAt: record.startedAt, pass: passing(record), total: record.cases.length, level: record.level }));
  const steps = runs.slice(1).map((record, index) => {
    const before = runs[index] ?? record;
    const changes = compareRuns(before, record).sort((a, b) => CHANGE_ORDER.indexOf(a.kind) - CHANGE_ORDER.indexOf(b.kind));
    return { from: before.file, to: record.file, changes };
  });
  return { label: first?.label ?? '', edition: first?.edition ?? '', points, steps };
}
