// The pauses between the tries of anything waited for on a target (a resource becoming ready, a
// mapping Lambda still calls busy, a role IAM is propagating): each twice the one before, up to a
// ceiling, never past the deadline, so that a wait neither spins nor outlives its bound.

export interface DoublingPauses {
  /**
   * Waits the next pause, cut at the deadline, and answers true; answers false, without waiting,
   * once the deadline has been reached. The pause that reaches the deadline is the last: a timer
   * may fire a millisecond early, and must not buy one more try and one more pause.
   */
  next(): Promise<boolean>;
}

export interface DoublingPausesOptions {
  readonly firstMs: number;
  readonly maxMs: number;
  /** When the waiting ends, in Date.now() milliseconds. */
  readonly deadline: number;
  /** Ends the pause in progress early (the caller then checks the signal). */
  readonly signal?: AbortSignal | undefined;
}

export function doublingPauses(options: DoublingPausesOptions): DoublingPauses {
  let pause = Math.min(options.firstMs, options.maxMs);
  let reachedDeadline = false;
  return {
    async next() {
      const left = options.deadline - Date.now();
      if (left <= 0 || reachedDeadline) return false;
      reachedDeadline = pause >= left;
      await sleep(Math.min(pause, left), options.signal);
      pause = Math.min(pause * 2, options.maxMs);
      return true;
    },
  };
}

/** Resolves after `ms`, or early when the signal aborts (the caller then checks the signal). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
