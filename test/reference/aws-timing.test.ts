import { AttachRolePolicyCommand, CreateRoleCommand, DeleteRolePolicyCommand, IAMClient, PutRolePolicyCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  GetFunctionCommand,
  ListEventSourceMappingsCommand,
  type CreateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAwsTiming } from '../../reference/aws-timing.ts';
import { DEFAULT_AWS_TIMING, startReferenceServer, type AwsTimingOptions, type ReferenceEdition, type ReferenceServer } from '../../reference/server.ts';
import { MAPPINGS_PATH, rawRequest } from './support/raw-http.ts';
import { clientConfig, clientsFor, createQueue, createStream, createTableStream, EMPTY_ZIP, failure, type Clients } from './support/reference-clients.ts';

// The reference server asked to behave as AWS does (awsTiming). Time is a number the test moves, so
// nothing here sleeps: `advance(ms)` is the only way time passes.
const TIMING = { creatingMs: 50, deletingMs: 80, roleAssumableAfterMs: 30, policyPropagationMs: 40, functionPendingMs: 20 };
const READ_ALL_SOURCES = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'kinesis:*', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
      Resource: '*',
    },
  ],
});
const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const ROLE_REFUSED = 'The role defined for the function cannot be assumed by Lambda.';
const SQS_REFUSED = 'The function execution role does not have permissions to call ReceiveMessage on SQS';
const IN_USE =
  "The operation conflicts with the resource's availability. For example, you tried to update an event source mapping in the CREATING state, or you tried to delete an event source mapping currently UPDATING.";

interface TimedServer {
  readonly server: ReferenceServer;
  readonly clients: Clients;
  readonly iam: IAMClient;
  advance(ms: number): void;
}

const opened: TimedServer[] = [];
afterEach(async () => {
  for (const { server, clients, iam } of opened.splice(0)) {
    clients.destroy();
    iam.destroy();
    await server.close();
  }
});

async function timedServer(edition: ReferenceEdition = 'seed', timing: AwsTimingOptions = TIMING): Promise<TimedServer> {
  let now = 1_000_000;
  const server = await startReferenceServer({ edition, awsTiming: { ...timing, now: () => now } });
  const opening: TimedServer = {
    server,
    clients: clientsFor(server.url),
    iam: new IAMClient(clientConfig(server.url)),
    advance: (ms) => {
      now += ms;
    },
  };
  opened.push(opening);
  return opening;
}

async function createRole(timed: TimedServer, name: string, policy?: string, trust = LAMBDA_TRUST): Promise<string> {
  const { Role } = await timed.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
  if (policy !== undefined) await timed.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'read', PolicyDocument: policy }));
  return Role?.Arn ?? '';
}

function createFunction(timed: TimedServer, name: string, role: string) {
  return timed.clients.lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: role, Handler: 'index.handler', Code: { ZipFile: EMPTY_ZIP } }));
}

// A function whose role may read every source, once IAM has propagated everything.
async function readyFunction(timed: TimedServer, name = 'timed-fn'): Promise<void> {
  const role = await createRole(timed, `${name}-role`, READ_ALL_SOURCES);
  timed.advance(Math.max(TIMING.roleAssumableAfterMs, TIMING.policyPropagationMs));
  await createFunction(timed, name, role);
}

const createMapping = (timed: TimedServer, input: Partial<CreateEventSourceMappingCommandInput>) =>
  timed.clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'timed-fn', ...input } as CreateEventSourceMappingCommandInput));
const getMapping = (timed: TimedServer, uuid: string | undefined) => timed.clients.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
const deleteMapping = (timed: TimedServer, uuid: string | undefined) => timed.clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));

