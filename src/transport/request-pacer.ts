// The one client-side rate limiter of a run, shared by every request to the target (the cases'
// and the fixtures' alike: AWS counts Lambda's control-plane quota per account, whoever calls),
// and the tally of what those requests cost: API calls, requests sent, throttled answers, retries,
// and the time spent waiting.
//
// Adaptive, by additive increase and multiplicative decrease: a throttled answer to a request sent
// at the current rate lowers the rate to a fraction of what the target accepted in the last second
// (at most a fraction of the current rate; half of it when the last decrease was less than a quiet
// period ago and was not enough), and each quiet period without throttling adds a little back,
// never above the cap. A throttled answer with a `Retry-After` is the target saying how long to
// wait: every request pauses that long, and the rate is left alone (a target that throttles
// whatever the rate, as a fault injector does, would otherwise drive it down to the minimum).
import { isAwsEndpoint } from './aws-endpoint.ts';
import { DEFAULT_RETRY_OPTIONS } from './backoff.ts';
import { systemClock } from './system-clock.ts';
import type { Clock } from './types.ts';

/**
 * Lambda's control plane allows 15 requests per second per account, shared by every caller and not
 * raisable (Lambda quotas page: "Control plane API requests (excludes invocation, GetFunction, and
 * GetPolicy requests)"). A run against AWS starts at 12, four fifths of it: the sandbox account's
 * other callers (a console, a deployment, the run's own fixture calls) keep some of the quota, and
 * AWS's token bucket need not agree with our clock to the request. It is also the default cap there.
 */
export const AWS_START_RPS = 12;

/** On throttling, the new rate is this fraction of what the target accepted in the last second. */
export const DECREASE_FACTOR = 0.9;
/** On throttling again within a quiet period of the last decrease, the rate is at most this fraction of what it was. */
export const REPEATED_DECREASE_FACTOR = 0.5;
/** Added to the rate after each quiet period without a throttled answer. */
export const INCREASE_RPS = 0.5;
export const QUIET_PERIOD_MS = 1_000;
/** The rate never falls below this: a run always progresses. */
export const MIN_RPS = 1;
/** The longest pause a `Retry-After` imposes on every request (the longest backoff of one request). */
export const MAX_PAUSE_MS = DEFAULT_RETRY_OPTIONS.maxDelayMs;
/** The window over which the accepted rate is measured. */
const WINDOW_MS = 1_000;

/** What a run's requests cost, as the summary and results.json report it. */
export interface RequestCounts {
  /** Operations asked for: each case's request, each poll, each SDK command, counted once however often retried. */
  readonly apiCalls: number;
  /** HTTP requests sent, retries included. */
  readonly requests: number;
  /** Answers that said to slow down (429, TooManyRequestsException, Throttling, …). */
  readonly throttled: number;
  /** Requests sent again after an answer or a failure: throttling, and the SDK's retries of the fixtures' calls. */
  readonly retries: number;
  /** Summed over requests, so it may exceed the run's duration: time held back by the rate limiter. */
  readonly limiterWaitMs: number;
  /** Summed over requests: time spent backing off before a retry. */
  readonly backoffMs: number;
  /** The rate the limiter never exceeded (--max-rps, or the AWS start value); null: none. */
  readonly capRps: number | null;
}

/** Handed out for each request sent, and handed back with its answer. */
export interface SendTicket {
  readonly sentAt: number;
}

export interface RequestPacer {
  /** Waits until the rate allows one more request; call right before sending it. */
  beforeRequest(): Promise<SendTicket>;
  /** What came back: a throttled answer (and its `Retry-After`, in ms, if any) slows every request down. */
  afterAnswer(ticket: SendTicket, answer: { readonly throttled: boolean; readonly retryAfterMs: number | null }): void;
  /** One operation asked for, whatever its retries. */
  countCall(): void;
  /** `retries` more requests of one operation, and the time it backed off before them. */
  countRetries(retries: number, backoffMs: number): void;
  /** Requests per second now; null while no rate applies (a target that never throttled, with no cap). */
  readonly rps: number | null;
  counts(): RequestCounts;
}

export interface PacerOptions {
  /** The rate to start at; null: none until the target throttles. */
  readonly startRps: number | null;
  /** Never faster than this; null: no cap. */
  readonly capRps: number | null;
  readonly clock?: Clock;
  /** False: only count, never hold a request back (a client that shares no run's limiter); default true. */
  readonly adapts?: boolean;
}

