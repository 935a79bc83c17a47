import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, REDACTED, type Transport } from '../../src/transport/index.ts';
import { plainProvider } from './support/credentials.ts';
import { startServer, type TestServer } from './support/http-server.ts';

let server: TestServer;
let target: Transport;
afterEach(async () => {
  await target?.close();
  await server?.close();
});

async function setUp() {
  server = await startServer((_, response) => {
    response.writeHead(400, { 'Content-Type': 'application/json', 'X-Amzn-ErrorType': 'InvalidRequestContentException', 'X-Amzn-RequestId': 'r-1' });
    response.end('{"Type":"User","message":"Could not parse request body into json"}');
  });
  target = createTransport({ url: server.url, region: 'us-east-1', credentials: plainProvider });
}

const path = '/2015-03-31/event-source-mappings/';

describe('what arrives on the wire', () => {
  it('sends a malformed JSON body byte for byte, with the wrong content type the case chose', async () => {
    await setUp();
    const body = '{"FunctionName": "f", "BatchSize": 10,,, "é€😀": ';
    await target.send({ method: 'POST', path, headers: { 'Content-Type': 'text/plain; charset=latin1' }, body });
    const [received] = server.received;
    expect(received?.body.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(received?.headers['content-type']).toBe('text/plain; charset=latin1');
    expect(received?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(received?.rawHeaderNames.filter((name) => name.toLowerCase() === 'content-type')).toHaveLength(1);
  });

  it('adds no content type when the case gives none', async () => {
    await setUp();
    await target.send({ method: 'POST', path, headers: {}, body: '{"FunctionName":"f"}' });
    expect(server.received[0]?.headers['content-type']).toBeUndefined();
    expect(server.received[0]?.body.toString('utf8')).toBe('{"FunctionName":"f"}');
  });

  it('sends an empty body when the case has none, and an empty string as zero bytes', async () => {
    await setUp();
    await target.send({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: undefined });
    await target.send({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: '' });
    expect(server.received.map((request) => request.body.length)).toEqual([0, 0]);
  });

  it('observes status, lower-cased headers and body, and records the request as sent with authorization redacted', async () => {
    await setUp();
    const observation = await target.send({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: '{' });
    expect(observation.response).toEqual({
      status: 400,
      headers: expect.objectContaining({
        'content-type': 'application/json',
        'x-amzn-errortype': 'InvalidRequestContentException',
        'x-amzn-requestid': 'r-1',
      }),
      body: '{"Type":"User","message":"Could not parse request body into json"}',
    });
    expect(observation.transportError).toBeNull();
    expect(observation.attempts).toBe(1);
    expect(observation.throttledAttempts).toBe(0);
    expect(observation.request).toEqual({
      method: 'POST',
      url: `${server.url}${path}`,
      headers: expect.objectContaining({
        'content-type': 'application/json',
        host: new URL(server.url).host,
        authorization: REDACTED,
        'x-amz-date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
        'x-amz-content-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
      body: '{',
    });
    expect(observation.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reuses a kept-alive connection between requests', async () => {
    await setUp();
    for (let i = 0; i < 6; i += 1) {
      await target.send({ method: 'GET', path, headers: {}, body: undefined });
    }
    expect(server.received).toHaveLength(6);
    // undici may open a second connection while the first is still being released, then
    // alternates; without keep-alive there would be six.
    expect(new Set(server.received.map((request) => request.remotePort)).size).toBeLessThanOrEqual(2);
  });
});
