// `diff`: what changed between two runs, case by case: for two emulators, two versions of one, or
// an emulator against a run on real AWS.
import { describeForm, formOf, sameForm } from '../gate/deviation-form.ts';
import type { DeviationForm } from '../results.ts';
import type { RecordedCase, RecordedCounterexample, RunRecord } from './run-record.ts';

export type ChangeKind = 'newly failing' | 'newly passing' | 'answer changed' | 'only in A' | 'only in B';

/** A case in one run: its outcome, the form of its answer and, for a failing property case, its counterexample. */
export interface CaseState extends DeviationForm {
  readonly outcome: RecordedCase['outcome'];
  readonly counterexample: RecordedCounterexample | null;
}

export interface CaseChange {
  readonly kind: ChangeKind;
  readonly id: string;
  /** The case in A and in B; null where the run has no such case. */
  readonly before: CaseState | null;
  readonly after: CaseState | null;
}

const failing = (result: RecordedCase): boolean => result.outcome === 'fail' || result.outcome === 'error';

function stateOf(result: RecordedCase): CaseState {
  const found = result.counterexample;
  return { outcome: result.outcome, ...formOf(result), counterexample: found === undefined ? null : { field: found.field, value: found.value } };
}

/** "pass 202 (no error type)", "fail 201 (no error type), counterexample BatchSize 11". */
function described(state: CaseState): string {
  const found = state.counterexample === null ? '' : `, counterexample ${state.counterexample.field} ${JSON.stringify(state.counterexample.value)}`;
  return `${state.outcome} ${describeForm(state)}${found}`;
}

/** Every case that differs: in A's order, then the cases only B has, in B's order. */
export function compareRuns(a: RunRecord, b: RunRecord): CaseChange[] {
  const inB = new Map(b.cases.map((result) => [result.id, result]));
  const inA = new Set(a.cases.map((result) => result.id));
  const changes: CaseChange[] = [];
  for (const before of a.cases) {
    const after = inB.get(before.id);
    const kind = after === undefined ? 'only in A' : changeOf(before, after);
    if (kind !== null) changes.push({ kind, id: before.id, before: stateOf(before), after: after === undefined ? null : stateOf(after) });
  }
  for (const after of b.cases) if (!inA.has(after.id)) changes.push({ kind: 'only in B', id: after.id, before: null, after: stateOf(after) });
  return changes;
}

function changeOf(before: RecordedCase, after: RecordedCase): ChangeKind | null {
  if (!failing(before) && failing(after)) return 'newly failing';
  if (failing(before) && after.outcome === 'pass') return 'newly passing';
  if (before.outcome !== after.outcome || !sameForm(formOf(before), formOf(after))) return 'answer changed';
  return null;
}

/** One line per change: "newly failing  BatchSize/sqs/0: pass 202 (no error type) → fail 201 (no error type)". */
export function changeLine(change: CaseChange): string {
  const width = 'answer changed'.length;
  const states = [change.before, change.after].filter((state): state is CaseState => state !== null).map(described).join(' → ');
  return `${change.kind.padEnd(width)}  ${change.id}: ${states}`;
}