describe('awsTiming option', () => {
  it('picks every documented default for true and for {}, and refuses an unusable duration before listening', async () => {
    const { now: _trueClock, ...fromTrue } = resolveAwsTiming(true) ?? {};
    const { now: _emptyClock, ...fromEmpty } = resolveAwsTiming({}) ?? {};
    expect(fromTrue).toEqual(DEFAULT_AWS_TIMING);
    expect(fromEmpty).toEqual(DEFAULT_AWS_TIMING);
    expect(DEFAULT_AWS_TIMING.controlPlaneRps).toBe(15);
    expect(resolveAwsTiming({ creatingMs: undefined, deletingMs: 7 })).toMatchObject({ creatingMs: DEFAULT_AWS_TIMING.creatingMs, deletingMs: 7 });
    expect(resolveAwsTiming(undefined)).toBeUndefined();
    expect(resolveAwsTiming(false)).toBeUndefined();
    await expect(startReferenceServer({ awsTiming: { creatingMs: -1 } })).rejects.toThrow('creatingMs must be a number of milliseconds of at least 0, not -1.');
    await expect(startReferenceServer({ awsTiming: { controlPlaneRps: 0 } })).rejects.toThrow('controlPlaneRps must be a number of requests per second above 0');
  });

  it('runs on the real clock by default: a mapping settles after a few tens of milliseconds', async () => {
    const server = await startReferenceServer({ awsTiming: { ...TIMING, roleAssumableAfterMs: 0, policyPropagationMs: 0, creatingMs: 30 } });
    const timed: TimedServer = { server, clients: clientsFor(server.url), iam: new IAMClient(clientConfig(server.url)), advance: () => undefined };
    opened.push(timed);
    await readyFunction(timed);
    const created = await createMapping(timed, { EventSourceArn: await createQueue(timed.clients, 'real-clock-queue') });
    expect(created.State).toBe('Creating');
    let state = created.State;
    for (let attempt = 0; attempt < 100 && state === 'Creating'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      state = (await getMapping(timed, created.UUID)).State;
    }
    expect(state).toBe('Enabled');
  });
});

describe('a mapping is Creating, then settles; a deleted one is Deleting, then gone', () => {
  for (const edition of ['seed', 'current'] as const) {
    it(`(${edition}) refuses Delete while Creating, then lists the deleted mapping as Deleting and refuses its twin with 409`, async () => {
      const timed = await timedServer(edition);
      await readyFunction(timed);
      const queue = await createQueue(timed.clients, 'lifecycle-queue');
      const created = await createMapping(timed, { EventSourceArn: queue });
      expect(created).toMatchObject({ State: 'Creating' });
      expect(created.$metadata.httpStatusCode).toBe(202);
      expect((await getMapping(timed, created.UUID)).State).toBe('Creating');

      const inUse = await failure(deleteMapping(timed, created.UUID));
      expect(inUse).toMatchObject({ name: 'ResourceInUseException', status: 400 });
      expect(inUse.error['message']).toBe(IN_USE);

      timed.advance(TIMING.creatingMs);
      expect((await getMapping(timed, created.UUID)).State).toBe('Enabled');
      const deleting = await deleteMapping(timed, created.UUID);
      expect(deleting).toMatchObject({ State: 'Deleting' });
      expect(deleting.$metadata.httpStatusCode).toBe(202);

      timed.advance(TIMING.deletingMs - 1);
      expect((await getMapping(timed, created.UUID)).State).toBe('Deleting');
      const listed = await timed.clients.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: queue }));
      expect(listed.EventSourceMappings?.map((mapping) => [mapping.UUID, mapping.State])).toEqual([[created.UUID, 'Deleting']]);
      expect(await failure(createMapping(timed, { EventSourceArn: queue }))).toMatchObject({ name: 'ResourceConflictException', status: 409 });
      // Deleting again changes nothing: the deletion under way ends when it was going to.
      expect((await deleteMapping(timed, created.UUID)).State).toBe('Deleting');

      timed.advance(1);
      expect(await failure(getMapping(timed, created.UUID))).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
      expect((await timed.clients.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: queue }))).EventSourceMappings).toEqual([]);
      expect((await createMapping(timed, { EventSourceArn: queue })).State).toBe('Creating');
    });
  }

  it('(seed) settles a mapping created disabled as Disabled after Creating', async () => {
    const timed = await timedServer('seed');
    await readyFunction(timed);
    const created = await createMapping(timed, { EventSourceArn: await createStream(timed.clients, 'disabled-stream'), StartingPosition: 'LATEST', Enabled: false });
    expect(created.State).toBe('Creating');
    timed.advance(TIMING.creatingMs);
    expect((await getMapping(timed, created.UUID)).State).toBe('Disabled');
  });

  it('(current) answers a mapping created disabled as Disabled at once, as AWS does, and lets it be deleted at once', async () => {
    const timed = await timedServer('current');
    await readyFunction(timed);
    const created = await createMapping(timed, { EventSourceArn: await createQueue(timed.clients, 'disabled-queue'), Enabled: false });
    expect(created.State).toBe('Disabled');
    expect((await getMapping(timed, created.UUID)).State).toBe('Disabled');
    expect((await deleteMapping(timed, created.UUID)).State).toBe('Deleting');
  });
});

