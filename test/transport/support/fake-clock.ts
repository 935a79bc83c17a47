// Virtual time: sleeping advances the clock instantly and is recorded, so backoff is testable without waiting.
import type { Clock } from '../../../src/transport/index.ts';

export interface FakeClock extends Clock {
  readonly sleeps: number[];
}

export function fakeClock(start = 1_000_000): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}
