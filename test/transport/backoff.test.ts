import { describe, expect, it } from 'vitest';
import { backoffDelayMs, resolveRetryOptions, retryAfterMs } from '../../src/transport/backoff.ts';
import type { ObservedResponse } from '../../src/transport/index.ts';

const throttled = (headers: Record<string, string> = {}): ObservedResponse => ({ status: 429, headers, body: '' });
const options = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling on each retry, up to the maximum (full jitter scales it)', () => {
    const atCeiling = (retry: number) => backoffDelayMs(retry, options, throttled(), () => 0.999999, 0);
    expect([1, 2, 3, 4, 5, 6].map(atCeiling)).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('picks uniformly below the ceiling', () => {
    expect(backoffDelayMs(3, options, throttled(), () => 0, 0)).toBe(0);
    expect(backoffDelayMs(3, options, throttled(), () => 0.5, 0)).toBe(200);
  });

  it('honours Retry-After seconds instead of jitter, capped by the maximum delay', () => {
    expect(backoffDelayMs(1, options, throttled({ 'retry-after': '0.5' }), () => 0, 0)).toBe(500);
    expect(backoffDelayMs(1, options, throttled({ 'retry-after': '30' }), () => 0, 0)).toBe(1_000);
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(retryAfterMs(throttled({ 'retry-after': '2' }), now)).toBe(2_000);
    expect(retryAfterMs(throttled({ 'retry-after': 'Mon, 01 Jan 2024 00:00:03 GMT' }), now)).toBe(3_000);
    expect(retryAfterMs(throttled({ 'retry-after': 'Sun, 31 Dec 2023 00:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(throttled({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(retryAfterMs(throttled({ 'retry-after': '-1' }), now)).toBeNull();
    expect(retryAfterMs(throttled(), now)).toBeNull();
  });
});

describe('resolveRetryOptions', () => {
  it('fills defaults and rejects nonsense', () => {
    expect(resolveRetryOptions(undefined)).toEqual({ maxAttempts: 6, maxElapsedMs: 60_000, baseDelayMs: 250, maxDelayMs: 20_000 });
    expect(resolveRetryOptions({ maxAttempts: 2 }).maxAttempts).toBe(2);
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryOptions({ maxElapsedMs: -1 })).toThrow(/maxElapsedMs/);
  });
});
