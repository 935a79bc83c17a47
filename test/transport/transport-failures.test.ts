import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, parseTargetUrl, TargetUrlError, type Transport } from '../../src/transport/index.ts';
import { plainProvider } from './support/credentials.ts';
import { closedPort, json, startServer, type TestServer } from './support/http-server.ts';
import { boundMs } from '../support/time-bounds.ts';

let server: TestServer | undefined;
let target: Transport | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await target?.close();
  await server?.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
  server = undefined;
  target = undefined;
});

const create = { method: 'POST', path: '/2015-03-31/event-source-mappings/', headers: { 'content-type': 'application/json' }, body: '{}' };

function targetFor(url: string, timeoutMs = 10_000): Transport {
  target = createTransport({ url, region: 'us-east-1', credentials: plainProvider, timeoutMs });
  return target;
}

/** A TCP server that speaks whatever the test wants, or nothing at all. */
async function rawServer(onConnection: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const tcp: Server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        tcp.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(tcp.address() as AddressInfo).port}`;
}

describe('what the server does never makes send() throw', () => {
  it('a server that never answers is a timeout, after about timeoutMs', async () => {
    // The baseline: the same send to a server that answers at once, right before, under the same load.
    const answering = await startServer((_request, response) => json(response, 200, {}));
    const honest = createTransport({ url: answering.url, region: 'us-east-1', credentials: plainProvider, timeoutMs: 10_000 });
    cleanups.push(() => honest.close(), () => answering.close());
    const baselineMs = (await honest.send(create)).durationMs;
    server = await startServer(() => {
      /* never answer */
    });
    const observation = await targetFor(server.url, 200).send(create);
    expect(observation.response).toBeNull();
    expect(observation.transportError).toEqual({ kind: 'timeout', message: 'no complete answer within 200 ms' });
    expect(observation.attempts).toBe(1);
    expect(observation.durationMs).toBeGreaterThanOrEqual(190);
    // About timeoutMs: at most twice it, beyond what an answered send takes here now.
    expect(observation.durationMs, `an answered send took ${Math.round(baselineMs)} ms`).toBeLessThan(boundMs(2 * 200, baselineMs));
    expect(server.received).toHaveLength(1);
  });

  it('headers followed by a body that never ends is a timeout too', async () => {
    server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"UUID":');
    });
    const observation = await targetFor(server.url, 200).send(create);
    expect(observation.response).toBeNull();
    expect(observation.transportError?.kind).toBe('timeout');
  });

  it('a TCP peer that accepts and stays silent is a timeout', async () => {
    const url = await rawServer(() => {});
    const observation = await targetFor(url, 200).send(create);
    expect(observation.transportError?.kind).toBe('timeout');
  });

  it('a closed port is connection-refused', async () => {
    const port = await closedPort();
    const observation = await targetFor(`http://127.0.0.1:${port}`).send(create);
    expect(observation.response).toBeNull();
    expect(observation.transportError?.kind).toBe('connection-refused');
    expect(observation.transportError?.message).toMatch(/ECONNREFUSED/);
    expect(observation.attempts).toBe(1);
    expect(observation.request.url).toBe(`http://127.0.0.1:${port}/2015-03-31/event-source-mappings/`);
  });

  it('a socket destroyed before any answer is connection-reset, and is not retried', async () => {
    server = await startServer((_, response) => {
      response.socket?.destroy();
    });
    const observation = await targetFor(server.url).send(create);
    expect(observation.response).toBeNull();
    expect(observation.transportError?.kind).toBe('connection-reset');
    expect(observation.attempts).toBe(1);
    expect(server.received).toHaveLength(1);
  });

  it('a socket destroyed halfway through the body is connection-reset', async () => {
    server = await startServer((_, response) => {
      response.writeHead(202, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"UUID":"12', () => response.socket?.destroy());
    });
    const observation = await targetFor(server.url).send(create);
    expect(observation.response).toBeNull();
    expect(observation.transportError?.kind).toBe('connection-reset');
  });

  it('a binary, non-JSON body is observed as it is', async () => {
    server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x22]));
    });
    const observation = await targetFor(server.url).send(create);
    expect(observation.transportError).toBeNull();
    expect(observation.response?.status).toBe(200);
    expect(observation.response?.body).toBe('{\u0000\uFFFD\uFFFD"');
  });

  it('an answer that is not HTTP at all is a transport error of kind other', async () => {
    const url = await rawServer((socket) => {
      socket.once('data', () => socket.end('garbage that is not HTTP\r\n\r\n'));
    });
    const observation = await targetFor(url).send(create);
    expect(observation.response).toBeNull();
    expect(observation.transportError?.kind).toBe('other');
    expect(observation.transportError?.message).not.toBe('');
  });

  it.each([500, 502, 503])('a %i is observed once, never retried', async (status) => {
    server = await startServer((_, response) => json(response, status, { message: 'internal' }, { 'x-amzn-errortype': 'ServiceException' }));
    const observation = await targetFor(server.url).send(create);
    expect(observation.response?.status).toBe(status);
    expect(observation.attempts).toBe(1);
    expect(observation.throttledAttempts).toBe(0);
    expect(server.received).toHaveLength(1);
  });
});

