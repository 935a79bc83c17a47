// The physical limit of a run's work: the very requests it made, sent again with ideal scheduling
// (a request leaves as soon as one of `concurrency` connections is free, in the order they were
// made, with no waiting on answers, locks or cleanup in between).
import { Pool } from 'undici';
import type { RecordedExchange } from './recording-proxy.ts';

// Hop-by-hop headers belong to the recorded connection, not to the request.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host']);

export async function replay(targetUrl: string, exchanges: readonly RecordedExchange[], concurrency: number): Promise<number> {
  const pool = new Pool(targetUrl, { connections: concurrency });
  const queue = [...exchanges];
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let exchange = queue.shift(); exchange !== undefined; exchange = queue.shift()) {
          const headers = Object.fromEntries(Object.entries(exchange.headers).filter(([name, value]) => !HOP_BY_HOP.has(name) && value !== undefined)) as Record<string, string | string[]>;
          const answer = await pool.request({ method: exchange.method, path: exchange.path, headers, body: exchange.body.length === 0 ? null : exchange.body });
          await answer.body.dump();
        }
      }),
    );
    return performance.now() - started;
  } finally {
    await pool.close();
  }
}
