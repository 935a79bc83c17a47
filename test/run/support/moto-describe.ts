import { afterAll, beforeAll, describe } from 'vitest';
import { motoUnavailable, startMoto, type MotoServer } from '../../support/moto-server.ts';

const unavailable = motoUnavailable();
const inCi = process.env['CI'] === 'true';

/**
 * A describe block with moto's server started for it (the tests get it through `moto()`): skipped,
 * with the reason printed, where moto cannot start, except under CI=true, where that fails it.
 */
export function describeWithMoto(title: string, body: (moto: () => MotoServer) => void): void {
  if (unavailable !== null && !inCi) console.warn(`${title}: skipped: ${unavailable}`);
  describe.skipIf(unavailable !== null && !inCi)(title, () => {
    let server: MotoServer | undefined;
    beforeAll(async () => {
      if (unavailable !== null) throw new Error(`moto is needed under CI=true: ${unavailable}`);
      server = await startMoto();
    }, 40_000);
    afterAll(async () => {
      await server?.close();
    });
    body(() => {
      if (server === undefined) throw new Error('moto has not started');
      return server;
    });
  });
}
