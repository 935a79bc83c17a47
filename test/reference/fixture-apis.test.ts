import { DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteStreamCommand, DescribeStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { DeleteFunctionCommand, GetFunctionCommand, GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { DeleteQueueCommand, GetQueueAttributesCommand, GetQueueUrlCommand, CreateQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { clientsFor, createFunction, createQueue, createStream, createTableStream, failure, type Clients } from './support/reference-clients.ts';

// Every fixture operation, driven by the official SDK v3 clients: if the server spoke a protocol the
// SDK does not (CBOR for Kinesis, the query protocol for SQS), these calls would fail to parse.
let server: ReferenceServer;
let clients: Clients;

beforeAll(async () => {
  server = await startReferenceServer();
  clients = clientsFor(server.url);
});
afterAll(async () => {
  clients.destroy();
  await server.close();
});

describe('Lambda functions', () => {
  it('creates, reads and deletes a function', async () => {
    const arn = await createFunction(clients, 'fixture-fn');
    expect(arn).toBe('arn:aws:lambda:us-east-1:123456789012:function:fixture-fn');

    const got = await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'fixture-fn' }));
    expect(got.Configuration?.FunctionArn).toBe(arn);
    expect(got.Configuration?.State).toBe('Active');
    expect(got.Configuration?.CodeSize).toBe(22);

    // The ARN form reaches the same function (the SDK percent-encodes it into the path).
    const byArn = await clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: arn }));
    expect(byArn.FunctionName).toBe('fixture-fn');

    await clients.lambda.send(new DeleteFunctionCommand({ FunctionName: 'fixture-fn' }));
    const gone = await failure(clients.lambda.send(new GetFunctionCommand({ FunctionName: 'fixture-fn' })));
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });

  it('refuses a second function of the same name with 409', async () => {
    await createFunction(clients, 'fixture-twice');
    const again = await failure(createFunction(clients, 'fixture-twice'));
    expect(again).toMatchObject({ name: 'ResourceConflictException', status: 409 });
  });

  it('answers 404 for deleting a function that does not exist', async () => {
    const missing = await failure(clients.lambda.send(new DeleteFunctionCommand({ FunctionName: 'never-made' })));
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(missing.error['message']).toContain('never-made');
  });

  it('puts the region of the SigV4 scope into the function ARN', async () => {
    const west = clientsFor(server.url, 'eu-west-1');
    try {
      expect(await createFunction(west, 'fixture-west')).toBe('arn:aws:lambda:eu-west-1:123456789012:function:fixture-west');
    } finally {
      west.destroy();
    }
  });
});

describe('SQS queues (AWS JSON 1.0)', () => {
  it('creates a queue, reports its ARN, finds its URL and deletes it', async () => {
    const arn = await createQueue(clients, 'fixture-queue');
    expect(arn).toBe('arn:aws:sqs:us-east-1:123456789012:fixture-queue');

    const { QueueUrl } = await clients.sqs.send(new GetQueueUrlCommand({ QueueName: 'fixture-queue' }));
    expect(QueueUrl).toBe(`${server.url}/123456789012/fixture-queue`);
    const all = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    expect(all.Attributes).toMatchObject({ QueueArn: arn, VisibilityTimeout: '30' });

    await clients.sqs.send(new DeleteQueueCommand({ QueueUrl }));
    const gone = await failure(clients.sqs.send(new GetQueueUrlCommand({ QueueName: 'fixture-queue' })));
    expect(gone).toMatchObject({ name: 'QueueDoesNotExist', status: 400 });
  });

  it('answers the existing URL when a queue is created twice (SQS CreateQueue is idempotent)', async () => {
    const first = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'fixture-idempotent' }));
    const second = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'fixture-idempotent' }));
    expect(second.QueueUrl).toBe(first.QueueUrl);
  });

  it('refuses an invalid queue name', async () => {
    const refused = await failure(clients.sqs.send(new CreateQueueCommand({ QueueName: 'bad name!' })));
    expect(refused.status).toBe(400);
  });

  it('creates a FIFO queue asked for with FifoQueue=true and a name ending in .fifo, and refuses the one without the other', async () => {
    const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'fixture-fifo.fifo', Attributes: { FifoQueue: 'true' } }));
    const { Attributes } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn', 'FifoQueue'] }));
    expect(Attributes).toEqual({ QueueArn: 'arn:aws:sqs:us-east-1:123456789012:fixture-fifo.fifo', FifoQueue: 'true' });
    await clients.sqs.send(new DeleteQueueCommand({ QueueUrl }));

    for (const input of [{ QueueName: 'no-suffix', Attributes: { FifoQueue: 'true' } }, { QueueName: 'no-attribute.fifo' }]) {
      expect(await failure(clients.sqs.send(new CreateQueueCommand(input)))).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
    }
  });
});

describe('Kinesis streams (AWS JSON 1.1)', () => {
  it('creates an ACTIVE stream, describes it two ways and deletes it', async () => {
    const arn = await createStream(clients, 'fixture-stream');
    expect(arn).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/fixture-stream');
    const summary = await clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'fixture-stream' }));
    expect(summary.StreamDescriptionSummary?.StreamStatus).toBe('ACTIVE');
    expect(summary.StreamDescriptionSummary?.StreamCreationTimestamp).toBeInstanceOf(Date);

    const described = await clients.kinesis.send(new DescribeStreamCommand({ StreamName: 'fixture-stream' }));
    expect(described.StreamDescription?.Shards).toHaveLength(1);

    await clients.kinesis.send(new DeleteStreamCommand({ StreamName: 'fixture-stream' }));
    const gone = await failure(clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'fixture-stream' })));
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
  });

  it('refuses a second stream of the same name', async () => {
    await createStream(clients, 'fixture-stream-twice');
    const again = await failure(createStream(clients, 'fixture-stream-twice'));
    expect(again).toMatchObject({ name: 'ResourceInUseException', status: 400 });
  });
});

describe('DynamoDB tables with streams (AWS JSON 1.0)', () => {
  it('creates a table whose stream ARN has an ISO label, describes it and deletes it', async () => {
    const streamArn = await createTableStream(clients, 'fixture-table');
    expect(streamArn).toMatch(/^arn:aws:dynamodb:us-east-1:123456789012:table\/fixture-table\/stream\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);

    const described = await clients.dynamodb.send(new DescribeTableCommand({ TableName: 'fixture-table' }));
    expect(described.Table?.TableStatus).toBe('ACTIVE');
    expect(described.Table?.LatestStreamArn).toBe(streamArn);

    const deleted = await clients.dynamodb.send(new DeleteTableCommand({ TableName: 'fixture-table' }));
    expect(deleted.TableDescription?.TableStatus).toBe('DELETING');
    const gone = await failure(clients.dynamodb.send(new DescribeTableCommand({ TableName: 'fixture-table' })));
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
  });

  it('refuses a second table of the same name', async () => {
    await createTableStream(clients, 'fixture-table-twice');
    const again = await failure(createTableStream(clients, 'fixture-table-twice'));
    expect(again).toMatchObject({ name: 'ResourceInUseException', status: 400 });
  });
});
