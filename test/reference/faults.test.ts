import { CreateEventSourceMappingCommand, GetFunctionCommand, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultPlan } from '../../reference/faults/fault-plan.ts';
import { startReferenceServer, type FaultOptions, type ReferenceServer, type RequestLogEntry } from '../../reference/server.ts';
import { MAPPINGS_PATH, postMapping, rawRequest } from './support/raw-http.ts';
import { clientsFor, createFunction, createQueue, failure, type Clients } from './support/reference-clients.ts';
import { boundMs, timed } from '../support/time-bounds.ts';

// Fault injection, for the suite's own reliability tests: each mode, its scope, and its determinism.
const open: Array<{ server: ReferenceServer; clients: Clients }> = [];

async function serverWith(faults: FaultOptions, onRequest?: (entry: RequestLogEntry) => void) {
  const server = await startReferenceServer({ faults, ...(onRequest === undefined ? {} : { onRequest }) });
  const clients = clientsFor(server.url);
  open.push({ server, clients });
  return { server, clients };
}

afterEach(async () => {
  for (const { server, clients } of open.splice(0)) {
    clients.destroy();
    await server.close();
  }
});

// A mapping request that fails validation: without a fault it is a plain 400, so any other status is the fault.
const INVALID_MAPPING = { FunctionName: 'f' };

/**
 * What close() may take with a request it must not wait for (hanging, or waiting out its latency):
 * promptly, i.e. a second beyond LOAD_FACTOR × the close of a server whose one request was answered,
 * measured right before under the same load; waiting for the request would take for ever or a minute.
 */
async function promptCloseBoundMs(): Promise<number> {
  const server = await startReferenceServer();
  await postMapping(server.url, INVALID_MAPPING);
  return boundMs(1000, (await timed(() => server.close())).ms);
}

async function statusSequence(faults: FaultOptions, count: number): Promise<number[]> {
  const { server } = await serverWith(faults);
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push((await postMapping(server.url, INVALID_MAPPING)).status);
  return statuses;
}

describe('determinism', () => {
  const mixed: FaultOptions = { throttleRate: 0.25, errorRate: 0.25, malformedRate: 0.25, seed: 42 };

  it('gives the same sequence of faults for the same seed', async () => {
    const first = await statusSequence(mixed, 40);
    const second = await statusSequence(mixed, 40);
    expect(second).toEqual(first);
    expect(new Set(first)).toEqual(new Set([429, 500, 202, 400]));
  });

  it('gives a different sequence for a different seed', async () => {
    expect(await statusSequence({ ...mixed, seed: 43 }, 40)).not.toEqual(await statusSequence(mixed, 40));
  });

  it('draws faults at about the configured rate', () => {
    const plan = new FaultPlan({ throttleRate: 0.3, hangRate: 0.1, seed: 7 });
    const decisions = Array.from({ length: 2000 }, () => plan.decide('CreateEventSourceMapping').fault);
    const throttled = decisions.filter((fault) => fault === 'throttle').length;
    const hung = decisions.filter((fault) => fault === 'hang').length;
    expect(throttled).toBeGreaterThan(520);
    expect(throttled).toBeLessThan(680);
    expect(hung).toBeGreaterThan(140);
    expect(hung).toBeLessThan(260);
  });

  it('refuses unusable options before listening', async () => {
    await expect(startReferenceServer({ faults: { throttleRate: 0.7, errorRate: 0.5 } })).rejects.toThrow(/at most 1/);
    await expect(startReferenceServer({ faults: { resetRate: -0.1 } })).rejects.toThrow(/probability/);
    await expect(startReferenceServer({ faults: { latencyMs: Number.NaN } })).rejects.toThrow(/latencyMs/);
    await expect(startReferenceServer({ faults: { retryAfterSeconds: -1 } })).rejects.toThrow(/retryAfterSeconds/);
  });
});