describe('programmer errors do throw, clearly', () => {
  it.each([
    ['not a url', 'the target "not a url" is not a URL: give an origin such as http://127.0.0.1:4566 or https://lambda.eu-west-1.amazonaws.com.'],
    ['ftp://127.0.0.1', 'the target "ftp://127.0.0.1" must be an http:// or https:// URL, such as http://127.0.0.1:4566 or https://lambda.eu-west-1.amazonaws.com.'],
    ['http://127.0.0.1:4566/prefix', 'the target "http://127.0.0.1:4566/prefix" has the path "/prefix", but a target is an origin only (scheme, host and port): give http://127.0.0.1:4566.'],
    ['http://127.0.0.1:4566/?x=1', 'the target "http://127.0.0.1:4566/?x=1" has the query "?x=1", but a target is an origin only (scheme, host and port): give http://127.0.0.1:4566.'],
    // A bare "?" or "#" leaves URL's search and hash empty, and is refused all the same.
    ['http://127.0.0.1:4566?', 'the target "http://127.0.0.1:4566?" has the query "?", but a target is an origin only (scheme, host and port): give http://127.0.0.1:4566.'],
    ['http://127.0.0.1:9/#frag', 'the target "http://127.0.0.1:9/#frag" has the fragment "#frag", but a target is an origin only (scheme, host and port): give http://127.0.0.1:9.'],
    ['http://127.0.0.1:9#', 'the target "http://127.0.0.1:9#" has the fragment "#", but a target is an origin only (scheme, host and port): give http://127.0.0.1:9.'],
    [
      'http://user:pw@127.0.0.1:4566',
      'the target "http://***@127.0.0.1:4566/" must not carry a user name or password, since requests are signed with AWS credentials (--profile, AWS_PROFILE or AWS_ACCESS_KEY_ID): give http://127.0.0.1:4566.',
    ],
  ])('createTransport(%s) throws a TargetUrlError saying how to fix it', (url, message) => {
    const create = () => createTransport({ url, region: 'us-east-1', credentials: plainProvider });
    expect(create).toThrow(TargetUrlError);
    expect(create).toThrow(message);
  });

  it.each([
    // Every other refusal is checked after this one, so none of them can echo the password either.
    ['with a user name', 'http://admin:s3cr3t-pw@127.0.0.1:4566/prefix?x#y'],
    ['without a user name', 'http://:s3cr3t-pw@127.0.0.1:4566'],
    ['without the slashes', 'http:admin:s3cr3t-pw@127.0.0.1:4566'],
    ['of a scheme that is refused too', 'ftp://admin:s3cr3t-pw@127.0.0.1'],
    ['of text that is not even a URL', 'http://admin:s3cr3t-pw@127.0.0.1:notaport'],
    ['holding an @', 'http://admin:s3cr3t@pw@127.0.0.1:4566'],
  ])('never echoes a password %s', (_, url) => {
    let message = '';
    try {
      parseTargetUrl(url);
    } catch (error) {
      message = error instanceof TargetUrlError ? error.message : 'not a TargetUrlError';
    }
    expect(message).toMatch(/^the target "[a-z]+:\/\/\*\*\*@/);
    expect(message).not.toContain('s3cr3t');
    expect(message).not.toContain('admin');
  });

  it.each(['http://127.0.0.1:4566', 'http://127.0.0.1:4566/', 'HTTP://127.0.0.1:4566//'])('accepts the origin %s and exposes it normalised as url', (url) => {
    target = createTransport({ url, region: 'us-east-1', credentials: plainProvider });
    expect(target.url).toBe('http://127.0.0.1:4566');
  });

  it('rejects bad options', () => {
    const base = { url: 'http://127.0.0.1:1', credentials: plainProvider };
    expect(() => createTransport({ ...base, region: '' })).toThrow(/region/);
    expect(() => createTransport({ ...base, region: 'us-east-1', concurrency: 0 })).toThrow(/concurrency/);
    expect(() => createTransport({ ...base, region: 'us-east-1', timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createTransport({ ...base, region: 'us-east-1', retry: { maxAttempts: 0 } })).toThrow(/maxAttempts/);
  });

  it('rejects a request whose path does not start with /', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    await expect(targetFor(url).send({ ...create, path: 'relative' })).rejects.toThrow(/must start with "\/"/);
  });
});

describe('close()', () => {
  it('turns requests in flight into observations, refuses new ones, and can be called twice', async () => {
    server = await startServer(() => {
      /* never answer */
    });
    const closing = targetFor(server.url);
    const inFlight = closing.send(create);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closing.close();
    const observation = await inFlight;
    expect(observation.response).toBeNull();
    expect(observation.transportError).not.toBeNull();
    await expect(closing.send(create)).rejects.toThrow(/closed/);
    await expect(closing.close()).resolves.toBeUndefined();
  });
});
