import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateEventSourceMappingCommand, DeleteEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureRun } from '../../src/provisioning/index.ts';
import { startReferenceServer } from '../../reference/server.ts';
import { commandInProcess, type InProcessRun } from '../run/support/cli-run.ts';
import { remainingFixtures, remainingMappings } from '../run/support/reference-state.ts';
import { startInterceptingProxy } from '../support/intercepting-proxy.ts';
import { credentials, observe, REGION } from '../support/reference-observer.ts';
import { hoursAgo, plantQueue, plantRole, queueExists, runKilledMidway } from './support/leftovers.ts';

// A run killed with SIGKILL runs no handler and leaves its resources; `cleanup` finds them by name
// and tag. The target is a `serve` process, whose state outlives the killed run.
const BIN = fileURLToPath(new URL('../../bin/lambda-esm-conformance.js', import.meta.url));
let serve: ChildProcess;
let url: string;

beforeAll(async () => {
  // Latency keeps the run going long enough to be killed with mappings in flight.
  serve = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet', '--fault', 'latency=20'], { stdio: ['ignore', 'pipe', 'ignore'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    serve.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    serve.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}, 20_000);
afterAll(() => {
  serve.kill('SIGKILL');
});

function cleanup(...argv: string[]): Promise<InProcessRun> {
  return commandInProcess(['cleanup', '--target', url, ...argv], mkdtempSync(path.join(tmpdir(), 'lesm-cleanup-')));
}

describe('cleanup after a run killed with SIGKILL', () => {
  it('deletes everything of the run, mappings first, and leaves look-alikes; --dry-run deletes nothing; --older-than leaves younger ones', async () => {
    const { run, runId } = await runKilledMidway(url);
    expect(run.code).toBeNull();
    const left = await remainingFixtures(url, runId);
    expect(left).toEqual(expect.arrayContaining(['function', 'function 2', 'role', 'queue', 'stream', 'table']));

    // A mapping a case had in flight when the run was killed.
    const observer = observe(url);
    const { QueueUrl } = await observer.sqs.send(new GetQueueUrlCommand({ QueueName: `lesm-${runId}-queue` }));
    const { Attributes } = await observer.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    const { UUID: inFlight = '' } = await observer.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: `lesm-${runId}-fn2`, EventSourceArn: Attributes?.['QueueArn'] }));

    await plantQueue(url, 'lesm-looka1-queue', null);
    await plantRole(url, 'lesm-other1-role', 'other1', hoursAgo(3));
    await plantQueue(url, 'lesm-old1-queue', 'old1', hoursAgo(3));
    await plantQueue(url, 'lesm-young1-queue', 'young1');
    // A tag naming a run whose resources are not named so: the name says another run.
    await plantQueue(url, 'lesm-named1-queue', 'tagged1');
    const mappingsBefore = await remainingMappings(url);

    const dry = await cleanup('--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`would delete Lambda function lesm-${runId}-fn\n`);
    expect(dry.stdout).toContain(`would delete event source mappings of Lambda function lesm-${runId}-fn2\n`);
    expect(dry.stdout).toContain('would delete SQS queue lesm-young1-queue\n');
    expect(await remainingFixtures(url, runId)).toEqual(left);
    expect(await remainingMappings(url)).toEqual(mappingsBefore);

    const swept = await cleanup('--run-id', runId);
    expect(swept.stderr).toContain(`deleting what run ${runId} left on ${url}`);
    expect(swept.code).toBe(0);
    expect(await remainingFixtures(url, runId)).toEqual([]);
    expect(await remainingMappings(url)).toEqual([]);
    // The report lists the mappings first, as they were deleted: before the function they map.
    expect(swept.stdout.indexOf(`deleted event source mapping ${inFlight}\n`)).toBeGreaterThan(-1);
    expect(swept.stdout.indexOf(`deleted event source mapping ${inFlight}\n`)).toBeLessThan(swept.stdout.indexOf(`deleted Lambda function lesm-${runId}-fn2\n`));
    for (const name of [`lesm-${runId}-fn`, `lesm-${runId}-fn2`, `lesm-${runId}-role`, `lesm-${runId}-queue`, `lesm-${runId}-stream`, `lesm-${runId}-table`]) {
      expect(swept.stdout).toMatch(new RegExp(`^deleted \\S+( \\S+)? ${name}$`, 'm'));
    }
    expect(swept.stdout).toContain('left SQS queue lesm-looka1-queue: it has no lesm-run-id tag, so nothing says this tool made it\n');
    expect(swept.stdout).toContain(`left IAM role lesm-other1-role: it is of run other1, not of run ${runId} (--run-id)\n`);
    expect(swept.stdout).toContain('left SQS queue lesm-named1-queue: its lesm-run-id tag says run "tagged1", whose resources are not named so\n');
    for (const name of ['lesm-looka1-queue', 'lesm-old1-queue', 'lesm-young1-queue', 'lesm-named1-queue']) expect(await queueExists(url, name)).toBe(true);
    expect(await observer.roleExists('lesm-other1-role')).toBe(true);
    observer.destroy();

    const older = await cleanup('--older-than', '2h');
    expect(older.code).toBe(0);
    expect(older.stdout).toContain('deleted SQS queue lesm-old1-queue\n');
    expect(older.stdout).toContain('deleted IAM role lesm-other1-role\n');
    expect(older.stdout).toMatch(/^left SQS queue lesm-young1-queue: it was created at \S+, less than --older-than ago$/m);
    expect(await queueExists(url, 'lesm-old1-queue')).toBe(false);
    expect(await queueExists(url, 'lesm-young1-queue')).toBe(true);
    expect(await queueExists(url, 'lesm-looka1-queue')).toBe(true);
    expect(older.stdout).toMatch(/^deleted 2, left 3 alone, 0 could not be deleted or listed$/m);
  }, 90_000);
});

