// A proxy that records every request a run makes, as sent, with when it arrived and how many were
// in flight at once, and forwards it unchanged: the run's own traffic, for the replay to repeat.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedExchange {
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** performance.now() when the request arrived. */
  readonly arrivedAt: number;
}

export interface RecordingProxy {
  readonly url: string;
  readonly exchanges: readonly RecordedExchange[];
  /** The most requests in flight at once. */
  peakInFlight(): number;
  close(): Promise<void>;
}

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const exchanges: RecordedExchange[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = createServer((incoming, outgoing) => {
    const arrivedAt = performance.now();
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      exchanges.push({ method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: incoming.headers, body, arrivedAt });
      const forwarded = httpRequest(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(body);
    });
    outgoing.on('close', () => (inFlight -= 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    peakInFlight: () => peak,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
