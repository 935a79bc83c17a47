import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from '../../src/transport/index.ts';
import { plainProvider } from './support/credentials.ts';
import { closedPort, json, startServer, type TestServer } from './support/http-server.ts';

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
    server = await startServer(() => {
      /* never answer */
    });
    const observation = await targetFor(server.url, 200).send(create);
    expect(observation.response).toBeNull();
    expect(observation.transportError).toEqual({ kind: 'timeout', message: 'no complete answer within 200 ms' });
    expect(observation.attempts).toBe(1);
    expect(observation.durationMs).toBeGreaterThanOrEqual(190);
    expect(observation.durationMs).toBeLessThan(2_000);
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
    ['not a url', /Invalid target URL "not a url"/],
    ['ftp://127.0.0.1', /only http: and https:/],
    ['http://127.0.0.1:4566/prefix', /origin only/],
    ['http://127.0.0.1:4566/?x=1', /origin only/],
    ['http://user:pw@127.0.0.1:4566', /user name or password/],
  ])('createTransport(%s)', (url, message) => {
    expect(() => createTransport({ url, region: 'us-east-1', credentials: plainProvider })).toThrow(message);
  });

  it('accepts an origin with or without a trailing slash, and exposes it as url', () => {
    target = createTransport({ url: 'http://127.0.0.1:4566/', region: 'us-east-1', credentials: plainProvider });
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
