import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from '../../src/transport/concurrency-limit.ts';

describe('createConcurrencyLimit', () => {
  it('never lets more than the limit run, serves waiters in arrival order, and survives failures', async () => {
    const limit = createConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const tasks = Array.from({ length: 7 }, (_, index) =>
      limit.run(async () => {
        started.push(index);
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (index === 3) throw new Error('task 3 failed');
        return index;
      }),
    );
    expect(limit.active).toBe(2);
    expect(limit.waiting).toBe(5);
    const results = await Promise.allSettled(tasks);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
    expect(limit.active).toBe(0);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => createConcurrencyLimit(0)).toThrow(/concurrency/);
    expect(() => createConcurrencyLimit(1.5)).toThrow(/concurrency/);
  });
});
