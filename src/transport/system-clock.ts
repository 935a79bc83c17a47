// The real clock, for everything but tests.
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from './types.ts';

export const systemClock: Clock = {
  // Wall-clock time, because an HTTP-date `Retry-After` is measured against it.
  now: () => Date.now(),
  sleep: async (ms) => {
    await delay(ms);
  },
};
