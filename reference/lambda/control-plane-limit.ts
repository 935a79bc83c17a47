import type { AwsTiming } from '../aws-timing.ts';
import type { Route } from '../route.ts';
import { ServiceError } from '../service-error.ts';

// Lambda's control-plane rate limit, as the Lambda quotas page states it: "Control plane API requests
// (excludes invocation, GetFunction, and GetPolicy requests)": 15 requests per second, per account,
// not raisable. One token bucket for the whole server (it plays one account): it holds at most one
// second's worth of requests and refills continuously, so a quiet client may send a burst of
// controlPlaneRps at once, and a busy one no more than controlPlaneRps a second.
const UNLIMITED_OPERATIONS: ReadonlySet<string> = new Set(['Invoke', 'GetFunction', 'GetPolicy']);

export class ControlPlaneLimit {
  private tokens: number;
  private refilledAt: number;

  constructor(private readonly timing: AwsTiming) {
    this.tokens = timing.controlPlaneRps;
    this.refilledAt = timing.now();
  }

  // The route, made to answer 429 first when it counts against the limit and the bucket is empty.
  limit(route: Route): Route {
    if (route.service !== 'lambda' || UNLIMITED_OPERATIONS.has(route.operation)) return route;
    return {
      ...route,
      run: () => {
        if (!this.take()) throw rateExceeded();
        return route.run();
      },
    };
  }

  private take(): boolean {
    const now = this.timing.now();
    const rps = this.timing.controlPlaneRps;
    this.tokens = Math.min(rps, this.tokens + ((now - this.refilledAt) / 1000) * rps);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

// As AWS answered it (a public record, 2024): `{"Reason":"CallerRateLimitExceeded","Type":"User","message":"Rate exceeded"}`,
// with no retryAfterSeconds; no Retry-After header is recorded or documented for this limit, so none is sent.
function rateExceeded(): ServiceError {
  return new ServiceError(429, 'TooManyRequestsException', 'Rate exceeded', { Reason: 'CallerRateLimitExceeded' });
}
