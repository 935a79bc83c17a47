// Faults the reference server can inject, for the suite's own reliability tests.
export interface FaultOptions {
  // Milliseconds added before every request in scope is answered (or faulted).
  readonly latencyMs?: number;
  // Probabilities from 0 to 1, drawn per request in scope; together they may not exceed 1.
  // 429 TooManyRequestsException (Lambda) or the source service's throttling error.
  readonly throttleRate?: number;
  // 500 ServiceException (Lambda) or the source service's internal error.
  readonly errorRate?: number;
  // The connection is reset (TCP RST) after the request was read; no answer at all.
  readonly resetRate?: number;
  // A success status (202 for CreateEventSourceMapping) with a truncated JSON body.
  readonly malformedRate?: number;
  // No answer ever; the client must give up on its own. close() still ends the connection.
  readonly hangRate?: number;
  // How long a throttled Lambda client is asked to wait (Retry-After), in seconds; default 1.
  readonly retryAfterSeconds?: number;
  // Seed of the PRNG the rates draw from: the same seed gives the same sequence of faults.
  readonly seed?: number;
  // 'create-event-source-mapping' (default): only the operation under test, so fixture provisioning is
  // never disturbed. 'all': every request, fixtures included.
  readonly scope?: FaultScope;
}

export type FaultScope = 'create-event-source-mapping' | 'all';

export const DEFAULT_FAULT_SEED = 1;

export const FAULT_RATE_NAMES = ['throttleRate', 'errorRate', 'resetRate', 'malformedRate', 'hangRate'] as const;

// Returns a sentence saying what is wrong with the options and how to fix it, or undefined when they are usable.
export function faultOptionsProblem(options: FaultOptions): string | undefined {
  const latency = options.latencyMs;
  if (latency !== undefined && !(Number.isFinite(latency) && latency >= 0)) {
    return `latencyMs must be a number of milliseconds of at least 0, not ${String(latency)}.`;
  }
  const retryAfter = options.retryAfterSeconds;
  if (retryAfter !== undefined && !(Number.isFinite(retryAfter) && retryAfter >= 0)) {
    return `retryAfterSeconds must be a number of seconds of at least 0, not ${String(retryAfter)}.`;
  }
  let total = 0;
  for (const name of FAULT_RATE_NAMES) {
    const rate = options[name];
    if (rate === undefined) continue;
    if (!(Number.isFinite(rate) && rate >= 0 && rate <= 1)) {
      return `${name} must be a probability from 0 to 1, not ${String(rate)}.`;
    }
    total += rate;
  }
  if (total > 1 + 1e-9) {
    return `the fault rates add up to ${total}, but at most one fault happens per request, so together they may be at most 1.`;
  }
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
    return `seed must be an integer, not ${String(options.seed)}.`;
  }
  if (options.scope !== undefined && options.scope !== 'create-event-source-mapping' && options.scope !== 'all') {
    return `scope must be "create-event-source-mapping" or "all", not "${String(options.scope)}".`;
  }
  return undefined;
}
