// An expectations file as the gate reads it: the known deviations of a target, in the manner of
// Web Platform Tests' expectation files. Each entry records the form of the deviation (what was
// observed), so that a case that starts to deviate differently counts as new.
import type { DeviationForm } from '../results.ts';

export const EXPECTED_OUTCOMES = ['fail', 'error', 'skip'] as const;
export type ExpectedOutcome = (typeof EXPECTED_OUTCOMES)[number];

export interface Expectation {
  /** A case id, or a glob over case ids (see case-pattern.ts). */
  readonly pattern: string;
  readonly outcome: ExpectedOutcome;
  readonly form: DeviationForm;
  readonly reason: string;
  readonly link: string | null;
  /** The entry's line in its file: stale entries are reported there. */
  readonly line: number;
}

export interface Expectations {
  /** The file, as given on the command line. */
  readonly file: string;
  readonly entries: readonly Expectation[];
}