describe('cleanup', () => {
  it('exits 1, saying what it could not delete, when a deletion fails', async () => {
    await plantQueue(url, 'lesm-stuck1-queue', 'stuck1');
    const proxy = await startInterceptingProxy(url, { DeleteQueue: { kind: 'error', message: 'no deleting today' } });
    try {
      const run = await commandInProcess(['cleanup', '--target', proxy.url, '--run-id', 'stuck1', '--timeout', '200'], tmpdir());
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^not deleted SQS queue lesm-stuck1-queue: InternalFailure.*no deleting today/m);
      expect(await queueExists(url, 'lesm-stuck1-queue')).toBe(true);
    } finally {
      await proxy.close();
    }
  }, 30_000);

  it.each([
    [['--older-than', '2 weeks'], '--older-than "2 weeks" is not a duration: give a whole number and s, m, h or d, such as 90m or 2h.'],
    [['--run-id', 'Not-An-Id'], '--run-id: Invalid run id "Not-An-Id"'],
    [['--allow-account', 'sandbox'], 'lists "sandbox", not an AWS account id'],
  ])('refuses %j with exit 2 and a sentence', async (argv, sentence) => {
    const run = await cleanup(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(sentence);
  });

  it('refuses a target that cannot be reached with exit 2 and one sentence, listing nothing', async () => {
    const run = await commandInProcess(['cleanup', '--target', 'http://127.0.0.1:1'], tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Nothing was deleted: the target http:\/\/127\.0\.0\.1:1 cannot be reached \(.+\): start the emulator or correct --target;/);
    expect(run.stdout).toBe('');
  });

  it('refuses to start without a target', async () => {
    const run = await commandInProcess(['cleanup'], tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cleanup needs --target URL');
  });

  it("deletes a mapping AWS still reports Creating (ResourceInUseException) by trying again, then the run's function", async () => {
    const server = await startReferenceServer({ awsTiming: { creatingMs: 1_500, deletingMs: 200, roleAssumableAfterMs: 0, policyPropagationMs: 0, functionPendingMs: 0 } });
    const observer = observe(server.url);
    try {
      const run = new FixtureRun({ endpoint: server.url, region: REGION, credentials, runId: 'busy1', needs: ['function', 'sqs'], pollIntervalMs: 10 });
      const values = await run.provision();
      const { UUID = '' } = await observer.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: values.functionName, EventSourceArn: values.sourceArns.sqs }));
      const refused = await observer.lambda.send(new DeleteEventSourceMappingCommand({ UUID })).catch((error: unknown) => error);
      expect(refused).toMatchObject({ name: 'ResourceInUseException' });

      const swept = await commandInProcess(['cleanup', '--target', server.url, '--run-id', 'busy1'], tmpdir());
      expect(swept.stdout).not.toContain('not deleted');
      expect(swept.code).toBe(0);
      expect(swept.stdout).toContain(`deleted event source mapping ${UUID}\n`);
      expect(swept.stdout).toContain('deleted Lambda function lesm-busy1-fn\n');
      expect(await observer.functionExists('lesm-busy1-fn')).toBe(false);
    } finally {
      observer.destroy();
      await server.close();
    }
  }, 30_000);

  it('finds nothing, and exits 0, on a target holding nothing of the tool', async () => {
    const server = await startReferenceServer();
    try {
      const run = await commandInProcess(['cleanup', '--target', server.url], tmpdir());
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('deleted 0, left 0 alone, 0 could not be deleted or listed\n');
    } finally {
      await server.close();
    }
  });
});
