/**
 * Slots 0 … size-1 of each key, each held by one holder at a time: a holder gets the lowest free
 * slot of its key, and waits, first come first served, only while every slot of it is taken. The
 * runner's slots are its functions and its keys the sources, so no two cases map the same
 * function to the same source at once, and no valid case runs into another's 409.
 */
export class SlotPool {
  private readonly taken = new Map<string, boolean[]>();
  private readonly waiting = new Map<string, Array<(slot: number) => void>>();

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`A slot pool needs at least one slot, not ${size}.`);
  }

  /** Runs `work` holding a slot of `key`; a null key takes slot 0 and holds nothing. */
  async run<T>(key: string | null, work: (slot: number) => Promise<T>): Promise<T> {
    if (key === null) return work(0);
    const slot = await this.acquire(key);
    try {
      return await work(slot);
    } finally {
      this.release(key, slot);
    }
  }

  private acquire(key: string): Promise<number> {
    let taken = this.taken.get(key);
    if (taken === undefined) this.taken.set(key, (taken = new Array<boolean>(this.size).fill(false)));
    const free = taken.indexOf(false);
    if (free !== -1) {
      taken[free] = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push(resolve);
      this.waiting.set(key, queue);
    });
  }

  private release(key: string, slot: number): void {
    const queue = this.waiting.get(key);
    const next = queue?.shift();
    if (queue?.length === 0) this.waiting.delete(key);
    // The first in line takes the slot over as it is; otherwise it becomes free.
    if (next !== undefined) next(slot);
    else (this.taken.get(key) ?? [])[slot] = false;
  }
}
