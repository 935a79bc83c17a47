// How long to wait before retrying a throttled request.
import type { ObservedResponse, RetryOptions } from './types.ts';

export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = Object.freeze({
  maxAttempts: 6,
  maxElapsedMs: 60_000,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
});

/**
 * Exponential backoff with full jitter (a uniform pick in [0, ceiling)), which spreads the
 * retries of many concurrent cases instead of having them return in waves. A `Retry-After`
 * from the server replaces the pick, still capped by `maxDelayMs`.
 *
 * @param retry 1 for the first retry, 2 for the second, …
 */
export function backoffDelayMs(
  retry: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  response: ObservedResponse,
  random: () => number,
  nowMs: number,
): number {
  const requested = retryAfterMs(response, nowMs);
  if (requested !== null) return Math.min(requested, options.maxDelayMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` in milliseconds: delay-seconds, or an HTTP date; `null` when absent or unreadable. */
export function retryAfterMs(response: ObservedResponse, nowMs: number): number | null {
  const value = response.headers['retry-after']?.trim();
  if (value === undefined || value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Date.parse alone would read "-1" as a year; an HTTP date always names its day or month.
  const date = /[A-Za-z]/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

export function resolveRetryOptions(overrides: Partial<RetryOptions> | undefined): RetryOptions {
  const options = { ...DEFAULT_RETRY_OPTIONS, ...stripUndefined(overrides ?? {}) };
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new Error(`retry.maxAttempts must be an integer >= 1, got ${options.maxAttempts}`);
  }
  for (const key of ['maxElapsedMs', 'baseDelayMs', 'maxDelayMs'] as const) {
    if (!Number.isFinite(options[key]) || options[key] < 0) {
      throw new Error(`retry.${key} must be a number >= 0, got ${options[key]}`);
    }
  }
  return options;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
