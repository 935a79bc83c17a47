import { describe, expect, it } from 'vitest';
import { SlotPool } from '../../src/runner/slot-pool.ts';

/** A holder that keeps its slot until the test lets it go. */
function holder(pool: SlotPool, key: string | null, log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let slot: number | undefined;
  const ran = pool.run(key, async (given) => {
    slot = given;
    log.push(`${name} got ${given}`);
    await done;
    log.push(`${name} left ${given}`);
    return given;
  });
  return { finish, ran, slot: () => slot };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the slot pool', () => {
  it('gives concurrent holders of one key different slots, the lowest free first', async () => {
    const pool = new SlotPool(3);
    const log: string[] = [];
    const a = holder(pool, 'kinesis', log, 'a');
    const b = holder(pool, 'kinesis', log, 'b');
    const c = holder(pool, 'kinesis', log, 'c');
    await settle();
    expect([a.slot(), b.slot(), c.slot()]).toEqual([0, 1, 2]);
    b.finish();
    await b.ran;
    const d = holder(pool, 'kinesis', log, 'd');
    await settle();
    expect(d.slot()).toBe(1);
    for (const h of [a, c, d]) h.finish();
    await Promise.all([a.ran, c.ran, d.ran]);
  });

  it('never gives one slot of a key to two holders at once: the rest wait, first come first served', async () => {
    const pool = new SlotPool(2);
    const log: string[] = [];
    const holders = ['a', 'b', 'c', 'd'].map((name) => holder(pool, 'sqs', log, name));
    await settle();
    expect(holders.map((h) => h.slot())).toEqual([0, 1, undefined, undefined]);
    holders[1]?.finish();
    await settle();
    expect(holders[2]?.slot()).toBe(1);
    expect(holders[3]?.slot()).toBeUndefined();
    holders[0]?.finish();
    await settle();
    expect(holders[3]?.slot()).toBe(0);
    holders[2]?.finish();
    holders[3]?.finish();
    await Promise.all(holders.map((h) => h.ran));
    // Replaying the log: each slot is held by at most one holder at any time.
    const held = new Map<string, string>();
    for (const line of log) {
      const [name = '', verb, slot = ''] = line.split(' ');
      if (verb === 'got') {
        expect(held.has(slot), `${name} got slot ${slot} while ${held.get(slot) ?? ''} held it`).toBe(false);
        held.set(slot, name);
      } else held.delete(slot);
    }
    expect(log).toEqual(['a got 0', 'b got 1', 'b left 1', 'c got 1', 'a left 0', 'd got 0', 'c left 1', 'd left 0']);
  });

  it('keeps keys apart, and lets a null key through at once on slot 0', async () => {
    const pool = new SlotPool(1);
    const log: string[] = [];
    const a = holder(pool, 'sqs', log, 'a');
    const b = holder(pool, 'kinesis', log, 'b');
    const c = holder(pool, null, log, 'c');
    const d = holder(pool, null, log, 'd');
    await settle();
    expect([a.slot(), b.slot(), c.slot(), d.slot()]).toEqual([0, 0, 0, 0]);
    for (const h of [a, b, c, d]) h.finish();
    await Promise.all([a.ran, b.ran, c.ran, d.ran]);
  });

  it('frees a slot when its work throws', async () => {
    const pool = new SlotPool(1);
    await expect(pool.run('sqs', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pool.run('sqs', async (slot) => slot)).resolves.toBe(0);
  });

  it('refuses a pool without slots', () => {
    expect(() => new SlotPool(0)).toThrow(/at least one slot/);
  });
});