describe('IAM propagation', () => {
  it('refuses a new role until roleAssumableAfterMs has passed, then takes it', async () => {
    const timed = await timedServer();
    const role = await createRole(timed, 'young-role');
    const refused = await failure(createFunction(timed, 'young-fn', role));
    expect(refused).toMatchObject({ name: 'InvalidParameterValueException', status: 400 });
    expect(refused.error['message']).toBe(ROLE_REFUSED);
    timed.advance(TIMING.roleAssumableAfterMs);
    expect((await createFunction(timed, 'young-fn', role)).FunctionName).toBe('young-fn');
  });

  it('refuses for ever a role that does not trust Lambda, and one that does not exist', async () => {
    const timed = await timedServer();
    const ec2Only = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const role = await createRole(timed, 'ec2-role', undefined, ec2Only);
    timed.advance(60 * 60 * 1000);
    expect((await failure(createFunction(timed, 'ec2-fn', role))).error['message']).toBe(ROLE_REFUSED);
    expect((await failure(createFunction(timed, 'ghost-fn', 'arn:aws:iam::123456789012:role/never-created'))).error['message']).toBe(ROLE_REFUSED);
  });

  it('makes a role whose trust policy is set to trust Lambda assumable roleAssumableAfterMs later', async () => {
    const timed = await timedServer();
    const role = await createRole(timed, 'retrusted-role', undefined, JSON.stringify({ Statement: [] }));
    timed.advance(TIMING.roleAssumableAfterMs);
    expect((await failure(createFunction(timed, 'retrusted-fn', role))).error['message']).toBe(ROLE_REFUSED);
    await timed.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'retrusted-role', PolicyDocument: LAMBDA_TRUST }));
    timed.advance(TIMING.roleAssumableAfterMs - 1);
    expect((await failure(createFunction(timed, 'retrusted-fn', role))).error['message']).toBe(ROLE_REFUSED);
    timed.advance(1);
    expect((await createFunction(timed, 'retrusted-fn', role)).FunctionName).toBe('retrusted-fn');
  });

  it('refuses a mapping until the role policy has propagated, with AWS message for each source', async () => {
    const timed = await timedServer();
    const role = await createRole(timed, 'slow-role');
    timed.advance(TIMING.roleAssumableAfterMs);
    await createFunction(timed, 'timed-fn', role);
    const queue = await createQueue(timed.clients, 'slow-queue');
    const stream = await createStream(timed.clients, 'slow-stream');
    const tableStream = await createTableStream(timed.clients, 'slow-table');
    await timed.iam.send(new PutRolePolicyCommand({ RoleName: 'slow-role', PolicyName: 'read', PolicyDocument: READ_ALL_SOURCES }));
    timed.advance(TIMING.policyPropagationMs - 1);

    const sqs = await failure(createMapping(timed, { EventSourceArn: queue }));
    expect(sqs).toMatchObject({ name: 'InvalidParameterValueException', status: 400 });
    expect(sqs.error['message']).toBe(SQS_REFUSED);
    for (const arn of [stream, tableStream]) {
      const answer = await failure(createMapping(timed, { EventSourceArn: arn, StartingPosition: 'LATEST' }));
      expect(answer).toMatchObject({ name: 'InvalidParameterValueException', status: 400 });
      expect(answer.error['message']).toBe(
        `Cannot access stream ${arn}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.`,
      );
    }

    timed.advance(1);
    expect((await createMapping(timed, { EventSourceArn: queue })).State).toBe('Creating');
    expect((await createMapping(timed, { EventSourceArn: stream, StartingPosition: 'LATEST' })).State).toBe('Creating');
    expect((await createMapping(timed, { EventSourceArn: tableStream, StartingPosition: 'LATEST' })).State).toBe('Creating');
  });

  it('refuses for ever a role whose policies never cover the source, and honours an attached managed policy once propagated', async () => {
    const timed = await timedServer('current');
    const sqsOnly = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] });
    await createRole(timed, 'narrow-role', sqsOnly);
    timed.advance(60 * 60 * 1000);
    await createFunction(timed, 'timed-fn', 'arn:aws:iam::123456789012:role/narrow-role');
    const stream = await createStream(timed.clients, 'narrow-stream');
    expect((await failure(createMapping(timed, { EventSourceArn: stream, StartingPosition: 'LATEST' }))).error['message']).toContain('Please ensure the role can perform');

    await timed.iam.send(new AttachRolePolicyCommand({ RoleName: 'narrow-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole' }));
    expect(await failure(createMapping(timed, { EventSourceArn: stream, StartingPosition: 'LATEST' }))).toMatchObject({ status: 400 });
    timed.advance(TIMING.policyPropagationMs);
    expect((await createMapping(timed, { EventSourceArn: stream, StartingPosition: 'LATEST' })).State).toBe('Creating');
  });

  it('lets a Deny win over an Allow, and forgets a deleted inline policy at once', async () => {
    const timed = await timedServer();
    const denyReceive = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Action: 'sqs:*', Resource: '*' },
        { Effect: 'Deny', Action: 'SQS:ReceiveMessage', Resource: 'arn:aws:sqs:*' },
      ],
    });
    await createRole(timed, 'deny-role', denyReceive);
    timed.advance(60 * 60 * 1000);
    await createFunction(timed, 'timed-fn', 'arn:aws:iam::123456789012:role/deny-role');
    const queue = await createQueue(timed.clients, 'deny-queue');
    expect((await failure(createMapping(timed, { EventSourceArn: queue }))).error['message']).toBe(SQS_REFUSED);

    await timed.iam.send(new PutRolePolicyCommand({ RoleName: 'deny-role', PolicyName: 'allow', PolicyDocument: READ_ALL_SOURCES }));
    await timed.iam.send(new DeleteRolePolicyCommand({ RoleName: 'deny-role', PolicyName: 'read' }));
    timed.advance(TIMING.policyPropagationMs);
    expect((await createMapping(timed, { EventSourceArn: queue })).State).toBe('Creating');
  });
});

