import type { Reason } from '../results.ts';

/** The checks a verdict can fail, named by what they verify. */
export type CheckName =
  | 'answer_received'
  | 'status_code_conformance'
  | 'error_type_conformance'
  | 'response_body_is_json'
  | 'response_schema_conformance'
  | 'echoed_value_conformance'
  | 'default_value_conformance'
  | 'function_arn_conformance'
  | 'state_conformance';

export function reason(check: CheckName, clause: string, message: string): Reason {
  return { check, clause, message };
}

export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
