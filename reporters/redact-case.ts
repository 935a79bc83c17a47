// A second line of defence: the transport already redacts what it records, but a report is the
// thing that gets attached to CI runs and shared, so every renderer masks credential headers again
// rather than trusting that every producer of a CaseResult did.
import type { CaseResult, RecordedRequest, RecordedResponse } from '../src/results.ts';
import { redactHeaders } from '../src/transport/index.ts';

/** A copy of the case whose request and response header maps (its counterexample's too) have credential values masked. */
export function redactCase(result: CaseResult): CaseResult {
  const { counterexample } = result;
  return {
    ...result,
    ...redactExchange(result),
    ...(counterexample !== undefined && { counterexample: { ...counterexample, ...redactExchange(counterexample) } }),
  };
}

function redactExchange(exchange: { readonly request: RecordedRequest | null; readonly response: RecordedResponse | null }) {
  return {
    request: exchange.request === null ? null : { ...exchange.request, headers: redactHeaders(exchange.request.headers) },
    response: exchange.response === null ? null : { ...exchange.response, headers: redactHeaders(exchange.response.headers) },
  };
}