/**
 * The pacing a run starts with (`maxRps` is --max-rps): against an AWS endpoint AWS_START_RPS (or
 * `maxRps` when lower), never above `maxRps ?? AWS_START_RPS`; elsewhere `maxRps`, or no rate until
 * the target throttles.
 */
export function pacerOptionsFor(targetUrl: string, maxRps: number | null): PacerOptions {
  if (isAwsEndpoint(new URL(targetUrl))) {
    const cap = maxRps ?? AWS_START_RPS;
    return { startRps: Math.min(AWS_START_RPS, cap), capRps: cap };
  }
  return { startRps: maxRps, capRps: maxRps };
}

/** A tally for a client given no run's limiter: it counts, and never holds a request back. */
export function countingOnlyPacer(): RequestPacer {
  return createRequestPacer({ startRps: null, capRps: null, adapts: false });
}

export function createRequestPacer(options: PacerOptions): RequestPacer {
  for (const [name, value] of [['startRps', options.startRps], ['capRps', options.capRps]] as const) {
    if (value !== null && !(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a number of requests per second above 0, or null; got ${value}`);
  }
  const clock = options.clock ?? systemClock;
  const adapts = options.adapts ?? true;
  const cap = options.capRps;
  let rps = options.startRps === null ? null : Math.min(options.startRps, cap ?? Number.POSITIVE_INFINITY);
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  /** When the rate last changed: increases wait a quiet period after it. */
  let changedAt = clock.now();
  /** When the rate was last lowered: answers to requests sent before it were already reacted to. */
  let loweredAt = Number.NEGATIVE_INFINITY;
  const accepted: number[] = [];
  // Requests take their turn first come, first served: each waits for the one before it.
  let queue: Promise<unknown> = Promise.resolve();
  const counts = { apiCalls: 0, requests: 0, throttled: 0, retries: 0, limiterWaitMs: 0, backoffMs: 0 };

  const raiseAfterQuiet = (now: number): void => {
    if (rps === null) return;
    const periods = Math.floor((now - changedAt) / QUIET_PERIOD_MS);
    if (periods < 1) return;
    rps = Math.min(cap ?? Number.POSITIVE_INFINITY, rps + periods * INCREASE_RPS);
    changedAt += periods * QUIET_PERIOD_MS;
  };

  const nextSendAt = (): number => Math.max(pausedUntil, rps === null ? Number.NEGATIVE_INFINITY : lastSentAt + 1000 / rps);

  const takeTurn = async (): Promise<SendTicket> => {
    const queuedAt = clock.now();
    // Checked again after each sleep: a throttled answer meanwhile may have lowered the rate or paused.
    for (let now = queuedAt; ; now = clock.now()) {
      raiseAfterQuiet(now);
      const wait = nextSendAt() - now;
      if (wait <= 0) {
        lastSentAt = now;
        counts.requests += 1;
        counts.limiterWaitMs += now - queuedAt;
        return { sentAt: now };
      }
      await clock.sleep(wait);
    }
  };

  const acceptedWithinWindow = (now: number): number => {
    while (accepted.length > 0 && (accepted[0] ?? now) <= now - WINDOW_MS) accepted.shift();
    return accepted.length;
  };

  return {
    beforeRequest() {
      const turn = queue.then(takeTurn);
      queue = turn.catch(() => undefined);
      return turn;
    },
    afterAnswer(ticket, answer) {
      const now = clock.now();
      if (!answer.throttled) {
        accepted.push(now);
        return;
      }
      counts.throttled += 1;
      if (!adapts) return;
      if (answer.retryAfterMs !== null) {
        pausedUntil = Math.max(pausedUntil, now + Math.min(Math.max(0, answer.retryAfterMs), MAX_PAUSE_MS));
        return;
      }
      if (ticket.sentAt < loweredAt) return;
      // Right after a decrease, the last second's acceptances still include what a burst got through.
      const current = rps ?? Number.POSITIVE_INFINITY;
      const ceiling = now - loweredAt < QUIET_PERIOD_MS ? REPEATED_DECREASE_FACTOR * current : current;
      rps = Math.max(MIN_RPS, Math.min(ceiling, DECREASE_FACTOR * Math.min(current, acceptedWithinWindow(now))));
      loweredAt = now;
      changedAt = now;
    },
    countCall() {
      counts.apiCalls += 1;
    },
    countRetries(retries, backoffMs) {
      counts.retries += retries;
      counts.backoffMs += backoffMs;
    },
    get rps() {
      return rps;
    },
    counts: () => ({ ...counts, limiterWaitMs: Math.round(counts.limiterWaitMs), backoffMs: Math.round(counts.backoffMs), capRps: cap }),
  };
}
