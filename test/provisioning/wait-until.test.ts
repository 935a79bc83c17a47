// Polls back off: a wait that ends soon (a function Pending, a role IAM propagates) is seen soon,
// and one that takes long costs few calls, which against AWS count against the account's quota.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAUSE_MS, waitUntil } from '../../src/provisioning/wait-until.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('polling backs off', () => {
  it('pauses FIRST_PAUSE_MS first, then twice as long each time up to the interval, and gives up at the deadline', async () => {
    vi.useFakeTimers({ now: 0 });
    const calls: number[] = [];
    const waiting = waitUntil('the stream to become ACTIVE', async () => {
      calls.push(Date.now());
      return undefined;
    }, { timeoutMs: 3_000, intervalMs: 1_000 });
    const outcome = expect(waiting).rejects.toThrow('Gave up waiting for the stream to become ACTIVE after 3 s.');
    await vi.advanceTimersByTimeAsync(4_000);
    await outcome;
    expect(FIRST_PAUSE_MS).toBe(100);
    expect(calls).toEqual([0, 100, 300, 700, 1_500, 2_500, 3_000]);
  });

  it('answers as soon as the check does', async () => {
    vi.useFakeTimers({ now: 0 });
    let polls = 0;
    const waiting = waitUntil('the function to be Active', async () => ((polls += 1) === 3 ? 'Active' : undefined), { timeoutMs: 10_000, intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(300);
    await expect(waiting).resolves.toBe('Active');
    expect(polls).toBe(3);
  });
});
