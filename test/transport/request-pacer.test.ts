import { describe, expect, it } from 'vitest';
import {
  AWS_START_RPS,
  countingOnlyPacer,
  createRequestPacer,
  MAX_PAUSE_MS,
  pacerOptionsFor,
  type RequestPacer,
  type SendTicket,
} from '../../src/transport/request-pacer.ts';
import { fakeClock, type FakeClock } from './support/fake-clock.ts';

const START = 1_000_000;
const accepted = { throttled: false, retryAfterMs: null } as const;
const throttled = { throttled: true, retryAfterMs: null } as const;

/** Sends `count` requests one after another, each answered as `answer` says; the times they were let go, from START. */
async function send(pacer: RequestPacer, count: number, answer: { readonly throttled: boolean; readonly retryAfterMs: number | null } = accepted): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const ticket = await pacer.beforeRequest();
    times.push(ticket.sentAt - START);
    pacer.afterAnswer(ticket, answer);
  }
  return times;
}

function pacerAt(rps: number | null, cap: number | null = rps): { pacer: RequestPacer; clock: FakeClock } {
  const clock = fakeClock(START);
  return { pacer: createRequestPacer({ startRps: rps, capRps: cap, clock }), clock };
}

describe('the request pacer', () => {
  it('lets requests go at its rate, one interval apart, and counts the time they were held back', async () => {
    const { pacer } = pacerAt(10);
    expect(await send(pacer, 4)).toEqual([0, 100, 200, 300]);
    expect(pacer.counts()).toMatchObject({ requests: 4, throttled: 0, limiterWaitMs: 300, capRps: 10 });
  });

  it('holds nothing back while no rate applies', async () => {
    const { pacer, clock } = pacerAt(null);
    expect(await send(pacer, 20)).toEqual(Array.from({ length: 20 }, () => 0));
    expect(clock.sleeps).toEqual([]);
    expect(pacer.rps).toBeNull();
  });

  it('serves requests waiting at once in the order they asked', async () => {
    const { pacer } = pacerAt(5);
    const asked = [pacer.beforeRequest(), pacer.beforeRequest(), pacer.beforeRequest()];
    const tickets = await Promise.all(asked);
    expect(tickets.map((ticket) => ticket.sentAt - START)).toEqual([0, 200, 400]);
  });

  it('on a first throttled answer, falls to 9/10 of what the target accepted in the last second', async () => {
    const { pacer, clock } = pacerAt(null);
    await send(pacer, 15);
    await clock.sleep(500);
    await send(pacer, 1, throttled);
    expect(pacer.rps).toBeCloseTo(13.5);
    expect(pacer.counts()).toMatchObject({ requests: 16, throttled: 1 });
  });

  it('never above 9/10 of its own rate, and halves it when throttled again within a quiet period of the last decrease', async () => {
    const { pacer, clock } = pacerAt(10);
    await send(pacer, 10);
    // Sent at 0, 100, … 900 ms, and the eleventh at 1000 ms: nine of them answered within the last second.
    await send(pacer, 1, throttled);
    expect(pacer.rps).toBeCloseTo(8.1);
    await send(pacer, 1, throttled);
    expect(pacer.rps).toBeCloseTo(4.05);
    await clock.sleep(5_000);
    await send(pacer, 1, throttled);
    // Long after the last decrease: 9/10 of what was accepted in the last second, which is nothing.
    expect(pacer.rps).toBe(1);
  });

  it('does not slow down again for answers to requests sent before it slowed down', async () => {
    const { pacer } = pacerAt(10);
    await send(pacer, 10);
    const inFlight: SendTicket[] = [await pacer.beforeRequest(), await pacer.beforeRequest()];
    const [first, second] = inFlight as [SendTicket, SendTicket];
    pacer.afterAnswer(second, throttled);
    const lowered = pacer.rps;
    pacer.afterAnswer(first, throttled);
    expect(pacer.rps).toBe(lowered);
    expect(pacer.counts().throttled).toBe(2);
  });

  it('never falls below one request a second', async () => {
    const { pacer } = pacerAt(2);
    for (let round = 0; round < 10; round += 1) await send(pacer, 1, throttled);
    expect(pacer.rps).toBe(1);
  });

  it('pauses every request until a Retry-After has passed, for at most MAX_PAUSE_MS, and leaves the rate to it', async () => {
    const { pacer } = pacerAt(null);
    const ticket = await pacer.beforeRequest();
    pacer.afterAnswer(ticket, { throttled: true, retryAfterMs: 3_000 });
    const next = await pacer.beforeRequest();
    expect(next.sentAt - ticket.sentAt).toBe(3_000);
    pacer.afterAnswer(next, { throttled: true, retryAfterMs: 10 * MAX_PAUSE_MS });
    expect((await pacer.beforeRequest()).sentAt - next.sentAt).toBe(MAX_PAUSE_MS);
    expect(pacer.rps).toBeNull();
    expect(pacer.counts().throttled).toBe(2);
  });

  it('keeps its pace where a target throttles a quarter of the requests at random, each with a Retry-After', async () => {
    const { pacer } = pacerAt(10);
    const times: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      const ticket = await pacer.beforeRequest();
      times.push(ticket.sentAt - START);
      pacer.afterAnswer(ticket, index % 4 === 3 ? { throttled: true, retryAfterMs: 50 } : accepted);
    }
    expect(pacer.rps).toBe(10);
    expect(times.at(-1)).toBeLessThanOrEqual(39 * 100 + 10 * 50);
  });

  it('speeds up by half a request a second after each quiet second, never above its cap', async () => {
    const { pacer, clock } = pacerAt(10, 11);
    await send(pacer, 10);
    await send(pacer, 1, throttled);
    expect(pacer.rps).toBeCloseTo(8.1);
    await clock.sleep(1_000);
    await send(pacer, 1);
    expect(pacer.rps).toBeCloseTo(8.6);
    await clock.sleep(2_000);
    await send(pacer, 1);
    expect(pacer.rps).toBeCloseTo(9.6);
    await clock.sleep(60_000);
    await send(pacer, 1);
    expect(pacer.rps).toBe(11);
  });

  it('once throttled with no cap, keeps speeding up after quiet seconds', async () => {
    const { pacer, clock } = pacerAt(null);
    await send(pacer, 10);
    await send(pacer, 1, throttled);
    await clock.sleep(10_000);
    await send(pacer, 1);
    expect(pacer.rps).toBeCloseTo(0.9 * 10 + 10 * 0.5);
  });

  it('counts API calls, retries and backoff as told', () => {
    const pacer = countingOnlyPacer();
    pacer.countCall();
    pacer.countCall();
    pacer.countRetries(2, 750.4);
    expect(pacer.counts()).toEqual({ apiCalls: 2, requests: 0, throttled: 0, retries: 2, limiterWaitMs: 0, backoffMs: 750, capRps: null });
  });

  it('only counts when it shares no run: throttling and Retry-After hold nothing back', async () => {
    const pacer = countingOnlyPacer();
    await send(pacer, 3, { throttled: true, retryAfterMs: 5_000 });
    expect(pacer.rps).toBeNull();
    expect(pacer.counts()).toMatchObject({ requests: 3, throttled: 3, limiterWaitMs: 0 });
  });

  it('refuses a rate that is not above 0', () => {
    expect(() => createRequestPacer({ startRps: 0, capRps: null })).toThrow('startRps must be a number of requests per second above 0');
    expect(() => createRequestPacer({ startRps: null, capRps: Number.NaN })).toThrow('capRps');
  });
});

describe('the pacing a run starts with', () => {
  it(`starts an AWS endpoint at ${AWS_START_RPS} per second, below Lambda's quota of 15, and caps it there`, () => {
    expect(pacerOptionsFor('https://lambda.eu-west-1.amazonaws.com', null)).toEqual({ startRps: AWS_START_RPS, capRps: AWS_START_RPS });
    expect(AWS_START_RPS).toBeLessThan(15);
  });

  it('lets --max-rps lower or raise the cap on AWS, starting no faster than the AWS start value', () => {
    expect(pacerOptionsFor('https://lambda.us-east-1.amazonaws.com', 5)).toEqual({ startRps: 5, capRps: 5 });
    expect(pacerOptionsFor('https://lambda.us-east-1.api.aws', 40)).toEqual({ startRps: AWS_START_RPS, capRps: 40 });
  });

  it('paces another target only at --max-rps, or not until it throttles', () => {
    expect(pacerOptionsFor('http://127.0.0.1:4566', null)).toEqual({ startRps: null, capRps: null });
    expect(pacerOptionsFor('http://127.0.0.1:4566', 7)).toEqual({ startRps: 7, capRps: 7 });
  });
});
