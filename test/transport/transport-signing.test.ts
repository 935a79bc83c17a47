import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, type AwsCredentialIdentity, type Transport } from '../../src/transport/index.ts';
import { CANARY, canaryProvider, plainProvider } from './support/credentials.ts';
import { json, startServer, type TestServer } from './support/http-server.ts';
import { parseAuthorization, verifySignature } from './support/sigv4-verifier.ts';

let server: TestServer;
let target: Transport;
afterEach(async () => {
  await target?.close();
  await server?.close();
});

const port = (url: string) => Number(new URL(url).port);

async function setUp(credentials: AwsCredentialIdentity, options: { service?: string } = {}) {
  server = await startServer((_, response) => json(response, 202, { UUID: 'u' }));
  target = createTransport({ url: server.url, region: 'eu-west-1', credentials: async () => credentials, ...options });
}

describe('SigV4 signing', () => {
  it('signs with the region and the lambda service, and the server can re-derive the signature', async () => {
    const credentials = await plainProvider();
    await setUp(credentials);
    const body = '{"FunctionName":"my-function","EventSourceArn":"arn:aws:sqs:eu-west-1:123456789012:q"}';
    const observation = await target.send({
      method: 'POST',
      path: '/2015-03-31/event-source-mappings/',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(observation.response?.status).toBe(202);

    const [received] = server.received;
    const auth = parseAuthorization(received?.headers['authorization']);
    expect(auth).toMatchObject({ accessKeyId: 'AKIDEXAMPLEPLAIN', region: 'eu-west-1', service: 'lambda' });
    expect(auth?.date).toBe(received?.headers['x-amz-date']?.slice(0, 8));
    expect(auth?.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-content-sha256', 'content-type']));
    expect(received?.headers['x-amz-security-token']).toBeUndefined();
    await expect(verifySignature(received!, port(server.url), credentials)).resolves.toEqual({ valid: true, reason: 'signature matches' });
  });

  it('is caught by the verifier when the secret differs (the check can fail)', async () => {
    const credentials = await plainProvider();
    await setUp(credentials);
    await target.send({ method: 'POST', path: '/2015-03-31/event-source-mappings/', headers: {}, body: '{}' });
    const verdict = await verifySignature(server.received[0]!, port(server.url), { ...credentials, secretAccessKey: 'another-secret' });
    expect(verdict.valid).toBe(false);
  });

  it('sends and signs x-amz-security-token when the credentials carry a session token', async () => {
    await setUp(await canaryProvider());
    await target.send({ method: 'POST', path: '/2015-03-31/event-source-mappings/', headers: { 'content-type': 'application/json' }, body: '{}' });
    const [received] = server.received;
    expect(received?.headers['x-amz-security-token']).toBe(CANARY.sessionToken);
    expect(parseAuthorization(received?.headers['authorization'])?.signedHeaders).toContain('x-amz-security-token');
    await expect(verifySignature(received!, port(server.url), CANARY)).resolves.toMatchObject({ valid: true });
  });

  it('signs a query string, an absent body and a configurable service name', async () => {
    const credentials = await plainProvider();
    await setUp(credentials, { service: 'lambda-preview' });
    await target.send({
      method: 'GET',
      path: '/2015-03-31/event-source-mappings/?FunctionName=my-function&Marker=a%2Fb&MaxItems=5',
      headers: {},
      body: undefined,
    });
    const [received] = server.received;
    expect(received?.url).toBe('/2015-03-31/event-source-mappings/?FunctionName=my-function&Marker=a%2Fb&MaxItems=5');
    expect(parseAuthorization(received?.headers['authorization'])?.service).toBe('lambda-preview');
    await expect(verifySignature(received!, port(server.url), credentials)).resolves.toMatchObject({ valid: true });
  });

  it('resolves the credentials for every request, so rotated credentials are picked up', async () => {
    server = await startServer((_, response) => json(response, 200, {}));
    let generation = 0;
    target = createTransport({
      url: server.url,
      region: 'us-east-1',
      credentials: async () => ({ accessKeyId: `AKIAGENERATION${++generation}`, secretAccessKey: 'rotating-secret' }),
    });
    await target.send({ method: 'GET', path: '/a', headers: {}, body: undefined });
    await target.send({ method: 'GET', path: '/b', headers: {}, body: undefined });
    expect(server.received.map((request) => parseAuthorization(request.headers['authorization'])?.accessKeyId)).toEqual([
      'AKIAGENERATION1',
      'AKIAGENERATION2',
    ]);
  });

  it('fails loudly, not as an observation, when no credentials can be resolved', async () => {
    server = await startServer((_, response) => json(response, 200, {}));
    target = createTransport({
      url: server.url,
      region: 'us-east-1',
      credentials: async () => {
        throw new Error('Could not load credentials from any providers');
      },
    });
    await expect(target.send({ method: 'GET', path: '/', headers: {}, body: undefined })).rejects.toThrow(
      /Could not resolve AWS credentials to sign requests: Could not load credentials/,
    );
    expect(server.received).toHaveLength(0);
  });
});
