import { DynamoDBClient, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { KinesisClient, CreateStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { LambdaClient, CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { SQSClient, CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';

// The official AWS SDK v3 clients, pointed at a reference server. One attempt only: a test that
// expects an error must see the server's first answer, not the SDK's retry of it.
export function clientConfig(url: string, region = 'us-east-1') {
  return {
    endpoint: url,
    region,
    credentials: { accessKeyId: 'AKIDREFERENCETEST', secretAccessKey: 'reference-test-secret' },
    maxAttempts: 1,
  };
}

export interface Clients {
  readonly lambda: LambdaClient;
  readonly sqs: SQSClient;
  readonly kinesis: KinesisClient;
  readonly dynamodb: DynamoDBClient;
  destroy(): void;
}

export function clientsFor(url: string, region = 'us-east-1'): Clients {
  const config = clientConfig(url, region);
  const clients = {
    lambda: new LambdaClient(config),
    sqs: new SQSClient(config),
    kinesis: new KinesisClient(config),
    dynamodb: new DynamoDBClient(config),
  };
  return {
    ...clients,
    destroy: () => Object.values(clients).forEach((client) => client.destroy()),
  };
}

// An empty zip archive (just the end-of-central-directory record): enough to be code.
export const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export async function createFunction(clients: Clients, name: string): Promise<string> {
  const created = await clients.lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: 'arn:aws:iam::123456789012:role/reference-test',
      Handler: 'index.handler',
      Code: { ZipFile: EMPTY_ZIP },
    }),
  );
  return created.FunctionArn ?? '';
}

export async function createQueue(clients: Clients, name: string): Promise<string> {
  const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return Attributes?.QueueArn ?? '';
}

export async function createStream(clients: Clients, name: string): Promise<string> {
  await clients.kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
  const summary = await clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
  return summary.StreamDescriptionSummary?.StreamARN ?? '';
}

export async function createTableStream(clients: Clients, name: string): Promise<string> {
  const created = await clients.dynamodb.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  return created.TableDescription?.LatestStreamArn ?? '';
}

// Runs a promise that must fail and returns the SDK error, so tests can look at its name and status.
export async function failure(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined; error: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const record = error as Record<string, unknown> & { $metadata?: { httpStatusCode?: number } };
    return { name: String(record['name']), status: record.$metadata?.httpStatusCode, error: record };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
