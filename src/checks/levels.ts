// The certification levels, modelled on the Kubernetes Gateway API's conformance profiles, each
// adding to the last. Every check names the one it belongs to.
import type { CertificationLevel } from '../results.ts';

export type ClaimedLevel = Exclude<CertificationLevel, 0>;

export const LEVELS: readonly ClaimedLevel[] = [1, 2, 3];

/** What each level adds, for a reader: "Level 2 (also error types and response shapes)". */
export const LEVEL_NAMES: Readonly<Record<ClaimedLevel, string>> = {
  1: 'every status code right',
  2: 'also error types and response shapes',
  3: 'also field semantics: echoes, defaults, ARNs, State, headers',
};
