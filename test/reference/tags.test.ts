import { CreateTableCommand, ListTablesCommand, ListTagsOfResourceCommand, TagResourceCommand as TagTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, IAMClient, ListRolesCommand, ListRoleTagsCommand } from '@aws-sdk/client-iam';
import { AddTagsToStreamCommand, CreateStreamCommand, ListStreamsCommand, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import { CreateFunctionCommand, GetFunctionCommand, ListFunctionsCommand, ListTagsCommand, TagResourceCommand } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, ListQueuesCommand, ListQueueTagsCommand, TagQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { clientConfig, clientsFor, createQueue, EMPTY_ZIP, failure, type Clients } from './support/reference-clients.ts';

// Tags and the listing calls a sweep of a run's leftovers needs, through the official SDK clients:
// each service writes tags its own way (a map, or a list of Key and Value).
let server: ReferenceServer;
let clients: Clients;
let iam: IAMClient;
const RUN = { 'lambda-esm-conformance-run': 'run-42' };

beforeAll(async () => {
  server = await startReferenceServer();
  clients = clientsFor(server.url);
  iam = new IAMClient(clientConfig(server.url));
});
afterAll(async () => {
  clients.destroy();
  iam.destroy();
  await server.close();
});

describe('Lambda', () => {
  it('keeps CreateFunction Tags, lists and adds them by ARN, answers them in GetFunction, and lists functions', async () => {
    const { FunctionArn } = await clients.lambda.send(
      new CreateFunctionCommand({ FunctionName: 'tagged-fn', Runtime: 'nodejs20.x', Role: 'arn:aws:iam::123456789012:role/r', Handler: 'index.handler', Code: { ZipFile: EMPTY_ZIP }, Tags: RUN }),
    );
    expect((await clients.lambda.send(new ListTagsCommand({ Resource: FunctionArn }))).Tags).toEqual(RUN);
    await clients.lambda.send(new TagResourceCommand({ Resource: FunctionArn, Tags: { created: '2026-12-06T15:00:00Z' } }));
    expect((await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'tagged-fn' }))).Tags).toEqual({ ...RUN, created: '2026-12-06T15:00:00Z' });
    expect((await clients.lambda.send(new ListFunctionsCommand({}))).Functions?.map((fn) => fn.FunctionName)).toContain('tagged-fn');
    expect(await failure(clients.lambda.send(new ListTagsCommand({ Resource: 'arn:aws:lambda:us-east-1:123456789012:function:none' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
    });
  });
});

describe('SQS', () => {
  it('keeps CreateQueue tags, lists and adds them, and lists queues by name prefix', async () => {
    const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'lesm-tagged-queue', tags: RUN }));
    await createQueue(clients, 'other-queue');
    expect((await clients.sqs.send(new ListQueueTagsCommand({ QueueUrl }))).Tags).toEqual(RUN);
    await clients.sqs.send(new TagQueueCommand({ QueueUrl, Tags: { more: 'yes' } }));
    expect((await clients.sqs.send(new ListQueueTagsCommand({ QueueUrl }))).Tags).toEqual({ ...RUN, more: 'yes' });
    expect((await clients.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'lesm-' }))).QueueUrls).toEqual([QueueUrl]);
    expect((await clients.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'nothing-' }))).QueueUrls).toBeUndefined();
  });
});

describe('Kinesis', () => {
  it('keeps CreateStream Tags, adds and lists them, and lists streams', async () => {
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'lesm-tagged-stream', ShardCount: 1, Tags: RUN }));
    await clients.kinesis.send(new AddTagsToStreamCommand({ StreamName: 'lesm-tagged-stream', Tags: { more: 'yes' } }));
    const listed = await clients.kinesis.send(new ListTagsForStreamCommand({ StreamName: 'lesm-tagged-stream' }));
    expect(listed).toMatchObject({ Tags: [{ Key: 'lambda-esm-conformance-run', Value: 'run-42' }, { Key: 'more', Value: 'yes' }], HasMoreTags: false });
    const streams = await clients.kinesis.send(new ListStreamsCommand({}));
    expect(streams.StreamNames).toContain('lesm-tagged-stream');
    expect(streams.StreamSummaries?.find((summary) => summary.StreamName === 'lesm-tagged-stream')?.StreamARN).toBe(
      'arn:aws:kinesis:us-east-1:123456789012:stream/lesm-tagged-stream',
    );
  });
});

describe('DynamoDB', () => {
  it('keeps CreateTable Tags, lists and adds them by the table ARN, and lists tables', async () => {
    const { TableDescription } = await clients.dynamodb.send(
      new CreateTableCommand({
        TableName: 'lesm-tagged-table',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        Tags: [{ Key: 'lambda-esm-conformance-run', Value: 'run-42' }],
      }),
    );
    const ResourceArn = TableDescription?.TableArn;
    await clients.dynamodb.send(new TagTableCommand({ ResourceArn, Tags: [{ Key: 'more', Value: 'yes' }] }));
    expect((await clients.dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn }))).Tags).toEqual([
      { Key: 'lambda-esm-conformance-run', Value: 'run-42' },
      { Key: 'more', Value: 'yes' },
    ]);
    expect((await clients.dynamodb.send(new ListTablesCommand({}))).TableNames).toContain('lesm-tagged-table');
    expect(await failure(clients.dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: `${ResourceArn}-gone` })))).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 400,
    });
  });
});

describe('IAM', () => {
  const trust = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

  it('lists a role\'s tags, and roles by path prefix (without their tags, as IAM does)', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'lesm-tagged-role', Path: '/lesm/', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'lambda-esm-conformance-run', Value: 'run-42' }] }));
    await iam.send(new CreateRoleCommand({ RoleName: 'elsewhere-role', AssumeRolePolicyDocument: trust }));
    expect(await iam.send(new ListRoleTagsCommand({ RoleName: 'lesm-tagged-role' }))).toMatchObject({
      Tags: [{ Key: 'lambda-esm-conformance-run', Value: 'run-42' }],
      IsTruncated: false,
    });
    const { Roles } = await iam.send(new ListRolesCommand({ PathPrefix: '/lesm/' }));
    expect(Roles?.map((role) => [role.RoleName, role.Arn, role.Tags])).toEqual([['lesm-tagged-role', 'arn:aws:iam::123456789012:role/lesm/lesm-tagged-role', undefined]]);
    expect((await iam.send(new ListRolesCommand({}))).Roles?.map((role) => role.RoleName)).toEqual(['lesm-tagged-role', 'elsewhere-role']);
  });
});

describe('tag limits', () => {
  it('refuses more than 50 tags on a resource, counting the ones it has', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`k${index}`, 'v']));
    const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'full-queue', tags: fifty }));
    const refused = await failure(clients.sqs.send(new TagQueueCommand({ QueueUrl, Tags: { one: 'more' } })));
    expect(refused).toMatchObject({ status: 400 });
    expect(String(refused.error['message'])).toContain('at most 50 tags; this would give it 51');
  });
});
