import {
  CreateAliasCommand,
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  GetFunctionConfigurationCommand,
  PublishVersionCommand,
  type CreateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { postMapping } from './support/raw-http.ts';
import { clientsFor, createFunction, createQueue, createStream, createTableStream, failure, type Clients } from './support/reference-clients.ts';

// The current edition: today's AWS, as reference/README.md's table of sources describes it.
let server: ReferenceServer;
let clients: Clients;
const source = { sqs: '', fifo: '', kinesis: '', dynamodb: '' };
const FN = 'today-fn';

beforeAll(async () => {
  server = await startReferenceServer({ edition: 'current' });
  clients = clientsFor(server.url);
  await createFunction(clients, FN);
  source.sqs = await createQueue(clients, 'today-queue');
  const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'today-queue.fifo', Attributes: { FifoQueue: 'true' } }));
  source.fifo = (await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn ?? '';
  source.kinesis = await createStream(clients, 'today-stream');
  source.dynamodb = await createTableStream(clients, 'today-table');
});
afterAll(async () => {
  clients.destroy();
  await server.close();
});

type Input = Partial<CreateEventSourceMappingCommandInput>;
const create = (input: Input) => clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: FN, ...input } as CreateEventSourceMappingCommandInput));

// Accepted: answers 202 and the mapping; the mapping is deleted so that the next test starts clean.
async function accepted(input: Input): Promise<Record<string, unknown>> {
  const mapping = await create(input);
  expect(mapping.$metadata.httpStatusCode).toBe(202);
  await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
  const { $metadata: _metadata, ...members } = mapping;
  return members;
}

async function refused(input: Input, name: 'ValidationException' | 'InvalidParameterValueException'): Promise<string> {
  const answer = await failure(create(input));
  expect(answer).toMatchObject({ name, status: 400 });
  return String(answer.error['message']);
}
const validation = (input: Input) => refused(input, 'ValidationException');
const invalid = (input: Input) => refused(input, 'InvalidParameterValueException');
const kinesis = (input: Input = {}): Input => ({ EventSourceArn: source.kinesis, StartingPosition: 'LATEST', ...input });
const dynamodb = (input: Input = {}): Input => ({ EventSourceArn: source.dynamodb, StartingPosition: 'LATEST', ...input });
const sqs = (input: Input = {}): Input => ({ EventSourceArn: source.sqs, ...input });
const fifo = (input: Input = {}): Input => ({ EventSourceArn: source.fifo, ...input });

