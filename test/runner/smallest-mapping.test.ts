// The mapping a provider state or the check of the execution role makes is accepted on every
// source of every edition: a FIFO queue, like any queue, takes no StartingPosition.
import { describe, expect, it } from 'vitest';
import { FixtureRun } from '../../src/provisioning/index.ts';
import { startReferenceServer } from '../../reference/server.ts';
import type { SourceFixture } from '../../src/cases/case.ts';
import { deleteMappings, createdMapping } from '../../src/runner/mapping-cleanup.ts';
import { smallestMappingRequest } from '../../src/runner/smallest-mapping.ts';
import { createTransport } from '../../src/transport/index.ts';
import { credentials, REGION } from '../support/reference-observer.ts';

const SOURCES: readonly SourceFixture[] = ['sqs', 'sqsFifo', 'kinesis', 'dynamodb'];

describe('the smallest mapping request', () => {
  it.each(['seed', 'current'] as const)('is accepted on every source the %s edition has', async (edition) => {
    const server = await startReferenceServer({ edition });
    const needs = edition === 'seed' ? SOURCES.filter((source) => source !== 'sqsFifo') : SOURCES;
    const run = new FixtureRun({ endpoint: server.url, region: REGION, credentials, runId: `small${edition}`, needs: ['function', ...needs], pollIntervalMs: 10 });
    const transport = createTransport({ url: server.url, region: REGION, credentials, timeoutMs: 5_000 });
    try {
      const values = await run.provision();
      for (const source of needs) {
        const answer = await transport.send(smallestMappingRequest(values.functionName, source, values.sourceArns[source] ?? ''));
        expect(`${source} ${answer.response?.status ?? 'none'}`).toBe(`${source} 202`);
        expect(await deleteMappings(transport, [createdMapping(answer) ?? ''])).toMatchObject({ problems: [] });
      }
    } finally {
      await transport.close();
      await run.cleanup();
      await server.close();
    }
  });
});