describe('functions are Pending, then Active', () => {
  it('answers Pending (no LastUpdateStatus) for functionPendingMs, Active and Successful afterwards, and takes a mapping meanwhile', async () => {
    const timed = await timedServer();
    const role = await createRole(timed, 'pending-role', READ_ALL_SOURCES);
    timed.advance(TIMING.policyPropagationMs);
    const created = await createFunction(timed, 'timed-fn', role);
    expect(created).toMatchObject({ State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' });
    expect(created.LastUpdateStatus).toBeUndefined();
    expect((await timed.clients.lambda.send(new GetFunctionCommand({ FunctionName: 'timed-fn' }))).Configuration?.State).toBe('Pending');
    // The function states page lists what fails while a function is Pending; CreateEventSourceMapping is not among them.
    expect((await createMapping(timed, { EventSourceArn: await createQueue(timed.clients, 'pending-queue') })).State).toBe('Creating');

    timed.advance(TIMING.functionPendingMs);
    const { Configuration } = await timed.clients.lambda.send(new GetFunctionCommand({ FunctionName: 'timed-fn' }));
    expect(Configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
  });
});

describe('the control-plane rate limit', () => {
  const list = (timed: TimedServer) => rawRequest(timed.server.url, { method: 'GET', path: MAPPINGS_PATH });
  const statuses = async (timed: TimedServer, count: number) => {
    const answers: number[] = [];
    for (let index = 0; index < count; index += 1) answers.push((await list(timed)).status);
    return answers;
  };

  it('answers 429 TooManyRequestsException with Reason CallerRateLimitExceeded past controlPlaneRps, shared by every control-plane call', async () => {
    const timed = await timedServer('current', { ...TIMING, controlPlaneRps: 5 });
    expect(await statuses(timed, 4)).toEqual([200, 200, 200, 200]);
    const created = await rawRequest(timed.server.url, { path: MAPPINGS_PATH, body: JSON.stringify({ FunctionName: 'none', EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' }) });
    expect(created.status).toBe(400); // the fifth request of the second: still allowed, and judged
    const throttled = await list(timed);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(throttled.json).toEqual({ Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' });
    expect(throttled.headers.get('retry-after')).toBeNull();
    const throttledCreate = await rawRequest(timed.server.url, { path: MAPPINGS_PATH, body: '{}' });
    expect(throttledCreate.status).toBe(429);
  });

  it('leaves GetFunction and the other services alone', async () => {
    const timed = await timedServer('seed', { ...TIMING, controlPlaneRps: 1 });
    expect(await statuses(timed, 2)).toEqual([200, 429]);
    const getFunction = await rawRequest(timed.server.url, { method: 'GET', path: '/2015-03-31/functions/nothing-here' });
    expect(getFunction.status).toBe(404);
    expect(await createQueue(timed.clients, 'unlimited-queue')).toContain(':unlimited-queue');
  });

  it('refills continuously, at most one second of requests ahead', async () => {
    const timed = await timedServer('seed', { ...TIMING, controlPlaneRps: 5 });
    expect(await statuses(timed, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    timed.advance(200);
    expect(await statuses(timed, 2)).toEqual([200, 429]);
    timed.advance(60_000);
    expect(await statuses(timed, 6)).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('is off without awsTiming', async () => {
    const server = await startReferenceServer();
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => rawRequest(server.url, { method: 'GET', path: MAPPINGS_PATH })));
      expect(answers.map((answer) => answer.status)).toEqual(new Array(40).fill(200));
    } finally {
      await server.close();
    }
  });
});
