import type { Case, Fixture } from '../cases/case.ts';
import type { FixtureValues } from '../cases/placeholders.ts';
import type { Spec } from '../spec/types.ts';

/** Everything a run sends and judges, fixed before the first case is sent. */
export interface RunPlan {
  readonly edition: string;
  /** The edition's contract: property cases turn each value they draw into a case of their own by it. */
  readonly spec: Spec;
  /** Generated once, in the order they are reported. */
  readonly cases: readonly Case[];
  /** Null when no fixture could be provisioned: every case that needs one is skipped. */
  readonly fixtures: FixtureValues | null;
  /** Fixtures that do not exist on the target (static fixture files may omit sources). */
  readonly missingFixtures: readonly Fixture[];
  /**
   * Whether every mapping of the fixture functions is this run's, so that one it cannot identify
   * (no answer, an unreadable UUID) may be found by listing and deleted. Not so for static fixtures:
   * a mapping found there could be the user's own.
   */
  readonly ownsFixtures: boolean;
  /** Values a failing property sends while shrinking, at most (--max-shrink-requests). */
  readonly maxShrinkRequests: number;
}
