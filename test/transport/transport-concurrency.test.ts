import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from '../../src/transport/index.ts';
import { plainProvider } from './support/credentials.ts';
import { json, startServer, type TestServer } from './support/http-server.ts';
import { LOAD_FACTOR } from '../support/time-bounds.ts';

let server: TestServer;
let target: Transport;
afterEach(async () => {
  await target?.close();
  await server?.close();
});

/** A server that holds each request a little while and records the most it ever held at once. */
async function countingServer(holdMs: number) {
  const stats = { inFlight: 0, peak: 0 };
  server = await startServer(async (_, response) => {
    stats.inFlight += 1;
    stats.peak = Math.max(stats.peak, stats.inFlight);
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    stats.inFlight -= 1;
    json(response, 202, {});
  });
  return stats;
}

const send = (count: number) =>
  Promise.all(
    Array.from({ length: count }, (_, index) =>
      target.send({ method: 'POST', path: `/2015-03-31/event-source-mappings/?n=${index}`, headers: {}, body: `{"n":${index}}` }),
    ),
  );

describe('bounded concurrency', () => {
  it('never has more than `concurrency` requests in flight, and queues the rest until all are answered', async () => {
    const stats = await countingServer(25);
    target = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider, concurrency: 3 });
    const observations = await send(20);
    expect(stats.peak).toBe(3);
    expect(server.received).toHaveLength(20);
    expect(observations.every((observation) => observation.response?.status === 202)).toBe(true);
  });

  it('allows 8 at once by default', async () => {
    const stats = await countingServer(25);
    target = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider });
    await send(24);
    expect(stats.peak).toBe(8);
  });

  it('does not charge queueing time to the per-request timeout', async () => {
    await countingServer(60);
    // The timeout is LOAD_FACTOR (3) times what one request takes here now, measured right before: the
    // fourth of four through one slot waits three requests and takes a fourth, past its timeout were the wait charged to it.
    const measuring = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider });
    const oneRequestMs = (await measuring.send({ method: 'POST', path: '/2015-03-31/event-source-mappings/', headers: {}, body: '{}' })).durationMs;
    await measuring.close();
    target = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider, concurrency: 1, timeoutMs: Math.ceil(LOAD_FACTOR * oneRequestMs) });
    const observations = await send(4);
    expect(observations.map((observation) => observation.transportError)).toEqual([null, null, null, null]);
  });
});
