import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureClients } from '../../src/provisioning/aws-clients.ts';
import { FixtureRun } from '../../src/provisioning/index.ts';
import { chooseLeftovers, findTaggedResources, type TaggedResource } from '../../src/provisioning/leftovers.ts';
import { createdAtValue, parseCreatedAt, runTags } from '../../src/provisioning/run-tags.ts';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { credentials, REGION } from '../support/reference-observer.ts';
import { plantQueue } from '../cli/support/leftovers.ts';

describe('the lesm-created-at tag', () => {
  it('is the time in UTC, to the second, in characters every service allows, and reads back', () => {
    const time = new Date('2026-12-06T16:15:07.123Z');
    expect(createdAtValue(time)).toBe('20261206T161507Z');
    expect(parseCreatedAt('20261206T161507Z')?.toISOString()).toBe('2026-12-06T16:15:07.000Z');
  });

  it('reads nothing from a value it did not write', () => {
    for (const value of [undefined, '', '2026-12-06T16:15:07Z', '20261306T161507Z', '20261206T161507']) expect(parseCreatedAt(value)).toBeUndefined();
  });
});

describe('choosing leftovers', () => {
  const now = new Date('2026-12-06T16:00:00Z');
  const queue = (name: string, tags: Record<string, string>): TaggedResource => ({ resource: { kind: 'sqs', name, handle: `http://q/${name}` }, tags });
  const fn = (name: string, tags: Record<string, string>): TaggedResource => ({ resource: { kind: 'function', name, handle: name }, tags });
  const found = [
    fn('lesm-run1-fn2', runTags('run1', new Date('2026-12-06T12:00:00Z'))),
    queue('lesm-run1-queue', runTags('run1', new Date('2026-12-06T12:00:00Z'))),
    queue('lesm-run2-queue', runTags('run2', new Date('2026-12-06T15:30:00Z'))),
    queue('lesm-bare1-queue', {}),
    queue('lesm-run3-queue', runTags('run4')),
    queue('lesm-run5-queue', { 'lesm-run-id': 'run5' }),
    fn('lesm-run1-fn9', runTags('run1')),
  ];

  it('takes a resource only when its name is exactly one its tagged run gives that kind, grouped by run', () => {
    const { byRun, leftAlone } = chooseLeftovers(found, { runId: null, olderThanMs: null, now });
    expect([...byRun.entries()].map(([run, resources]) => [run, resources.map((resource) => resource.name)])).toEqual([
      ['run1', ['lesm-run1-fn2', 'lesm-run1-queue']],
      ['run2', ['lesm-run2-queue']],
      ['run5', ['lesm-run5-queue']],
    ]);
    expect(leftAlone).toEqual([
      { label: 'SQS queue lesm-bare1-queue', reason: 'it has no lesm-run-id tag, so nothing says this tool made it' },
      { label: 'SQS queue lesm-run3-queue', reason: 'its lesm-run-id tag says run "run4", whose resources are not named so' },
      { label: 'Lambda function lesm-run1-fn9', reason: 'its lesm-run-id tag says run "run1", whose resources are not named so' },
    ]);
  });

  it('with a run id, leaves every other run alone', () => {
    const { byRun, leftAlone } = chooseLeftovers(found, { runId: 'run2', olderThanMs: null, now });
    expect([...byRun.keys()]).toEqual(['run2']);
    expect(leftAlone).toContainEqual({ label: 'SQS queue lesm-run1-queue', reason: 'it is of run run1, not of run run2 (--run-id)' });
  });

  it('with an age, leaves younger resources, and those whose age it cannot read', () => {
    const { byRun, leftAlone } = chooseLeftovers(found, { runId: null, olderThanMs: 2 * 3_600_000, now });
    expect([...byRun.keys()]).toEqual(['run1']);
    expect(leftAlone).toContainEqual({ label: 'SQS queue lesm-run2-queue', reason: 'it was created at 2026-12-06T15:30:00.000Z, less than --older-than ago' });
    expect(leftAlone).toContainEqual({ label: 'SQS queue lesm-run5-queue', reason: 'it has no readable lesm-created-at tag, so its age is unknown (--older-than)' });
  });
});

describe('what a run creates, as a sweep finds it', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('carries the run id and its creation time on all five kinds, and only lesm-* names are read', async () => {
    const before = new Date(Math.floor(Date.now() / 1000) * 1000);
    const run = new FixtureRun({ endpoint: server.url, region: REGION, credentials, runId: 'tags1', needs: ['function', 'sqs', 'sqsShortVisibility', 'kinesis', 'dynamodb'], functions: 2, pollIntervalMs: 10 });
    await run.provision();
    const after = new Date();
    await plantQueue(server.url, 'not-ours-queue', 'tags1');
    const clients = fixtureClients({ endpoint: server.url, region: REGION, credentials, requestTimeoutMs: 5_000, maxAttempts: 1 });
    try {
      const { found, problems } = await findTaggedResources(clients, () => []);
      expect(problems).toEqual([]);
      expect(found.map(({ resource }) => `${resource.kind} ${resource.name}`).sort()).toEqual([
        'dynamodb lesm-tags1-table',
        'function lesm-tags1-fn',
        'function lesm-tags1-fn2',
        'kinesis lesm-tags1-stream',
        'role lesm-tags1-role',
        'sqs lesm-tags1-queue',
        'sqsShortVisibility lesm-tags1-short-queue',
      ]);
      for (const { resource, tags } of found) {
        expect(tags['lesm-run-id'], resource.name).toBe('tags1');
        const createdAt = parseCreatedAt(tags['lesm-created-at']);
        expect(createdAt?.getTime(), resource.name).toBeGreaterThanOrEqual(before.getTime());
        expect(createdAt?.getTime(), resource.name).toBeLessThanOrEqual(after.getTime());
      }
    } finally {
      clients.destroy();
      await run.cleanup();
    }
  });
});
