// The certification level each check belongs to: one table, so that a new check must be given one.
// The levels follow the Kubernetes Gateway API's conformance profiles, each adding to the last.
import type { CheckName } from '../check-names.ts';
import type { CertificationLevel } from '../results.ts';

export type ClaimedLevel = Exclude<CertificationLevel, 0>;

export const LEVELS: readonly ClaimedLevel[] = [1, 2, 3];

/**
 * 1: every status code right. 2: also error types and response shapes. 3: also field semantics
 * (echoes, defaults, ARNs, State, headers). null: not a check of the answer but of the run around
 * it; its case could not be judged or was not run, and so keeps back every level.
 */
export const LEVEL_OF_CHECK: Readonly<Record<CheckName, ClaimedLevel | null>> = {
  status_code_conformance: 1,
  error_type_conformance: 2,
  response_body_is_json: 2,
  response_schema_conformance: 2,
  echoed_value_conformance: 3,
  default_value_conformance: 3,
  function_arn_conformance: 3,
  state_conformance: 3,
  content_type_conformance: 3,
  answer_received: null,
  fixtures_available: null,
  precondition: null,
  mapping_cleanup: null,
  suite_error: null,
  not_run: null,
};

/** What each level adds, for a reader: "Level 2 (error types and response shapes)". */
export const LEVEL_NAMES: Readonly<Record<ClaimedLevel, string>> = {
  1: 'every status code right',
  2: 'also error types and response shapes',
  3: 'also field semantics: echoes, defaults, ARNs, State, headers',
};
