import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { constants as http2Constants, createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';

// One port that speaks both HTTP/1.1 and cleartext HTTP/2. It has to: the AWS SDK v3 Kinesis client
// talks HTTP/2 with prior knowledge (it opens with the "PRI * HTTP/2.0" preface even on http://),
// while the Lambda, SQS and DynamoDB clients, curl and undici talk HTTP/1.1. Node's HTTP/2 server
// only falls back to HTTP/1 over TLS, so the listener looks at a connection's first bytes and hands it
// to the server that speaks its protocol.

export type AnyRequest = IncomingMessage | Http2ServerRequest;
export type AnyResponse = ServerResponse | Http2ServerResponse;
export type RequestHandler = (request: AnyRequest, response: AnyResponse) => void;

export interface DualProtocolListener {
  readonly port: number;
  // Stops accepting and destroys every connection, idle, busy or deliberately left hanging.
  close(): Promise<void>;
}

// No HTTP/1 method begins with these three bytes; every HTTP/2 connection does.
const HTTP2_PREFACE_START = Buffer.from('PRI', 'latin1');

export function listenForHttp1AndHttp2(host: string, port: number, handler: RequestHandler): Promise<DualProtocolListener> {
  const http1 = createHttp1Server(handler);
  const http2 = createHttp2Server(handler);
  const sockets = new Set<Socket>();

  const tcp = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // a peer that vanishes mid-handshake is not an error of ours
    handOverByPreface(socket, (isHttp2) => (isHttp2 ? http2 : http1).emit('connection', socket));
  });

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
