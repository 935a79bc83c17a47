import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { constants as http2Constants, createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse, type ServerHttp2Session } from 'node:http2';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';

// One port that speaks both HTTP/1.1 and cleartext HTTP/2. It has to: the AWS SDK v3 Kinesis client
// talks HTTP/2 with prior knowledge (it opens with the "PRI * HTTP/2.0" preface even on http://),
// while the Lambda, SQS and DynamoDB clients, curl and undici talk HTTP/1.1. Node's HTTP/2 server
// only falls back to HTTP/1 over TLS, so the listener looks at a connection's first bytes and hands it
// to the server that speaks its protocol.

export type AnyRequest = IncomingMessage | Http2ServerRequest;
export type AnyResponse = ServerResponse | Http2ServerResponse;
export type RequestHandler = (request: AnyRequest, response: AnyResponse) => void;

/**
 * What a connection may hold, so that clients that open connections and then send nothing, send
 * headers a byte at a time, stall a body or vanish without closing cannot keep them for ever.
 */
export interface ConnectionLimits {
  /** A connection with no request in flight must bring a request's complete headers within this long of opening, or of its last answer; else it is closed. */
  readonly headersTimeoutMs: number;
  /** A request's body must keep arriving: a pause this long before its end closes the connection. */
  readonly idleTimeoutMs: number;
  /** Connections beyond this many at once are closed as they arrive. */
  readonly maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { headersTimeoutMs: 10_000, idleTimeoutMs: 10_000, maxConnections: 512 };

export interface DualProtocolListener {
  readonly port: number;
  // Stops accepting and destroys every connection, idle, busy or deliberately left hanging.
  close(): Promise<void>;
}

// No HTTP/1 method begins with these three bytes; every HTTP/2 connection does.
const HTTP2_PREFACE_START = Buffer.from('PRI', 'latin1');

export function listenForHttp1AndHttp2(host: string, port: number, handler: RequestHandler, limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS): Promise<DualProtocolListener> {
  // Node's own header and keep-alive timeouts are checked only by a server that listens itself,
  // which neither of these does: the guards below stand in for them, for both protocols.
  const guards = new Map<string, ConnectionGuard>();
  const guarded: RequestHandler = (request, response) => {
    const guard = guards.get(peerOf(request.socket));
    handler(request, response);
    guard?.watch(request, response);
  };
  const http1 = createHttp1Server(guarded);
  const http2 = createHttp2Server(guarded);
  http2.on('session', (session: ServerHttp2Session) => guards.get(peerOf(session.socket))?.endGracefully(session));
  const sockets = new Set<Socket>();

  const tcp = createTcpServer((socket) => {
    const peer = peerOf(socket);
    sockets.add(socket);
    guards.set(peer, guardConnection(socket, limits));
    socket.on('close', () => {
      sockets.delete(socket);
      guards.delete(peer);
    });
    socket.on('error', () => undefined); // a peer that vanishes mid-handshake is not an error of ours
    handOverByPreface(socket, (isHttp2) => (isHttp2 ? http2 : http1).emit('connection', socket));
  });
  tcp.maxConnections = limits.maxConnections;

  return new Promise((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, host, () => {
      tcp.off('error', reject);
      resolve({
        port: (tcp.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            tcp.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}

// A connection is one peer address and port; HTTP/2's request.socket is a proxy that answers the same.
function peerOf(socket: Pick<Socket, 'remoteAddress' | 'remotePort'>): string {
  return `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`;
}

interface ConnectionGuard {
  /** Told of each request as the server starts on it: the headers deadline stops, the body's idle timer starts. */
  watch(request: AnyRequest, response: AnyResponse): void;
  /** An HTTP/2 connection past its headers deadline is told to go away (GOAWAY) before it is closed, so that a client starting a request at that moment opens a new one instead of failing. */
  endGracefully(session: ServerHttp2Session): void;
}

// How long an HTTP/2 client told to go away has to finish before its connection is closed.
const GOAWAY_GRACE_MS = 1_000;

// While no request is in flight, the next one's headers must come before a deadline; while a body
// arrives, it must not pause for long. A request the server holds (a hang fault) is the server's
// choice and is never cut short.
function guardConnection(socket: Socket, limits: ConnectionLimits): ConnectionGuard {
  const close = (): void => void socket.destroy();
  let expire = close;
  let inFlight = 0;
  let headersDeadline: NodeJS.Timeout | undefined = setTimeout(() => expire(), limits.headersTimeoutMs);
  socket.once('close', () => clearTimeout(headersDeadline));
  return {
    endGracefully: (session) => {
      expire = () => {
        session.close();
        setTimeout(close, GOAWAY_GRACE_MS).unref();
      };
    },
    watch: (request, response) => {
      inFlight += 1;
      clearTimeout(headersDeadline);
      headersDeadline = undefined;
      const idle = setTimeout(close, limits.idleTimeoutMs);
      request.on('data', () => idle.refresh());
      request.once('end', () => clearTimeout(idle));
      let answered = false;
      const ended = (): void => {
        if (answered) return;
        answered = true;
        clearTimeout(idle);
        inFlight -= 1;
        if (inFlight === 0 && !socket.destroyed) headersDeadline = setTimeout(() => expire(), limits.headersTimeoutMs);
      };
      response.once('finish', ended);
      response.once('close', ended);
    },
  };
}

// Reads until the first three bytes are known, puts them back, and lets the chosen server parse from the start.
function handOverByPreface(socket: Socket, handOver: (isHttp2: boolean) => void): void {
  const seen: Buffer[] = [];
  const onData = (chunk: Buffer): void => {
    seen.push(chunk);
    const start = Buffer.concat(seen);
    if (start.length < HTTP2_PREFACE_START.length && HTTP2_PREFACE_START.subarray(0, start.length).equals(start)) return;
    socket.off('data', onData);
    socket.pause();
    socket.unshift(start);
    handOver(start.subarray(0, HTTP2_PREFACE_START.length).equals(HTTP2_PREFACE_START));
    process.nextTick(() => socket.resume());
  };
  socket.on('data', onData);
}

// Drops the connection without an answer: a TCP reset for HTTP/1.1; for HTTP/2, where one connection
// carries many requests, a reset of this request's stream (RST_STREAM), which is what the client sees
// of a reset without failing unrelated requests that share the connection.
export function resetWithoutAnswer(request: AnyRequest): void {
  if ('stream' in request) {
    request.stream.close(http2Constants.NGHTTP2_INTERNAL_ERROR);
  } else {
    request.socket.resetAndDestroy();
  }
}
