import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { expect, it } from 'vitest';
import { commandInProcess } from '../run/support/cli-run.ts';
import { describeWithMoto } from '../run/support/moto-describe.ts';
import { plantQueue, runKilledMidway } from './support/leftovers.ts';

// The same sweep against moto's server. moto drops CreateStream's Tags but keeps AddTagsToStream's,
// which the run sends as well: everything of the killed run goes, and only the look-alike stays.
describeWithMoto('cleanup on moto after a run killed with SIGKILL', (moto) => {
  it("deletes the run's mappings, functions, queue, table and role, stream, table and role, and leaves a look-alike", async () => {
    const { url } = moto();
    const { runId } = await runKilledMidway(url);
    const ofRun = (names: readonly string[]): string[] => names.filter((name) => name.includes(`lesm-${runId}-`)).sort();
    const before = await moto().everything();
    expect(ofRun(before['functions'] ?? [])).toEqual([`lesm-${runId}-fn`, `lesm-${runId}-fn2`]);
    // A case's mapping in flight, named by the function's name as cases name it (moto lists it only under that spelling).
    const config = { endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const sqs = new SQSClient(config);
    const lambda = new LambdaClient(config);
    try {
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `lesm-${runId}-queue` }));
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
      await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: `lesm-${runId}-fn`, EventSourceArn: Attributes?.['QueueArn'] }));
    } finally {
      sqs.destroy();
      lambda.destroy();
    }
    expect((await moto().everything())['mappings']?.length).toBeGreaterThan(0);
    await plantQueue(url, 'lesm-looka2-queue', null);

    const swept = await commandInProcess(['cleanup', '--target', url, '--run-id', runId], mkdtempSync(path.join(tmpdir(), 'lesm-cleanup-')));
    expect(swept.code).toBe(0);
    expect(swept.stdout).toContain(`deleted Kinesis stream lesm-${runId}-stream\n`);
    expect(swept.stdout).toContain('left SQS queue lesm-looka2-queue: it has no lesm-run-id tag');
    const after = await moto().everything();
    expect({
      functions: ofRun(after['functions'] ?? []),
      roles: ofRun(after['roles'] ?? []),
      queues: (after['queues'] ?? []).filter((queue) => queue.includes('lesm-')).map((queue) => queue.split('/').at(-1)),
      streams: ofRun(after['streams'] ?? []),
      tables: ofRun(after['tables'] ?? []),
      mappings: after['mappings'],
    }).toEqual({ functions: [], roles: [], queues: ['lesm-looka2-queue'], streams: [], tables: [], mappings: [] });
  }, 120_000);
});
