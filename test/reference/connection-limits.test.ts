// The reference server's listener against clients that hold connections open: each kind of
// half-open connection is closed by the limits, here made small so the test is quick.
import { connect as connectHttp2 } from 'node:http2';
import { connect, type Socket } from 'node:net';
import { describe, it, type TestContext } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';

const LIMITS = { headersTimeoutMs: 300, idleTimeoutMs: 300, maxConnections: 3 };
// Far beyond the limits above: a connection still open by then was never going to be closed.
const GIVE_UP_MS = 5_000;

/** A server of the test's own, closed when it ends (by its context's hook: the tests run side by side). */
async function serving({ onTestFinished }: TestContext, options: Parameters<typeof startReferenceServer>[0] = {}): Promise<ReferenceServer> {
  const server = await startReferenceServer({ connectionLimits: LIMITS, ...options });
  onTestFinished(() => server.close());
  return server;
}

/** A connection to `target`, destroyed when the test ends if it is still open. */
async function open(target: ReferenceServer, { onTestFinished }: TestContext): Promise<Socket> {
  const socket = connect(target.port, '127.0.0.1');
  socket.on('error', () => undefined);
  // Registered after the server's close, so run before it (the hooks run last first).
  onTestFinished(() => void socket.destroy());
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

/** Whether the server closed the socket before GIVE_UP_MS, and what it had sent by then. */
function closedByServer(socket: Socket): Promise<{ closed: boolean; received: string }> {
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ closed: false, received }), GIVE_UP_MS);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, received });
    });
  });
}

const REQUEST_HEAD = 'GET /2015-03-31/event-source-mappings/ HTTP/1.1\r\nHost: 127.0.0.1\r\n';

// Each test has a server of its own and only waits for the limits: they run side by side, each with
// the `expect` of its context. What each waits for is a close or its absence, never a duration.
describe.concurrent('the reference server closes connections that hold it', () => {
  it('a connection that sends nothing', async (context) => {
    const { expect } = context;
    const socket = await open(await serving(context), context);
    expect(await closedByServer(socket)).toEqual({ closed: true, received: '' });
  });

  it('headers sent a byte at a time, never complete', async (context) => {
    const { expect } = context;
    const socket = await open(await serving(context), context);
    const closed = closedByServer(socket);
    socket.write(`${REQUEST_HEAD}X-Slow: `);
    const trickle = setInterval(() => socket.write('x'), 50);
    try {
      expect((await closed).closed).toBe(true);
    } finally {
      clearInterval(trickle);
    }
  });

  it('a body that stops arriving', async (context) => {
    const { expect } = context;
    const socket = await open(await serving(context), context);
    const closed = closedByServer(socket);
    socket.write(`POST /2015-03-31/event-source-mappings/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"Func`);
    expect(await closed).toEqual({ closed: true, received: '' });
  });

  it('a keep-alive connection left idle after its answer', async (context) => {
    const { expect } = context;
    const socket = await open(await serving(context), context);
    const closed = closedByServer(socket);
    socket.write(`${REQUEST_HEAD}Connection: keep-alive\r\n\r\n`);
    const { closed: wasClosed, received } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(wasClosed).toBe(true);
  });

  it('an HTTP/2 connection that opens its session and asks nothing: told to go away, then closed', async (context) => {
    const { expect } = context;
    const target = await serving(context);
    const session = connectHttp2(target.url);
    session.on('error', () => undefined);
    const outcome = await new Promise<{ goaway: boolean; closed: boolean }>((resolve) => {
      let goaway = false;
      session.once('goaway', () => (goaway = true));
      const timer = setTimeout(() => resolve({ goaway, closed: false }), GIVE_UP_MS);
      session.once('close', () => {
        clearTimeout(timer);
        resolve({ goaway, closed: true });
      });
    });
    session.destroy();
    expect(outcome).toEqual({ goaway: true, closed: true });
  });

  it('connections beyond the cap are closed as they arrive, and a place freed is taken again', async (context) => {
    const { expect } = context;
    const target = await serving(context, { connectionLimits: { ...LIMITS, headersTimeoutMs: GIVE_UP_MS * 2 } });
    const held = await Promise.all([open(target, context), open(target, context), open(target, context)]);
    const extra = await open(target, context);
    expect(await closedByServer(extra)).toEqual({ closed: true, received: '' });
    held[0]?.destroy();
    await new Promise((resolve) => held[0]?.once('close', resolve));
    const again = await open(target, context);
    again.write(`${REQUEST_HEAD}Connection: close\r\n\r\n`);
    expect((await closedByServer(again)).received).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('still holds a request the server chose to leave hanging, past the headers deadline', async (context) => {
    const { expect } = context;
    const socket = await open(await serving(context, { faults: { hangRate: 1, scope: 'all' } }), context);
    socket.write(`${REQUEST_HEAD}\r\n`);
    const closed = closedByServer(socket);
    await new Promise((resolve) => setTimeout(resolve, LIMITS.headersTimeoutMs * 4));
    expect(socket.destroyed).toBe(false);
    socket.destroy();
    expect((await closed).received).toBe('');
  });
});