describe('error types: model constraints are ValidationException, all at once; rules are InvalidParameterValueException', () => {
  it('words a broken range as AWS does, in camelCase', async () => {
    expect(await validation(sqs({ BatchSize: 0 }))).toBe(
      "1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(await validation(kinesis({ BatchSize: 10_001 }))).toContain("Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000");
    expect(await validation(sqs({ MaximumBatchingWindowInSeconds: 301 }))).toContain("at 'maximumBatchingWindowInSeconds'");
  });
  it('names every broken constraint in one answer', async () => {
    expect(await validation(sqs({ BatchSize: 0, MaximumBatchingWindowInSeconds: -1 }))).toMatch(/^2 validation errors detected: Value '0' at 'batchSize'.*; Value '-1' at 'maximumBatchingWindowInSeconds'/);
  });
  it('answers 400 InvalidParameterValueException for a function that does not exist, and for each source that does not', async () => {
    expect(await invalid(sqs({ FunctionName: 'no-such-fn' }))).toBe('Function does not exist');
    expect(await invalid(sqs({ FunctionName: `${FN}:PROD` }))).toBe('Function does not exist');
    expect(await invalid(kinesis({ EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/never' }))).toBe(
      'Stream not found: arn:aws:kinesis:us-east-1:123456789012:stream/never',
    );
    expect(await invalid(dynamodb({ EventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/never/stream/2024' }))).toContain('Stream not found');
    expect(await invalid(sqs({ EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:never' }))).toContain('AWS.SimpleQueueService.NonExistentQueue');
  });
  it('answers a missing, malformed or unsupported EventSourceArn as today\'s AWS does', async () => {
    expect(await invalid({})).toBe('Unrecognized event source.');
    expect(await validation({ EventSourceArn: 'not-an-arn' })).toContain("at 'eventSourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern");
    expect(await invalid({ EventSourceArn: 'arn:aws:s3:::bucket' })).toBe('Unrecognized event source. Unsupported source arn : arn:aws:s3:::bucket');
  });
  it('answers a conflict per source, with the recorded wording', async () => {
    const first = await create(sqs());
    expect(await failure(create(sqs()))).toMatchObject({ name: 'ResourceConflictException', status: 409 });
    await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: first.UUID }));
    const stream = await create(kinesis());
    const conflict = await failure(create(kinesis()));
    expect(String(conflict.error['message'])).toBe(
      `The event source arn (" ${source.kinesis} ") and function (" ${FN} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${stream.UUID}`,
    );
    await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: stream.UUID }));
  });
  it('answers an unknown UUID 404 with the recorded message', async () => {
    const missing = await failure(clients.lambda.send(new GetEventSourceMappingCommand({ UUID: '00000000-0000-4000-8000-000000000000' })));
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(missing.error['message']).toBe('The resource you requested does not exist.');
  });
});

describe('BatchSize today', () => {
  it('takes up to 10000 on Kinesis and DynamoDB, without a window (open: no recorded answer)', async () => {
    expect(await accepted(kinesis({ BatchSize: 10_000 }))).toMatchObject({ BatchSize: 10_000, MaximumBatchingWindowInSeconds: 0 });
    expect(await accepted(dynamodb({ BatchSize: 10_000 }))).toMatchObject({ BatchSize: 10_000 });
    expect(await accepted(dynamodb({ BatchSize: 1001 }))).toMatchObject({ BatchSize: 1001 });
  });
  it('takes 11 to 10000 on a standard queue only with a window of at least 1 second', async () => {
    expect(await accepted(sqs({ BatchSize: 10 }))).toMatchObject({ BatchSize: 10 });
    expect(await accepted(sqs({ BatchSize: 11, MaximumBatchingWindowInSeconds: 1 }))).toMatchObject({ BatchSize: 11, MaximumBatchingWindowInSeconds: 1 });
    expect(await accepted(sqs({ BatchSize: 10_000, MaximumBatchingWindowInSeconds: 300 }))).toMatchObject({ BatchSize: 10_000 });
    const message = 'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10';
    expect(await invalid(sqs({ BatchSize: 11 }))).toBe(message);
    expect(await invalid(sqs({ BatchSize: 11, MaximumBatchingWindowInSeconds: 0 }))).toBe(message);
  });
  it('treats a FIFO queue as a source of its own: at most 10, no batching window', async () => {
    expect(await accepted(fifo())).toMatchObject({ BatchSize: 10, EventSourceArn: source.fifo });
    expect(await accepted(fifo({ BatchSize: 10, MaximumBatchingWindowInSeconds: 0 }))).toMatchObject({ BatchSize: 10 });
    expect(await invalid(fifo({ BatchSize: 11, MaximumBatchingWindowInSeconds: 1 }))).toBe('Batch size cannot be greater than 10 for an SQS FIFO queue.');
    expect(await invalid(fifo({ MaximumBatchingWindowInSeconds: 1 }))).toBe('Maximum batching window is not supported for SQS FIFO queues.');
  });
});

describe('FunctionName and StartingPosition today', () => {
  it('takes a published version and an alias, by name and by ARN, the FunctionArn keeping the qualifier; refuses one that does not exist', async () => {
    const { Version: version, FunctionArn: versionArn } = await clients.lambda.send(new PublishVersionCommand({ FunctionName: FN }));
    await clients.lambda.send(new CreateAliasCommand({ FunctionName: FN, Name: 'live', FunctionVersion: version }));
    const arn = String(versionArn).replace(/:\d+$/, '');
    expect(versionArn).toBe(`${arn}:${String(version)}`);
    for (const FunctionName of [`${FN}:${String(version)}`, `${FN}:live`, `${arn}:${String(version)}`, `${arn}:live`]) {
      expect(await accepted(sqs({ FunctionName }))).toMatchObject({ FunctionArn: `${arn}:${FunctionName.split(':').at(-1) ?? ''}` });
    }
    expect(await clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: FN, Qualifier: 'live' }))).toMatchObject({ FunctionArn: `${arn}:live`, Version: version });
    expect(await invalid(sqs({ FunctionName: `${FN}:999999` }))).toBe('Function does not exist');
  });
  it("refuses a queue whose visibility timeout is below the function's timeout, in AWS's words", async () => {
    const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'today-brief-queue', Attributes: { VisibilityTimeout: '1' } }));
    const brief = (await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
    expect(await invalid(sqs({ EventSourceArn: brief }))).toBe('Queue visibility timeout: 1 seconds is less than Function timeout: 3 seconds');
  });
  it('takes names with dots and ARNs up to 256 characters past the model (no such function), refuses 257 by the model', async () => {
    // CreateFunction's own pattern has no dot, so a dotted name passes the model here and names no function.
    expect(await invalid(sqs({ FunctionName: 'today.fn' }))).toBe('Function does not exist');
    const alias = `arn:aws:lambda:us-east-1:123456789012:function:${FN}:`;
    const padded = (length: number) => `${alias}${'x'.repeat(length - alias.length)}`;
    expect(padded(256)).toHaveLength(256);
    expect(await invalid(sqs({ FunctionName: padded(256) }))).toBe('Function does not exist'); // well-formed, no such alias
    expect(await validation(sqs({ FunctionName: padded(257) }))).toContain("at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 256");
    expect(await validation(sqs({ FunctionName: 'bad name!' }))).toContain("at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern");
    expect(await validation(sqs({ FunctionName: '' }))).toContain('Member must have length greater than or equal to 1');
    expect(await invalid(sqs({ FunctionName: 'f'.repeat(65) }))).toContain('at most 64');
    expect(await accepted(sqs({ FunctionName: `${FN}:$LATEST` }))).toMatchObject({ FunctionArn: expect.stringMatching(/:function:today-fn:\$LATEST$/) });
  });
  it('refuses a missing FunctionName by the model', async () => {
    const answer = await postMapping(server.url, { EventSourceArn: source.sqs });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(answer.json?.['message']).toBe("1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null");
  });
  it('refuses a StartingPosition outside the enumeration by the model, and the rules of StartingPosition as InvalidParameterValueException', async () => {
    expect(await validation(kinesis({ StartingPosition: 'SOMEWHERE' as 'LATEST' }))).toBe(
      "1 validation error detected: Value 'SOMEWHERE' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]",
    );
    expect(await invalid({ EventSourceArn: source.kinesis })).toBe(
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    );
    expect(await invalid(sqs({ StartingPosition: 'LATEST' }))).toBe('StartingPosition is not valid for SQS event sources.');
    expect(await invalid(dynamodb({ StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date(0) }))).toBe(
      `Unsupported starting position for arn type: ${source.dynamodb}`,
    );
    expect(await invalid(kinesis({ StartingPosition: 'AT_TIMESTAMP' }))).toBe('Need to specify a timestamp');
    expect(await invalid(kinesis({ StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date(Date.now() + 3_600_000) }))).toContain('future');
    expect(await accepted(kinesis({ StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date(1_700_000_000_000) }))).toMatchObject({
      StartingPosition: 'AT_TIMESTAMP',
    });
  });
});

describe("today's request fields", () => {
  it('takes each stream field at both ends of its range, and refuses one past either end by the model', async () => {
    const ranges = [
      ['ParallelizationFactor', 'parallelizationFactor', 1, 10],
      ['MaximumRecordAgeInSeconds', 'maximumRecordAgeInSeconds', -1, 604_800],
      ['MaximumRetryAttempts', 'maximumRetryAttempts', -1, 10_000],
      ['TumblingWindowInSeconds', 'tumblingWindowInSeconds', 0, 900],
    ] as const;
    for (const [field, wire, min, max] of ranges) {
      for (const value of [min, max]) expect(await accepted(dynamodb({ [field]: value }))).toMatchObject({ [field]: value });
      expect(await validation(kinesis({ [field]: min - 1 }))).toContain(`Value '${min - 1}' at '${wire}'`);
      expect(await validation(kinesis({ [field]: max + 1 }))).toContain(`Value '${max + 1}' at '${wire}'`);
    }
  });
  it('refuses a record age from 0 to 59 seconds, which the range allows but the documentation does not', async () => {
    await invalid(kinesis({ MaximumRecordAgeInSeconds: 0 }));
    await invalid(kinesis({ MaximumRecordAgeInSeconds: 59 }));
    expect(await accepted(kinesis({ MaximumRecordAgeInSeconds: 60 }))).toMatchObject({ MaximumRecordAgeInSeconds: 60 });
  });
  it('refuses the stream-only fields on a queue, and ScalingConfig on a stream', async () => {
    for (const field of [
      { ParallelizationFactor: 2 },
      { MaximumRecordAgeInSeconds: 60 },
      { MaximumRetryAttempts: 1 },
      { BisectBatchOnFunctionError: true },
      { TumblingWindowInSeconds: 60 },
    ]) {
      expect(await invalid(sqs(field))).toContain('not supported for Amazon SQS');
    }
    expect(await invalid(kinesis({ ScalingConfig: { MaximumConcurrency: 2 } }))).toContain('not supported for Amazon Kinesis');
    expect(await invalid(kinesis({ ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 2 } }))).toContain('not supported for Amazon Kinesis');
  });
  it('refuses a DestinationConfig on a queue in the words AWS answered OnSuccess there', async () => {
    for (const DestinationConfig of [{ OnSuccess: { Destination: source.sqs } }, { OnFailure: { Destination: source.sqs } }]) {
      expect(await invalid(sqs({ DestinationConfig }))).toBe('Unsupported DestinationConfig parameter for given event source mapping type.');
    }
  });
  it('takes DestinationConfig.OnFailure on a stream, refuses OnSuccess', async () => {
    expect(await accepted(kinesis({ DestinationConfig: { OnFailure: { Destination: source.sqs } } }))).toMatchObject({
      DestinationConfig: { OnFailure: { Destination: source.sqs } },
    });
    expect(await invalid(kinesis({ DestinationConfig: { OnSuccess: { Destination: source.sqs } } }))).toContain('OnSuccess');
    expect(await invalid(kinesis({ DestinationConfig: { OnFailure: { Destination: 'arn:aws:lambda:us-east-1:123456789012:function:x' } } }))).toContain('OnFailure');
    expect(await validation(kinesis({ DestinationConfig: { OnFailure: { Destination: 'nowhere' } } }))).toContain("at 'destinationConfig.onFailure.destination'");
  });
  it('takes FunctionResponseTypes on streams and queues, refuses an unknown value or two values by the model', async () => {
    expect(await accepted(sqs({ FunctionResponseTypes: ['ReportBatchItemFailures'] }))).toMatchObject({ FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(await accepted(kinesis({ FunctionResponseTypes: [] }))).toMatchObject({ FunctionResponseTypes: [] });
    expect(await validation(sqs({ FunctionResponseTypes: ['ReportEverything' as 'ReportBatchItemFailures'] }))).toContain(
      "Value '[ReportEverything]' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy enum value set: [ReportBatchItemFailures]",
    );
    expect(await validation(sqs({ FunctionResponseTypes: ['ReportBatchItemFailures', 'ReportBatchItemFailures'] }))).toContain('Member must have length less than or equal to 1');
  });
  it('takes valid filter patterns, echoed, and an empty list, left out of the answer; refuses the invalid ones', async () => {
    const valid = [
      '{"body": {"kind": ["order"]}}',
      '{"data": {"count": [{"numeric": [">", 0, "<=", 5]}], "name": [{"prefix": "a"}], "gone": [{"exists": false}]}}',
      '{"$or": [{"a": ["x"]}, {"b": [{"anything-but": ["y", "z"]}]}]}',
    ];
    const criteria = { Filters: valid.map((Pattern) => ({ Pattern })) };
    expect(await accepted(sqs({ FilterCriteria: criteria }))).toMatchObject({ FilterCriteria: criteria });
    expect(await accepted(kinesis({ FilterCriteria: { Filters: [] } }))).not.toHaveProperty('FilterCriteria');
    for (const Pattern of ['not json', '[]', '"text"', 'null', '{}', '{"a": "x"}', '{"a": []}', '{"a": [{"numeric": ["!", 1]}]}', '{"a": [{"unknown-operator": 1}]}']) {
      expect(await invalid(sqs({ FilterCriteria: { Filters: [{ Pattern }] } }))).toBe('Invalid filter pattern definition.');
    }
    expect(await validation(sqs({ FilterCriteria: { Filters: [{ Pattern: `{"a": ["${'x'.repeat(4096)}"]}` }] } }))).toContain(
      "at 'filterCriteria.filters.1.member.pattern' failed to satisfy constraint: Member must have length less than or equal to 4096",
    );
  });
  it('takes ScalingConfig on queues within 2 to 1000, echoed', async () => {
    expect(await accepted(sqs({ ScalingConfig: { MaximumConcurrency: 2 } }))).toMatchObject({ ScalingConfig: { MaximumConcurrency: 2 } });
    expect(await accepted(fifo({ ScalingConfig: { MaximumConcurrency: 1000 } }))).toMatchObject({ ScalingConfig: { MaximumConcurrency: 1000 } });
    expect(await validation(sqs({ ScalingConfig: { MaximumConcurrency: 1 } }))).toContain("Value '1' at 'scalingConfig.maximumConcurrency'");
    expect(await validation(sqs({ ScalingConfig: { MaximumConcurrency: 1001 } }))).toContain('less than or equal to 1000');
  });
  it('takes MetricsConfig on every source, echoed; refuses an unknown metric and a fourth by the model, and the Kafka metrics', async () => {
    expect(await accepted(dynamodb({ MetricsConfig: { Metrics: ['EventCount'] } }))).toMatchObject({ MetricsConfig: { Metrics: ['EventCount'] } });
    expect(await accepted(sqs({ MetricsConfig: { Metrics: ['EventCount'] } }))).toMatchObject({ MetricsConfig: { Metrics: ['EventCount'] } });
    expect(await validation(sqs({ MetricsConfig: { Metrics: ['Everything' as 'EventCount'] } }))).toContain("at 'metricsConfig.metrics' failed to satisfy constraint: Member must satisfy enum value set");
    expect(await validation(sqs({ MetricsConfig: { Metrics: ['EventCount', 'EventCount', 'EventCount', 'EventCount'] } }))).toContain('Member must have length less than or equal to 3');
    expect(await invalid(kinesis({ MetricsConfig: { Metrics: ['ErrorCount'] } }))).toContain('ErrorCount is only supported for Amazon MSK');
  });
  it('takes ProvisionedPollerConfig on queues with at least 2 pollers, echoed; refuses 1 there, and the model\'s ranges', async () => {
    const pollers = { MinimumPollers: 2, MaximumPollers: 2 };
    expect(await accepted(sqs({ ProvisionedPollerConfig: pollers }))).toMatchObject({ ProvisionedPollerConfig: pollers });
    expect(await accepted(fifo({ ProvisionedPollerConfig: pollers }))).toMatchObject({ ProvisionedPollerConfig: pollers });
    expect(await invalid(sqs({ ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2 } }))).toContain('at least 2 pollers');
    expect(await validation(sqs({ ProvisionedPollerConfig: { MinimumPollers: 201, MaximumPollers: 2001 } }))).toMatch(
      /^2 validation errors detected: Value '201' at 'provisionedPollerConfig.minimumPollers'.*; Value '2001' at 'provisionedPollerConfig.maximumPollers'/,
    );
  });
  it('takes Tags on create without answering them, and refuses tags that are not a map of strings', async () => {
    expect(await accepted(kinesis({ Tags: { team: 'esm' } }))).not.toHaveProperty('Tags');
    expect(await invalid(sqs({ Tags: { team: 1 as unknown as string } }))).toContain('Tags: a tag key is 1 to 128 characters');
  });
  it('ignores members it does not know, and refuses members of other source types', async () => {
    const answer = await postMapping(server.url, { FunctionName: FN, EventSourceArn: source.sqs, NotAMember: 1 });
    expect(answer.status).toBe(202);
    await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: String(answer.json?.['UUID']) }));
    expect(await invalid(sqs({ Topics: ['orders'] }))).toContain('Topics is not supported');
  });
});

