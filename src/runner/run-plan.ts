import type { Case, Fixture } from '../cases/case.ts';
import type { FixtureValues } from '../cases/placeholders.ts';
import type { Spec } from '../spec/types.ts';

/** How the cases reach the target. No credential values: each side resolves them from its own environment. */
export interface TransportSettings {
  /** The target's origin, e.g. http://127.0.0.1:4566. */
  readonly url: string;
  readonly region: string;
  /** A named AWS profile, or null for the default credential chain. */
  readonly profile: string | null;
  readonly concurrency: number;
  readonly timeoutMs: number;
}

/**
 * Everything a run sends and judges, fixed before the first case is sent: the one value the CLI
 * hands to the vitest suite. Plain data, so it crosses into the worker unchanged.
 */
export interface RunPlan {
  readonly edition: string;
  /** The edition's contract: property cases turn each value they draw into a case of their own by it. */
  readonly spec: Spec;
  /** Generated once, by the CLI, in the order they are reported. */
  readonly cases: readonly Case[];
  readonly transport: TransportSettings;
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
}
