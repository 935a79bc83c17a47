import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, type RetryOptions, type Transport } from '../../src/transport/index.ts';
import { plainProvider } from './support/credentials.ts';
import { fakeClock, type FakeClock } from './support/fake-clock.ts';
import { json, startServer, type TestServer } from './support/http-server.ts';

let server: TestServer;
let target: Transport;
let clock: FakeClock;
afterEach(async () => {
  await target?.close();
  await server?.close();
});

const create = { method: 'POST', path: '/2015-03-31/event-source-mappings/', headers: { 'content-type': 'application/json' }, body: '{}' };
const tooMany = (response: ServerResponse, n: number, headers: Record<string, string> = {}) =>
  json(response, 429, { message: `Rate exceeded (answer ${n})` }, { 'x-amzn-errortype': 'TooManyRequestsException', ...headers });

/** Answers the n-th request (1-based) with `answer(n)`. */
async function setUp(
  answer: (response: ServerResponse, n: number) => void,
  retry: Partial<RetryOptions> = {},
  random: () => number = () => 0.5,
) {
  server = await startServer((_, response) => answer(response, server.received.length));
  clock = fakeClock();
  target = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider, retry, clock, random });
}

describe('retry on throttling', () => {
  it('429 then 202 is one observation of the 202, after 2 attempts', async () => {
    await setUp((response, n) => (n === 1 ? tooMany(response, n) : json(response, 202, { UUID: 'u-1', State: 'Creating' })));
    const observation = await target.send(create);
    expect(observation.response?.status).toBe(202);
    expect(JSON.parse(observation.response?.body ?? '')).toEqual({ UUID: 'u-1', State: 'Creating' });
    expect(observation.attempts).toBe(2);
    expect(observation.throttledAttempts).toBe(1);
    expect(server.received).toHaveLength(2);
    // Both attempts carried the same bytes, each signed afresh.
    expect(server.received.map((request) => request.body.toString())).toEqual(['{}', '{}']);
    // Full jitter: half of the first ceiling (250 ms) with random() = 0.5.
    expect(clock.sleeps).toEqual([125]);
    expect(observation.durationMs).toBe(125);
  });

  it('throttling forever stops at maxAttempts (default 6) and observes the last 429', async () => {
    await setUp((response, n) => tooMany(response, n), {}, () => 0.999);
    const observation = await target.send(create);
    expect(server.received).toHaveLength(6);
    expect(observation.attempts).toBe(6);
    expect(observation.throttledAttempts).toBe(5);
    expect(observation.response?.status).toBe(429);
    expect(observation.response?.body).toContain('answer 6');
    // Exponential ceilings 250, 500, 1000, 2000, 4000, each taken at 99.9 %.
    expect(clock.sleeps).toEqual([249, 499, 999, 1998, 3996]);
  });

  it('throttling forever stops within maxElapsedMs, whatever maxAttempts allows', async () => {
    await setUp((response, n) => tooMany(response, n), { maxAttempts: 100, maxElapsedMs: 1_000, baseDelayMs: 400 }, () => 0.999);
    const observation = await target.send(create);
    // 399 ms, then 799 ms would end at 1198 ms > 1000 ms: not started.
    expect(clock.sleeps).toEqual([399]);
    expect(observation.attempts).toBe(2);
    expect(observation.throttledAttempts).toBe(1);
    expect(observation.response?.body).toContain('answer 2');
    expect(observation.durationMs).toBeLessThanOrEqual(1_000);
  });

  it('honours Retry-After in seconds', async () => {
    await setUp((response, n) => (n === 1 ? tooMany(response, n, { 'retry-after': '3' }) : json(response, 202, {})));
    const observation = await target.send(create);
    expect(clock.sleeps).toEqual([3_000]);
    expect(observation.response?.status).toBe(202);
  });

  it('caps Retry-After by maxDelayMs', async () => {
    await setUp((response, n) => (n === 1 ? tooMany(response, n, { 'retry-after': '3600' }) : json(response, 202, {})), { maxDelayMs: 1_500 });
    await target.send(create);
    expect(clock.sleeps).toEqual([1_500]);
  });

  it('recognises throttling by error type, in the header or the body, whatever the status', async () => {
    await setUp((response, n) => {
      if (n === 1) json(response, 400, { message: 'slow down' }, { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/' });
      else if (n === 2) json(response, 400, { __type: 'com.amazonaws.lambda#TooManyRequestsException', message: 'slow down' });
      else if (n === 3) json(response, 400, { code: 'RequestLimitExceeded' });
      else json(response, 201, {});
    });
    const observation = await target.send(create);
    expect(observation.response?.status).toBe(201);
    expect(observation.attempts).toBe(4);
    expect(observation.throttledAttempts).toBe(3);
  });

  it.each<[string, number, Record<string, string>, unknown]>([
    ['a validation error', 400, { 'x-amzn-errortype': 'InvalidParameterValueException' }, { message: 'bad' }],
    ['a conflict', 409, { 'x-amzn-errortype': 'ResourceConflictException' }, { message: 'exists' }],
    ['a 500', 500, {}, { message: 'internal' }],
    ['a 503 without a throttling type', 503, { 'x-amzn-errortype': 'ServiceUnavailableException' }, {}],
    ['a 400 whose type merely contains Throttling', 400, { 'x-amzn-errortype': 'NotThrottlingException' }, {}],
  ])('does not retry %s', async (_, status, headers, body) => {
    await setUp((response) => json(response, status, body, headers));
    const observation = await target.send(create);
    expect(observation.response?.status).toBe(status);
    expect(observation.attempts).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('does not retry a timeout', async () => {
    server = await startServer(() => {
      /* never answer */
    });
    clock = fakeClock();
    target = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider, timeoutMs: 150, clock });
    const observation = await target.send(create);
    expect(observation.transportError?.kind).toBe('timeout');
    expect(observation.attempts).toBe(1);
    expect(server.received).toHaveLength(1);
  });

  it('retries with the real clock too (Retry-After: 0 keeps it instant)', async () => {
    server = await startServer((_, response) =>
      server.received.length === 1 ? tooMany(response, 1, { 'retry-after': '0' }) : json(response, 202, {}),
    );
    target = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider });
    const observation = await target.send(create);
    expect(observation.attempts).toBe(2);
    expect(observation.response?.status).toBe(202);
  });
});
