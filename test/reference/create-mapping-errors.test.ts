import { CreateEventSourceMappingCommand, DeleteEventSourceMappingCommand, type CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import { DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { postMapping } from './support/raw-http.ts';
import { clientsFor, createFunction, createQueue, createStream, createTableStream, failure, type Clients } from './support/reference-clients.ts';

// Every documented error of CreateEventSourceMapping, and the boundaries on both sides of each rule.
let server: ReferenceServer;
let clients: Clients;
const source = { sqs: '', kinesis: '', dynamodb: '' };
const NAME_64 = 'f'.repeat(64);

beforeAll(async () => {
  server = await startReferenceServer();
  clients = clientsFor(server.url);
  await createFunction(clients, 'err-fn');
  await createFunction(clients, NAME_64);
  source.sqs = await createQueue(clients, 'err-queue');
  source.kinesis = await createStream(clients, 'err-stream');
  source.dynamodb = await createTableStream(clients, 'err-table');
});
afterAll(async () => {
  clients.destroy();
  await server.close();
});

// Sends a request that must be accepted, and removes the mapping so the next case starts clean.
async function expectAccepted(input: Partial<CreateEventSourceMappingCommandInput>): Promise<void> {
  const mapping = await clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'err-fn', ...input } as CreateEventSourceMappingCommandInput));
  expect(mapping.$metadata.httpStatusCode).toBe(202);
  await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
}

async function expectRefused(input: Partial<CreateEventSourceMappingCommandInput>, status: number, name: string): Promise<string> {
  const refused = await failure(
    clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'err-fn', ...input } as CreateEventSourceMappingCommandInput)),
  );
  expect(refused).toMatchObject({ name, status });
  return String(refused.error['message']);
}

const invalid = (input: Partial<CreateEventSourceMappingCommandInput>) => expectRefused(input, 400, 'InvalidParameterValueException');
const notFound = (input: Partial<CreateEventSourceMappingCommandInput>) => expectRefused(input, 404, 'ResourceNotFoundException');
const streamStart = { StartingPosition: 'LATEST' } as const;

