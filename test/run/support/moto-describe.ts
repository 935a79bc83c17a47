import { afterAll, beforeAll, describe } from 'vitest';
import { motoUnavailable, startMoto, type MotoServer } from '../../support/moto-server.ts';
import { requirePart, skippedWithout, type OutsidePart } from '../../support/outside-part.ts';

const MOTO: OutsidePart = { what: "moto's server", missing: motoUnavailable(), enable: "pip install 'moto[server]==5.2.1'" };

/**
 * A describe block with moto's server started for it (the tests get it through `moto()`): skipped,
 * said on one line, where moto cannot start, except under CI=true, where that fails it.
 */
export function describeWithMoto(title: string, body: (moto: () => MotoServer) => void): void {
  describe.skipIf(skippedWithout(`"${title}"`, MOTO))(title, () => {
    let server: MotoServer | undefined;
    beforeAll(async () => {
      requirePart(MOTO);
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
