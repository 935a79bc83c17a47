// `diff` of two recordings: what changed in a target's answers between two nights, case by case,
// after normalisation (src/recording/), error messages included: between two recordings they are
// what changed too.
import { caseDifferences } from '../recording/compare.ts';
import type { RecordedCaseFile } from '../recording/recording.ts';

export interface RecordingChange {
  readonly id: string;
  readonly kind: 'answer changed' | 'only in A' | 'only in B';
  /** What differs, in words; empty for a case only one recording has. */
  readonly differences: readonly string[];
}

/** Every case whose answers differ: in A's order, then the cases only B has, in B's order. */
export function compareRecordings(a: ReadonlyMap<string, RecordedCaseFile>, b: ReadonlyMap<string, RecordedCaseFile>): RecordingChange[] {
  const changes: RecordingChange[] = [];
  for (const [id, before] of a) {
    const after = b.get(id);
    if (after === undefined) {
      changes.push({ id, kind: 'only in A', differences: [] });
      continue;
    }
    const { differences, unmatched } = caseDifferences(before, after.exchanges, { recorded: 'A', observed: 'B' }, { messages: true });
    const sent = unmatched === 0 ? [] : [`B sent ${unmatched === 1 ? 'a request' : `${unmatched} requests`} A did not`];
    if (differences.length > 0 || sent.length > 0) changes.push({ id, kind: 'answer changed', differences: [...differences, ...sent] });
  }
  for (const id of b.keys()) if (!a.has(id)) changes.push({ id, kind: 'only in B', differences: [] });
  return changes;
}

/** "answer changed  BatchSize/sqs/0: A answered 400 InvalidParameterValueException, B 400 ValidationException". */
export function recordingChangeLine(change: RecordingChange): string {
  return `${change.kind.padEnd('answer changed'.length)}  ${change.id}${change.differences.length === 0 ? '' : `: ${change.differences.join('; ')}`}`;
}
