// Every check a case's result can name, by what it verifies (as Schemathesis names its checks).
// The one list: the judge, the runner, the reporters and the results.json reader all take it from here.

export const CHECK_NAMES = [
  // The judge, of an answer.
  'answer_received',
  'status_code_conformance',
  'error_type_conformance',
  'response_body_is_json',
  'response_schema_conformance',
  'echoed_value_conformance',
  'default_value_conformance',
  'function_arn_conformance',
  'state_conformance',
  'content_type_conformance',
  // The runner, around an answer: what must hold for a case to be sent and to leave nothing behind.
  'fixtures_available',
  'precondition',
  'mapping_cleanup',
  // The reporters, for a case without a result.
  'suite_error',
  'not_run',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

/** The checks a success answer is put through, each described by a ResponseCheck of a case. */
export type ResponseCheckName = Extract<
  CheckName,
  | 'response_schema_conformance'
  | 'echoed_value_conformance'
  | 'default_value_conformance'
  | 'function_arn_conformance'
  | 'state_conformance'
  | 'content_type_conformance'
>;