describe('each fault mode', () => {
  it('throttles with 429 TooManyRequestsException, Reason, retryAfterSeconds and Retry-After', async () => {
    const { server, clients } = await serverWith({ throttleRate: 1 });
    const answer = await postMapping(server.url, INVALID_MAPPING);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(answer.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(answer.json).toMatchObject({ Type: 'User', Reason: 'CallerRateLimitExceeded', retryAfterSeconds: '1' });
    expect(answer.json?.['message']).toEqual(expect.any(String));

    const sdk = await failure(clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'f', EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' })));
    expect(sdk).toMatchObject({ name: 'TooManyRequestsException', status: 429 });
    expect(sdk.error['retryAfterSeconds']).toBe('1');
  });

  it('asks a throttled client to wait as long as retryAfterSeconds says', async () => {
    const { server } = await serverWith({ throttleRate: 1, retryAfterSeconds: 0.05 });
    const answer = await postMapping(server.url, INVALID_MAPPING);
    expect(answer.headers.get('retry-after')).toBe('0.05');
    expect(answer.json).toMatchObject({ retryAfterSeconds: '0.05' });
  });

  it('fails with 500 ServiceException', async () => {
    const { server, clients } = await serverWith({ errorRate: 1 });
    const answer = await postMapping(server.url, INVALID_MAPPING);
    expect(answer.status).toBe(500);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ServiceException');
    expect(answer.json).toMatchObject({ Type: 'Service', Message: expect.any(String) });
    const sdk = await failure(clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'f', EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' })));
    expect(sdk).toMatchObject({ name: 'ServiceException', status: 500 });
  });

  it('answers 202 with a truncated JSON body', async () => {
    const { server } = await serverWith({ malformedRate: 1 });
    const answer = await postMapping(server.url, INVALID_MAPPING);
    expect(answer.status).toBe(202);
    expect(answer.text.startsWith('{')).toBe(true);
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(answer.text)));
  });

  it('resets the connection without an answer, and changes no state', async () => {
    const { server, clients } = await serverWith({ resetRate: 1 });
    await createFunction(clients, 'reset-fn'); // fixtures are outside the default scope
    const queue = await createQueue(clients, 'reset-queue');
    const request = postMapping(server.url, { FunctionName: 'reset-fn', EventSourceArn: queue });
    await expect(request).rejects.toThrow(/fetch failed/);
    const listed = await clients.lambda.send(new ListEventSourceMappingsCommand({}));
    expect(listed.EventSourceMappings).toEqual([]);
  });

  it('leaves a request hanging until the client gives up', async () => {
    const { server } = await serverWith({ hangRate: 1 });
    const started = Date.now();
    const request = fetch(`${server.url}${MAPPINGS_PATH}`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(300) });
    await expect(request).rejects.toThrow(/aborted|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('ends a hanging request promptly on close()', async () => {
    let hung!: () => void;
    const reachedServer = new Promise<void>((resolve) => (hung = resolve));
    const server = await startReferenceServer({ faults: { hangRate: 1 }, onRequest: (entry) => entry.fault === 'hang' && hung() });
    const request = fetch(`${server.url}${MAPPINGS_PATH}`, { method: 'POST', body: '{}' });
    const settled = request.then(() => 'answered', () => 'failed');
    await reachedServer;
    const bound = await promptCloseBoundMs();
    expect((await timed(() => server.close())).ms).toBeLessThan(bound);
    expect(await settled).toBe('failed');
  });

  it('adds latency to the operation under test', async () => {
    const { server } = await serverWith({ latencyMs: 300 });
    const { value: answer, ms } = await timed(() => postMapping(server.url, INVALID_MAPPING));
    expect(answer.status).toBe(400);
    expect(ms).toBeGreaterThanOrEqual(290); // load only lengthens it
  });

  it('adds no latency to a fixture call: it is answered while a mapping request sent before it still waits', async () => {
    // Ordering, not a clock: a minute of latency, which a delayed fixture call would wait out too.
    const { server, clients } = await serverWith({ latencyMs: 60_000 });
    const delayed = postMapping(server.url, INVALID_MAPPING).then(() => 'answered', () => 'failed');
    await createFunction(clients, 'fast-fn');
    expect(await Promise.race([delayed, Promise.resolve('still waiting')])).toBe('still waiting');
  });

  it('ends a request waiting out its latency promptly on close()', async () => {
    const server = await startReferenceServer({ faults: { latencyMs: 60_000 } });
    const settled = postMapping(server.url, INVALID_MAPPING).then(() => 'answered', () => 'failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const bound = await promptCloseBoundMs();
    expect((await timed(() => server.close())).ms).toBeLessThan(bound);
    expect(await settled).toBe('failed');
  });
});

describe('scope', () => {
  it('by default leaves every operation but CreateEventSourceMapping alone', async () => {
    const { server, clients } = await serverWith({ throttleRate: 1 });
    await createFunction(clients, 'scoped-fn');
    await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'scoped-fn' }));
    await createQueue(clients, 'scoped-queue');
    expect((await rawRequest(server.url, { method: 'GET', path: MAPPINGS_PATH })).status).toBe(200);
    expect((await postMapping(server.url, INVALID_MAPPING)).status).toBe(429);
  });

  it('with scope "all" faults fixture calls too, in each service\'s own error form', async () => {
    const { clients } = await serverWith({ throttleRate: 1, scope: 'all' });
    expect(await failure(clients.lambda.send(new GetFunctionCommand({ FunctionName: 'any' })))).toMatchObject({
      name: 'TooManyRequestsException',
      status: 429,
    });
    expect(await failure(clients.sqs.send(new CreateQueueCommand({ QueueName: 'any' })))).toMatchObject({
      name: 'ThrottlingException',
      status: 400,
    });
  });

  it('resets an HTTP/2 request (the Kinesis client) by resetting its stream, and close() still ends promptly', async () => {
    const server = await startReferenceServer({ faults: { resetRate: 1, scope: 'all' } });
    const clients = clientsFor(server.url);
    try {
      const reset = await failure(clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'any' })));
      expect(reset.status).toBeUndefined(); // no HTTP answer at all
      expect(String(reset.error['message'])).toContain('NGHTTP2_INTERNAL_ERROR');
    } finally {
      clients.destroy();
      const bound = await promptCloseBoundMs();
      expect((await timed(() => server.close())).ms).toBeLessThan(bound);
    }
  });
});
