// A second line of defence: the transport already redacts what it records, but a report is the
// thing that gets attached to CI runs and shared, so every renderer masks credential headers again
// rather than trusting that every producer of a CaseResult did.
import type { CaseResult } from '../src/results.ts';
import { redactHeaders } from '../src/transport/index.ts';

/** A copy of the case whose request and response header maps have credential values masked. */
export function redactCase(result: CaseResult): CaseResult {
  return {
    ...result,
    request: result.request === null ? null : { ...result.request, headers: redactHeaders(result.request.headers) },
    response: result.response === null ? null : { ...result.response, headers: redactHeaders(result.response.headers) },
  };
}
