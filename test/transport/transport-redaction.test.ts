import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, REDACTED, type Observation, type Transport } from '../../src/transport/index.ts';
import { redactObservation } from '../../src/transport/redact-observation.ts';
import { secretsOf } from '../../src/transport/secrets.ts';
import { CANARY, canaryProvider, expectNoCanary } from './support/credentials.ts';
import { closedPort, json, startServer, type TestServer } from './support/http-server.ts';

let server: TestServer | undefined;
let target: Transport | undefined;
afterEach(async () => {
  await target?.close();
  await server?.close();
  server = undefined;
  target = undefined;
});

const targetFor = (url: string, timeoutMs = 10_000) =>
  (target = createTransport({ url, region: 'eu-west-1', credentials: canaryProvider, timeoutMs, retry: { baseDelayMs: 0 } }));

const create = { method: 'POST', path: '/2015-03-31/event-source-mappings/', headers: { 'content-type': 'application/json' }, body: '{}' };

describe('no credential value ever appears in an Observation', () => {
  it('hides a server that echoes the authorization header and the token in its headers and body', async () => {
    server = await startServer((request, response) =>
      json(
        response,
        403,
        {
          message: `The request signature we calculated does not match. Authorization: ${request.headers['authorization']}`,
          echoedToken: request.headers['x-amz-security-token'],
          hint: `secret was ${CANARY.secretAccessKey}`,
        },
        {
          'x-amzn-errortype': 'InvalidSignatureException',
          'x-echo-token': request.headers['x-amz-security-token'] ?? '',
          'x-echo-authorization': request.headers['authorization'] ?? '',
        },
      ),
    );
    const observation = await targetFor(server.url).send(create);

    // The echo did happen: the canaries reached the server and came back, scrubbed.
    expect(server.received[0]?.headers['x-amz-security-token']).toBe(CANARY.sessionToken);
    expect(observation.response?.status).toBe(403);
    expect(observation.response?.headers['x-echo-token']).toBe(REDACTED);
    expect(observation.response?.body).toContain(`Credential=${REDACTED}/`);
    expect(JSON.parse(observation.response?.body ?? '{}')).toMatchObject({ echoedToken: REDACTED, hint: `secret was ${REDACTED}` });
    expect(observation.request.headers['authorization']).toBe(REDACTED);
    expect(observation.request.headers['x-amz-security-token']).toBe(REDACTED);
    expectNoCanary(observation);
  });

  it('hides a secret a case itself put in the path, a header or the body', async () => {
    server = await startServer((_, response) => json(response, 400, {}));
    const observation = await targetFor(server.url).send({
      method: 'POST',
      path: `/2015-03-31/event-source-mappings/?leak=${CANARY.accessKeyId}`,
      headers: { 'content-type': 'application/json', 'x-custom': CANARY.secretAccessKey },
      body: JSON.stringify({ FunctionName: CANARY.sessionToken }),
    });
    expect(observation.request.url).toContain(`leak=${REDACTED}`);
    expect(observation.request.headers['x-custom']).toBe(REDACTED);
    expectNoCanary(observation);
  });

  it('hides them after throttled retries', async () => {
    server = await startServer((request, response) =>
      json(response, 429, { message: `slow down ${request.headers['authorization']}` }, { 'x-amzn-errortype': 'ThrottlingException' }),
    );
    target = createTransport({
      url: server.url,
      region: 'eu-west-1',
      credentials: canaryProvider,
      retry: { maxAttempts: 3 },
      clock: { now: () => 0, sleep: async () => {} },
    });
    const observation = await target.send(create);
    expect(observation.attempts).toBe(3);
    expectNoCanary(observation);
  });

  it.each<[string, () => Promise<string>]>([
    ['connection refused', async () => `http://127.0.0.1:${await closedPort()}`],
    [
      'connection reset',
      async () => {
        server = await startServer((_, response) => void response.socket?.destroy());
        return server.url;
      },
    ],
    [
      'timeout',
      async () => {
        server = await startServer(() => {});
        return server.url;
      },
    ],
  ])('hides them in a %s observation', async (_, url) => {
    const observation = await targetFor(await url(), 150).send(create);
    expect(observation.transportError).not.toBeNull();
    expect(observation.request.headers['authorization']).toBe(REDACTED);
    expectNoCanary(observation);
  });

  it('scrubs a transport error message that quotes a secret', () => {
    const observation: Observation = {
      request: { method: 'POST', url: 'http://127.0.0.1:1/', headers: {}, body: undefined },
      response: null,
      transportError: { kind: 'other', message: `proxy refused token ${CANARY.sessionToken} for ${CANARY.accessKeyId}` },
      attempts: 1,
      throttledAttempts: 0,
      durationMs: 1,
    };
    const redacted = redactObservation(observation, secretsOf(CANARY));
    expect(redacted.transportError?.message).toBe(`proxy refused token ${REDACTED} for ${REDACTED}`);
    expectNoCanary(redacted);
  });

  it('does not treat dummy credentials as secrets, so answers mentioning "test" stay readable', async () => {
    expect(secretsOf({ accessKeyId: 'test', secretAccessKey: 'test' })).toEqual([]);
    server = await startServer((_, response) => json(response, 202, { FunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:test-fn' }));
    target = createTransport({ url: server.url, region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }) });
    const observation = await target.send(create);
    expect(observation.response?.body).toContain('function:test-fn');
    expect(observation.request.headers['authorization']).toBe(REDACTED);
  });
});