describe("today's 202 answer", () => {
  it('gives a stream mapping the defaults AWS returns, EventSourceMappingArn and State Creating', async () => {
    const answer = await accepted(kinesis());
    expect(answer).toMatchObject({
      State: 'Creating',
      StateTransitionReason: 'User action',
      LastProcessingResult: 'No records processed',
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      MaximumRecordAgeInSeconds: -1,
      MaximumRetryAttempts: -1,
      BisectBatchOnFunctionError: false,
      TumblingWindowInSeconds: 0,
      DestinationConfig: { OnFailure: {} },
      FunctionResponseTypes: [],
    });
    expect(answer['EventSourceMappingArn']).toMatch(/^arn:aws:lambda:us-east-1:123456789012:event-source-mapping:[0-9a-f-]{36}$/);
    expect(String(answer['EventSourceMappingArn']).endsWith(String(answer['UUID']))).toBe(true);
  });
  it('leaves out of an SQS answer what AWS leaves out, and says Disabled at once when created disabled', async () => {
    const answer = await accepted(sqs({ Enabled: false }));
    expect(answer).toMatchObject({ State: 'Disabled', StateTransitionReason: 'USER_INITIATED', BatchSize: 10, FunctionResponseTypes: [] });
    for (const member of ['LastProcessingResult', 'StartingPosition', 'ParallelizationFactor', 'DestinationConfig', 'MaximumRetryAttempts', 'ScalingConfig', 'FilterCriteria']) {
      expect(answer).not.toHaveProperty(member);
    }
  });
  it('reports the settled state on Get, and Deleting on Delete, in the same shape', async () => {
    const created = await create(dynamodb());
    const got = await clients.lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
    expect(got).toMatchObject({ State: 'Enabled', EventSourceMappingArn: created.EventSourceMappingArn, ParallelizationFactor: 1 });
    const deleted = await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }));
    expect(deleted).toMatchObject({ State: 'Deleting', EventSourceMappingArn: created.EventSourceMappingArn });
  });
});