describe('404 ResourceNotFoundException', () => {
  it('for a function that does not exist', async () => {
    expect(await notFound({ FunctionName: 'no-such-fn', EventSourceArn: source.sqs })).toContain('no-such-fn');
  });
  it('for a function ARN in another region or account', async () => {
    await notFound({ FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:err-fn', EventSourceArn: source.sqs });
    await notFound({ FunctionName: 'arn:aws:lambda:us-east-1:210987654321:function:err-fn', EventSourceArn: source.sqs });
  });
  it('for an alias that was never created', async () => {
    await notFound({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:err-fn:PROD', EventSourceArn: source.sqs });
  });
  it('for well-formed ARNs of a queue, a stream and a table stream that were never created', async () => {
    await notFound({ EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:never-queue' });
    await notFound({ EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/never-stream', ...streamStart });
    await notFound({ EventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/never-table/stream/2019-11-26T00:00:00.000', ...streamStart });
  });
  it('for a queue that was deleted', async () => {
    const arn = await createQueue(clients, 'doomed-queue');
    await clients.sqs.send(new DeleteQueueCommand({ QueueUrl: `${server.url}/123456789012/doomed-queue` }));
    expect(await notFound({ EventSourceArn: arn })).toContain(arn);
  });
});

describe('409 ResourceConflictException', () => {
  it('for a second mapping of the same function and event source, in whichever form the function is named', async () => {
    const first = await clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'err-fn', EventSourceArn: source.sqs }));
    await expectRefused({ EventSourceArn: source.sqs }, 409, 'ResourceConflictException');
    await expectRefused({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:err-fn', EventSourceArn: source.sqs }, 409, 'ResourceConflictException');
    await expectRefused({ FunctionName: '123456789012:function:err-fn', EventSourceArn: source.sqs }, 409, 'ResourceConflictException');
    await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: first.UUID }));
    await expectAccepted({ EventSourceArn: source.sqs });
  });
});

describe('BatchSize bounds per source type', () => {
  const bounds: ReadonlyArray<readonly [keyof typeof source, number, 'accepted' | 'invalid']> = [
    ['sqs', 0, 'invalid'], ['sqs', 1, 'accepted'], ['sqs', 10, 'accepted'], ['sqs', 11, 'invalid'],
    ['sqs', 1000, 'invalid'], ['sqs', 10000, 'invalid'],
    ['dynamodb', 0, 'invalid'], ['dynamodb', 1, 'accepted'], ['dynamodb', 10, 'accepted'], ['dynamodb', 11, 'accepted'],
    ['dynamodb', 1000, 'accepted'], ['dynamodb', 1001, 'invalid'], ['dynamodb', 10000, 'invalid'],
    ['kinesis', 0, 'invalid'], ['kinesis', 1, 'accepted'], ['kinesis', 10, 'accepted'], ['kinesis', 1000, 'accepted'],
    ['kinesis', 1001, 'accepted'], ['kinesis', 10000, 'accepted'], ['kinesis', 10001, 'invalid'],
    ['kinesis', -1, 'invalid'],
  ];
  for (const [type, batchSize, outcome] of bounds) {
    it(`${type} BatchSize ${batchSize} is ${outcome}`, async () => {
      const input = { EventSourceArn: source[type], BatchSize: batchSize, ...(type === 'sqs' ? {} : streamStart) };
      if (outcome === 'accepted') await expectAccepted(input);
      else expect(await invalid(input)).toContain('BatchSize');
    });
  }
});

describe('MaximumBatchingWindowInSeconds', () => {
  for (const [window, outcome] of [[-1, 'invalid'], [0, 'accepted'], [300, 'accepted'], [301, 'invalid'], [1.5, 'invalid']] as const) {
    it(`${window} is ${outcome}`, async () => {
      const input = { EventSourceArn: source.kinesis, MaximumBatchingWindowInSeconds: window, ...streamStart };
      if (outcome === 'accepted') await expectAccepted(input);
      else expect(await invalid(input)).toContain('MaximumBatchingWindowInSeconds');
    });
  }
});

describe('StartingPosition', () => {
  it('is required for Kinesis and DynamoDB Streams', async () => {
    expect(await invalid({ EventSourceArn: source.kinesis })).toContain('StartingPosition is required');
    expect(await invalid({ EventSourceArn: source.dynamodb })).toContain('StartingPosition is required');
  });
  it('accepts TRIM_HORIZON and LATEST for both stream types', async () => {
    for (const arn of [source.kinesis, source.dynamodb]) {
      for (const position of ['TRIM_HORIZON', 'LATEST'] as const) await expectAccepted({ EventSourceArn: arn, StartingPosition: position });
    }
  });
  it('accepts AT_TIMESTAMP with a timestamp for Kinesis only', async () => {
    await expectAccepted({ EventSourceArn: source.kinesis, StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date(1_572_566_400_000) });
    expect(await invalid({ EventSourceArn: source.dynamodb, StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date() })).toContain(
      'only supported for Amazon Kinesis',
    );
  });
  it('refuses AT_TIMESTAMP without a timestamp, and a timestamp without AT_TIMESTAMP', async () => {
    await invalid({ EventSourceArn: source.kinesis, StartingPosition: 'AT_TIMESTAMP' });
    await invalid({ EventSourceArn: source.kinesis, StartingPosition: 'LATEST', StartingPositionTimestamp: new Date() });
  });
  it('refuses a value outside the enum, and any StartingPosition for an SQS queue', async () => {
    await invalid({ EventSourceArn: source.kinesis, StartingPosition: 'EARLIEST' as 'LATEST' });
    await invalid({ EventSourceArn: source.kinesis, StartingPosition: 'latest' as 'LATEST' });
    await invalid({ EventSourceArn: source.sqs, StartingPosition: 'TRIM_HORIZON' });
  });
});

describe('EventSourceArn', () => {
  const malformed = [
    'not-an-arn',
    'arn:aws:sqs:us-east-1:12345:q', // account is not 12 digits
    'arn:aws:sqs:useast1:123456789012:q', // region does not match the pattern
    'arn:aws:sqs:us-east-1:123456789012', // no resource part
    'arn:amazon:sqs:us-east-1:123456789012:q', // partition must start with "aws"
    'arn:aws:s3:::a-bucket', // a valid ARN, but not an event source
    'arn:aws:dynamodb:us-east-1:123456789012:table/a-table', // a table, not its stream
    'arn:aws:kinesis:us-east-1:123456789012:a-stream', // no stream/ prefix
    'arn:aws:sqs:us-east-1:123456789012:bad/queue',
    '',
  ];
  for (const arn of malformed) {
    it(`refuses "${arn}" with 400`, async () => {
      await invalid({ EventSourceArn: arn });
    });
  }
});

describe('FunctionName', () => {
  const arnPrefix = 'arn:aws:lambda:us-east-1:123456789012:function:'; // 47 characters
  it('accepts a 64-character name and refuses a 65-character one', async () => {
    await expectAccepted({ FunctionName: NAME_64, EventSourceArn: source.sqs });
    expect(await invalid({ FunctionName: `${NAME_64}x`, EventSourceArn: source.sqs })).toContain('64');
  });
  it('lets a 140-character ARN through validation (404: no such alias) and refuses 141 characters', async () => {
    const arn140 = `${arnPrefix}${NAME_64}:${'a'.repeat(28)}`;
    expect(arn140).toHaveLength(140);
    await notFound({ FunctionName: arn140, EventSourceArn: source.sqs });
    expect(await invalid({ FunctionName: `${arn140}a`, EventSourceArn: source.sqs })).toContain('140');
  });
  for (const name of ['my.function', 'my function', 'fn!', 'fn:', 'fn:$PREVIOUS', `${arnPrefix}`, 'arn:aws:s3:::bucket', 'ünïcode']) {
    it(`refuses "${name}" with 400`, async () => {
      await invalid({ FunctionName: name, EventSourceArn: source.sqs });
    });
  }
});

describe('missing fields and wrong JSON types (raw HTTP)', () => {
  const base = (): Record<string, unknown> => ({ FunctionName: 'err-fn', EventSourceArn: source.sqs });
  const cases: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
    ['no FunctionName', { FunctionName: undefined }, 'FunctionName is required'],
    ['no EventSourceArn', { EventSourceArn: undefined }, 'EventSourceArn is required'],
    ['an empty FunctionName', { FunctionName: '' }, 'FunctionName'],
    ['a string BatchSize', { BatchSize: '10' }, 'BatchSize must be an integer'],
    ['a non-integer BatchSize', { BatchSize: 5.5 }, 'BatchSize must be an integer'],
    ['a boolean BatchSize', { BatchSize: true }, 'BatchSize must be an integer'],
    ['a numeric FunctionName', { FunctionName: 123 }, 'FunctionName must be a string'],
    ['an object EventSourceArn', { EventSourceArn: { arn: 'x' } }, 'EventSourceArn must be a string'],
    ['a string Enabled', { Enabled: 'true' }, 'Enabled must be a boolean'],
    ['a string window', { MaximumBatchingWindowInSeconds: '5' }, 'MaximumBatchingWindowInSeconds must be an integer'],
    ['a numeric StartingPosition', { StartingPosition: 1 }, 'StartingPosition must be a string'],
    ['an ISO string timestamp', { StartingPositionTimestamp: '2019-11-01T00:00:00Z' }, 'StartingPositionTimestamp must be a number'],
    ['an array FunctionName', { FunctionName: ['err-fn'] }, 'FunctionName must be a string'],
  ];
  for (const [title, change, message] of cases) {
    it(`refuses ${title} with 400 InvalidParameterValueException`, async () => {
      const answer = await postMapping(server.url, { ...base(), ...change });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
      expect(answer.json).toMatchObject({ Type: 'User' });
      expect(String(answer.json?.['message'])).toContain(message);
    });
  }
  it('treats null as an absent optional field', async () => {
    const answer = await postMapping(server.url, { ...base(), BatchSize: null });
    expect(answer.status).toBe(202);
    expect(answer.json?.['BatchSize']).toBe(10);
    await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: String(answer.json?.['UUID']) }));
  });
  it('ignores a body field the documentation does not define', async () => {
    const answer = await postMapping(server.url, { ...base(), FilterCriteria: { Filters: [] } });
    expect(answer.status).toBe(202);
    expect(answer.json).not.toHaveProperty('FilterCriteria');
    await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: String(answer.json?.['UUID']) }));
  });
});
