import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  type CreateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { postMapping } from './support/raw-http.ts';
import { clientsFor, createFunction, createQueue, createStream, createTableStream, failure, type Clients } from './support/reference-clients.ts';

// The successful paths of CreateEventSourceMapping and of Get/List/Delete, through the Lambda SDK client.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:mapped-fn';

let server: ReferenceServer;
let clients: Clients;
let queueArn: string;
let streamArn: string;
let tableStreamArn: string;

beforeAll(async () => {
  server = await startReferenceServer();
  clients = clientsFor(server.url);
  await createFunction(clients, 'mapped-fn');
  queueArn = await createQueue(clients, 'mapped-queue');
  streamArn = await createStream(clients, 'mapped-stream');
  tableStreamArn = await createTableStream(clients, 'mapped-table');
});
afterAll(async () => {
  clients.destroy();
  await server.close();
});

function create(input: CreateEventSourceMappingCommandInput) {
  return clients.lambda.send(new CreateEventSourceMappingCommand(input));
}

async function removeMapping(uuid: string | undefined): Promise<void> {
  await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
}

describe('a successful CreateEventSourceMapping', () => {
  it('maps an SQS queue with status 202, every documented field, and the SQS batch size default of 10', async () => {
    const before = Date.now();
    const mapping = await create({ FunctionName: 'mapped-fn', EventSourceArn: queueArn });
    expect(mapping.$metadata.httpStatusCode).toBe(202);
    expect(mapping.UUID).toMatch(UUID);
    expect(mapping).toMatchObject({
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      EventSourceArn: queueArn,
      FunctionArn: FUNCTION_ARN,
      State: 'Creating',
      StateTransitionReason: 'User action',
      LastProcessingResult: 'No records processed',
    });
    expect(mapping.LastModified).toBeInstanceOf(Date);
    expect(mapping.LastModified!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await removeMapping(mapping.UUID);
  });

  it('defaults BatchSize to 100 for a Kinesis stream', async () => {
    const mapping = await create({ FunctionName: 'mapped-fn', EventSourceArn: streamArn, StartingPosition: 'LATEST' });
    expect(mapping).toMatchObject({ BatchSize: 100, EventSourceArn: streamArn, FunctionArn: FUNCTION_ARN, State: 'Creating' });
    await removeMapping(mapping.UUID);
  });

  it('defaults BatchSize to 100 for a DynamoDB stream', async () => {
    const mapping = await create({ FunctionName: 'mapped-fn', EventSourceArn: tableStreamArn, StartingPosition: 'TRIM_HORIZON' });
    expect(mapping).toMatchObject({ BatchSize: 100, EventSourceArn: tableStreamArn, FunctionArn: FUNCTION_ARN });
    await removeMapping(mapping.UUID);
  });

  it('echoes an explicit BatchSize and MaximumBatchingWindowInSeconds', async () => {
    const mapping = await create({
      FunctionName: 'mapped-fn',
      EventSourceArn: streamArn,
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: new Date('2019-11-01T00:00:00Z'),
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 30,
    });
    expect(mapping).toMatchObject({ BatchSize: 500, MaximumBatchingWindowInSeconds: 30 });
    await removeMapping(mapping.UUID);
  });

  it('sends LastModified as a number of epoch seconds on the wire, with x-amzn-RequestId', async () => {
    const answer = await postMapping(server.url, { FunctionName: 'mapped-fn', EventSourceArn: queueArn });
    expect(answer.status).toBe(202);
    expect(typeof answer.json?.['LastModified']).toBe('number');
    expect(Math.abs(Number(answer.json?.['LastModified']) - Date.now() / 1000)).toBeLessThan(60);
    expect(answer.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(answer.json ?? {}).sort()).toEqual([
      'BatchSize',
      'EventSourceArn',
      'FunctionArn',
      'LastModified',
      'LastProcessingResult',
      'MaximumBatchingWindowInSeconds',
      'State',
      'StateTransitionReason',
      'UUID',
    ]);
    await removeMapping(String(answer.json?.['UUID']));
  });
});

describe('FunctionName forms', () => {
  const forms: ReadonlyArray<readonly [string, string, string]> = [
    ['a function name', 'mapped-fn', FUNCTION_ARN],
    ['a function ARN', FUNCTION_ARN, FUNCTION_ARN],
    ['a version ARN ($LATEST), keeping the qualifier', `${FUNCTION_ARN}:$LATEST`, `${FUNCTION_ARN}:$LATEST`],
    ['a partial ARN', '123456789012:function:mapped-fn', FUNCTION_ARN],
    ['a partial ARN with a region', 'us-east-1:123456789012:function:mapped-fn', FUNCTION_ARN],
    ['a name with the $LATEST qualifier', 'mapped-fn:$LATEST', `${FUNCTION_ARN}:$LATEST`],
  ];
  for (const [title, functionName, expectedArn] of forms) {
    it(`resolves ${title}`, async () => {
      const mapping = await create({ FunctionName: functionName, EventSourceArn: queueArn });
      expect(mapping.FunctionArn).toBe(expectedArn);
      await removeMapping(mapping.UUID);
    });
  }
});

describe('Get, List and Delete', () => {
  it('reads a mapping back as Enabled, or Disabled when created with Enabled false', async () => {
    const enabled = await create({ FunctionName: 'mapped-fn', EventSourceArn: queueArn });
    const got = await clients.lambda.send(new GetEventSourceMappingCommand({ UUID: enabled.UUID }));
    expect(got).toMatchObject({ UUID: enabled.UUID, State: 'Enabled', BatchSize: 10, FunctionArn: FUNCTION_ARN });
    expect(got.$metadata.httpStatusCode).toBe(200);

    const disabled = await create({ FunctionName: 'mapped-fn', EventSourceArn: streamArn, StartingPosition: 'LATEST', Enabled: false });
    expect(disabled.State).toBe('Creating');
    const gotDisabled = await clients.lambda.send(new GetEventSourceMappingCommand({ UUID: disabled.UUID }));
    expect(gotDisabled.State).toBe('Disabled');
    await removeMapping(enabled.UUID);
    await removeMapping(disabled.UUID);
  });

  it('deletes with 202 and State Deleting, after which the mapping is gone and can be made again', async () => {
    const mapping = await create({ FunctionName: 'mapped-fn', EventSourceArn: queueArn });
    const deleted = await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(deleted).toMatchObject({ UUID: mapping.UUID, State: 'Deleting' });

    const gone = await failure(clients.lambda.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID })));
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    const deletedAgain = await failure(clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID })));
    expect(deletedAgain).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });

    const again = await create({ FunctionName: 'mapped-fn', EventSourceArn: queueArn });
    expect(again.UUID).not.toBe(mapping.UUID);
    await removeMapping(again.UUID);
  });

  it('lists mappings, filtered by function and by event source, a page at a time', async () => {
    await createFunction(clients, 'listed-fn');
    const onQueue = await create({ FunctionName: 'listed-fn', EventSourceArn: queueArn });
    const onStream = await create({ FunctionName: 'listed-fn', EventSourceArn: streamArn, StartingPosition: 'LATEST' });
    const other = await create({ FunctionName: 'mapped-fn', EventSourceArn: queueArn });

    const byFunction = await clients.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'listed-fn' }));
    expect(byFunction.EventSourceMappings?.map((m) => m.UUID)).toEqual([onQueue.UUID, onStream.UUID]);

    const bySource = await clients.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: queueArn }));
    expect(bySource.EventSourceMappings?.map((m) => m.UUID)).toEqual([onQueue.UUID, other.UUID]);

    const both = await clients.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'listed-fn', EventSourceArn: queueArn }));
    expect(both.EventSourceMappings?.map((m) => m.UUID)).toEqual([onQueue.UUID]);

    const firstPage = await clients.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'listed-fn', MaxItems: 1 }));
    expect(firstPage.EventSourceMappings?.map((m) => m.UUID)).toEqual([onQueue.UUID]);
    expect(firstPage.NextMarker).toBeDefined();
    const secondPage = await clients.lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'listed-fn', MaxItems: 1, Marker: firstPage.NextMarker }),
    );
    expect(secondPage.EventSourceMappings?.map((m) => m.UUID)).toEqual([onStream.UUID]);
    expect(secondPage.NextMarker).toBeUndefined();

    const badPage = await failure(clients.lambda.send(new ListEventSourceMappingsCommand({ MaxItems: 0 })));
    expect(badPage).toMatchObject({ name: 'InvalidParameterValueException', status: 400 });

    for (const mapping of [onQueue, onStream, other]) await removeMapping(mapping.UUID);
  });

  it('keeps mappings of a deleted function readable, and deleting a source breaks nothing', async () => {
    await createFunction(clients, 'short-lived-fn');
    const queue = await createQueue(clients, 'short-lived-queue');
    const mapping = await create({ FunctionName: 'short-lived-fn', EventSourceArn: queue });
    await clients.lambda.send(new DeleteFunctionCommand({ FunctionName: 'short-lived-fn' }));
    await clients.sqs.send(new DeleteQueueCommand({ QueueUrl: `${server.url}/123456789012/short-lived-queue` }));
    const got = await clients.lambda.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }));
    expect(got.FunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:short-lived-fn');
    await removeMapping(mapping.UUID);
  });
});
