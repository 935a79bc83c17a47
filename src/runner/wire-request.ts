import type { Case } from '../cases/case.ts';
import { resolveString, resolveValue, type FixtureValues } from '../cases/placeholders.ts';
import type { WireRequest } from '../transport/types.ts';

/** The bytes a case sends once its placeholders carry the provisioned values. */
export function wireRequestOf(testCase: Case, fixtures: FixtureValues): WireRequest {
  const { method, path, headers, body } = testCase.request;
  return {
    method,
    path,
    headers,
    body: body === null ? undefined : typeof body === 'string' ? resolveString(body, fixtures) : JSON.stringify(resolveValue(body, fixtures)),
  };
}
