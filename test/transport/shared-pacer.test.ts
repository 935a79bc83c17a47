import type { ServerResponse } from 'node:http';
import { ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureClients, type FixtureClients } from '../../src/provisioning/aws-clients.ts';
import { createRequestPacer, createTransport, type RequestPacer, type Transport } from '../../src/transport/index.ts';
import { plainProvider } from './support/credentials.ts';
import { fakeClock } from './support/fake-clock.ts';
import { json, startServer, type TestServer } from './support/http-server.ts';

// The cases' transport and the fixtures' AWS SDK clients go through one pacer: one tally of calls,
// requests, throttled answers, retries and waiting, and one rate that a throttled answer to either lowers.

let server: TestServer;
let transport: Transport | undefined;
let clients: FixtureClients | undefined;
afterEach(async () => {
  clients?.destroy();
  await transport?.close();
  await server?.close();
});

const EMPTY_LIST = { EventSourceMappings: [] };
const list = { method: 'GET', path: '/2015-03-31/event-source-mappings/', headers: {}, body: undefined };

/** Answers 429 TooManyRequestsException to the requests whose 1-based numbers `throttle` lists, an empty list to the others. */
async function serverThrottling(throttle: readonly number[]): Promise<void> {
  server = await startServer((_, response: ServerResponse) => {
    if (throttle.includes(server.received.length)) json(response, 429, { message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' }, { 'x-amzn-errortype': 'TooManyRequestsException' });
    else json(response, 200, EMPTY_LIST);
  });
}

function sdkClients(pacer: RequestPacer): FixtureClients {
  clients = fixtureClients({ endpoint: server.url, region: 'us-east-1', credentials: plainProvider, requestTimeoutMs: 5_000, maxAttempts: 3, pacer });
  return clients;
}

describe('one pacer for the transport and the SDK clients', () => {
  it('counts an SDK call once, its throttled answer, its retry and the backoff the SDK reported', async () => {
    await serverThrottling([1]);
    const pacer = createRequestPacer({ startRps: null, capRps: null });
    const lambda = sdkClients(pacer).lambda;
    const answer = await lambda.send(new ListEventSourceMappingsCommand({}));
    expect(answer.EventSourceMappings).toEqual([]);
    const counts = pacer.counts();
    expect(server.received).toHaveLength(2);
    expect(counts).toMatchObject({ apiCalls: 1, requests: 2, throttled: 1, retries: 1 });
    expect(counts.backoffMs).toBe(answer.$metadata.totalRetryDelay);
    expect(counts.backoffMs).toBeGreaterThan(0);
  });

  it('adds the transport\'s calls to the same tally, and a throttled SDK call slows the transport down', async () => {
    await serverThrottling([2]);
    const clock = fakeClock();
    const pacer = createRequestPacer({ startRps: 10, capRps: 10, clock });
    transport = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider, clock, pacer, random: () => 0.5 });
    const first = await transport.send(list);
    expect(first.response?.status).toBe(200);
    // The SDK's call is throttled once (and retried): the rate falls for everyone.
    await sdkClients(pacer).lambda.send(new ListEventSourceMappingsCommand({}));
    expect(pacer.rps).toBeLessThan(10);
    const before = clock.now();
    await transport.send(list);
    expect(clock.now() - before).toBeGreaterThanOrEqual(1000 / 10);
    expect(pacer.counts()).toMatchObject({ apiCalls: 3, requests: 4, throttled: 1, retries: 1 });
  });

  it('counts the transport\'s throttled retries and its backoff', async () => {
    await serverThrottling([1, 2]);
    const clock = fakeClock();
    const pacer = createRequestPacer({ startRps: null, capRps: null, clock });
    transport = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider, clock, pacer, random: () => 0.5 });
    const observation = await transport.send(list);
    expect(observation.attempts).toBe(3);
    // Full jitter at 0.5 of 250 and 500 ms.
    expect(pacer.counts()).toMatchObject({ apiCalls: 1, requests: 3, throttled: 2, retries: 2, backoffMs: 125 + 250 });
  });
});
