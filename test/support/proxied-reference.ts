// The reference server behind an intercepting proxy, for the tests of one file: a target that
// misbehaves as the rules say, started before the file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { startInterceptingProxy, type InterceptingProxy, type Interference } from './intercepting-proxy.ts';

export interface ProxiedReference {
  readonly server: ReferenceServer;
  readonly proxy: InterceptingProxy;
}

/** Read `server` and `proxy` in the tests, once they run; the rules are read on every request. */
export function proxiedReferenceServer(rules: Record<string, Interference>): ProxiedReference {
  let started: ProxiedReference | undefined;
  beforeAll(async () => {
    const server = await startReferenceServer();
    started = { server, proxy: await startInterceptingProxy(server.url, rules) };
  }, 30_000);
  afterAll(async () => {
    await started?.proxy.close();
    await started?.server.close();
  });
  const running = (): ProxiedReference => {
    if (started === undefined) throw new Error('the proxied reference server has not started: read it inside a test');
    return started;
  };
  return {
    get server() {
      return running().server;
    },
    get proxy() {
      return running().proxy;
    },
  };
}
